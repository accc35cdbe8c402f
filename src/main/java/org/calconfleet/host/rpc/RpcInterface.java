package org.calconfleet.host.rpc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/** The three RPC interfaces the backend binds, each on its named pipe of the host's {@code IPC$} share. */
enum RpcInterface {
    /** MS-RRP, served by the Remote Registry service. */
    WINREG("winreg", "338cd001-2244-31f1-aaaa-900038001003", 1, 0),
    /** MS-SCMR, the service control manager. */
    SVCCTL("svcctl", "367abb81-9844-35f1-ad32-98f038001003", 2, 0),
    /** MS-EVEN, the classic event log (not in the dcerpc library's closed list of interfaces). */
    EVENTLOG("eventlog", "82273fdc-e32a-18c3-3f78-827929dc23ea", 0, 0);

    /** The NDR 32-bit transfer syntax, version 2. */
    static final UUID NDR = UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860");
    static final int NDR_VERSION = 2;

    private final String pipeName;
    private final UUID uuid;
    private final int majorVersion;
    private final int minorVersion;

    RpcInterface(String pipeName, String uuid, int majorVersion, int minorVersion) {
        this.pipeName = pipeName;
        this.uuid = UUID.fromString(uuid);
        this.majorVersion = majorVersion;
        this.minorVersion = minorVersion;
    }

    String pipeName() {
        return pipeName;
    }

    int majorVersion() {
        return majorVersion;
    }

    int minorVersion() {
        return minorVersion;
    }

    byte[] uuidBytes() {
        return wireBytes(uuid);
    }

    /** A UUID as DCE/RPC puts it on the wire: the first three fields little-endian, the last eight bytes as written. */
    static byte[] wireBytes(UUID uuid) {
        ByteBuffer big = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        big.flip();
        out.putInt(big.getInt()).putShort(big.getShort()).putShort(big.getShort());
        byte[] tail = new byte[8];
        big.get(tail);
        out.put(tail);
        return out.array();
    }
}
