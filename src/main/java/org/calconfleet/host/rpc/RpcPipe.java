package org.calconfleet.host.rpc;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.PipeShare;
import com.rapid7.client.dcerpc.transport.SMBTransport;
import com.rapid7.helper.smbj.share.NamedPipe;

/**
 * One named pipe of the host's {@code IPC$} share with an RPC interface bound on it. The bind is ours, not the
 * library's: its {@code bind} takes only the interfaces of its closed enum, and the event log is not among them.
 * Requests then go through the library's {@code call}, which uses presentation context 0 as this bind does.
 */
final class RpcPipe extends SMBTransport implements Closeable {

    private static final byte PTYPE_BIND = 11;
    private static final byte PTYPE_BIND_ACK = 12;
    private static final byte PTYPE_BIND_NAK = 13;
    private static final byte FIRST_AND_LAST_FRAGMENT = 0x03;
    private static final short BIND_LENGTH = 72;

    private final NamedPipe pipe;
    private final RpcInterface bound;

    private RpcPipe(NamedPipe pipe, RpcInterface bound) {
        super(pipe);
        this.pipe = pipe;
        this.bound = bound;
    }

    static RpcPipe open(Session session, PipeShare ipc, RpcInterface rpcInterface) throws IOException {
        NamedPipe pipe = new NamedPipe(session, ipc, rpcInterface.pipeName());
        RpcPipe opened = new RpcPipe(pipe, rpcInterface);
        try {
            opened.bind();
            return opened;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    RpcInterface bound() {
        return bound;
    }

    /**
     * Binds the interface. The receive buffer of later calls keeps the library's default size, which is also the
     * largest fragment this bind lets the server send, so any fragment the server chooses fits in it.
     */
    private void bind() throws IOException {
        byte[] answer = new byte[getMaxRecvFrag()];
        int length = transact(bindRequest(getCallID(), bound), answer);
        checkBindAck(ByteBuffer.wrap(answer, 0, length).order(ByteOrder.LITTLE_ENDIAN), bound);
    }

    static byte[] bindRequest(int callId, RpcInterface rpcInterface) {
        ByteBuffer out = ByteBuffer.allocate(BIND_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 5).put((byte) 0).put(PTYPE_BIND).put(FIRST_AND_LAST_FRAGMENT);
        out.put(new byte[] {0x10, 0, 0, 0}); // little-endian integers, ASCII, IEEE floats
        out.putShort(BIND_LENGTH).putShort((short) 0).putInt(callId);
        out.putShort((short) DEFAULT_MAX_XMIT_FRAG).putShort((short) DEFAULT_MAX_RECV_FRAG).putInt(0);
        out.put((byte) 1).put(new byte[3]); // one presentation context
        out.putShort((short) 0).put((byte) 1).put((byte) 0); // context id 0, one transfer syntax
        out.put(rpcInterface.uuidBytes()).putShort((short) rpcInterface.majorVersion())
                .putShort((short) rpcInterface.minorVersion());
        out.put(RpcInterface.wireBytes(RpcInterface.NDR)).putShort((short) RpcInterface.NDR_VERSION).putShort((short) 0);
        return out.array();
    }

    /** Reads a bind_ack (or bind_nak) and fails unless the one presentation context was accepted. */
    static void checkBindAck(ByteBuffer in, RpcInterface rpcInterface) throws IOException {
        try {
            byte type = in.get(2);
            if (type == PTYPE_BIND_NAK) {
                throw new BindRejectedException(rpcInterface, "bind_nak, reason " + (in.getShort(16) & 0xFFFF));
            }
            if (type != PTYPE_BIND_ACK) {
                throw new IOException("unexpected PDU type " + type + " in answer to the bind of " + rpcInterface);
            }
            int secondaryAddressLength = in.getShort(24) & 0xFFFF;
            int results = align4(26 + secondaryAddressLength);
            int count = in.get(results) & 0xFF;
            int result = in.getShort(results + 4) & 0xFFFF;
            if (count < 1 || result != 0) {
                throw new BindRejectedException(rpcInterface, "presentation context result " + result + ", reason "
                        + (in.getShort(results + 6) & 0xFFFF));
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IOException("truncated bind_ack for " + rpcInterface, e);
        }
    }

    private static int align4(int offset) {
        return (offset + 3) & ~3;
    }

    @Override
    public void close() {
        try {
            pipe.close();
        } catch (RuntimeException ignored) {
            // the pipe is given up either way; a session that cannot close it is dropped by the caller
        }
    }

    /** The server has the pipe but does not serve the interface on it. */
    static final class BindRejectedException extends IOException {
        BindRejectedException(RpcInterface rpcInterface, String why) {
            super("the host refused to bind " + rpcInterface + " on \\PIPE\\" + rpcInterface.pipeName() + ": " + why);
        }
    }
}
