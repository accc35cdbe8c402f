package org.calconfleet.host.rpc;

import java.io.IOException;

import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.io.ndr.Alignment;
import com.rapid7.client.dcerpc.messages.EmptyResponse;
import com.rapid7.client.dcerpc.messages.RequestCall;
import com.rapid7.client.dcerpc.messages.RequestResponse;
import com.rapid7.client.dcerpc.objects.RPCUnicodeString;

/**
 * The MS-RRP (winreg) calls the dcerpc library lacks, on its NDR framework like its own {@code msrrp.messages}:
 * the writes. Layouts follow MS-RRP 3.1.5; a handle is the 20-byte RPC_HKEY.
 */
final class RrpCalls {

    static final int KEY_QUERY_VALUE = 0x0001;
    static final int KEY_SET_VALUE = 0x0002;
    /** STANDARD_RIGHTS_READ | KEY_QUERY_VALUE | KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY. */
    static final int KEY_READ = 0x00020019;
    static final int MAXIMUM_ALLOWED = 0x02000000;
    static final int REG_OPTION_NON_VOLATILE = 0;

    /** BaseRegCreateKey (opnum 6): opens a key, creating it and any missing parents first. */
    static final class CreateKey extends RequestCall<CreateKeyResponse> {
        private final byte[] parent;
        private final String subKey;
        private final int access;

        CreateKey(byte[] parent, String subKey, int access) {
            super((short) 6);
            this.parent = parent;
            this.subKey = subKey;
            this.access = access;
        }

        @Override
        public CreateKeyResponse getResponseObject() {
            return new CreateKeyResponse();
        }

        @Override
        public void marshal(PacketOutput out) throws IOException {
            out.write(parent);                                                   // [in] RPC_HKEY hKey
            out.writeMarshallable(RPCUnicodeString.NullTerminated.of(subKey));   // [in] PRRP_UNICODE_STRING lpSubKey
            out.writeMarshallable(new RPCUnicodeString.NullTerminated());        // [in] lpClass: empty
            out.align(Alignment.FOUR);
            out.writeInt(REG_OPTION_NON_VOLATILE);                               // [in] DWORD dwOptions
            out.writeInt(access);                                                // [in] REGSAM samDesired
            out.writeNull();                                                     // [in, unique] lpSecurityAttributes
            out.writeReferentID();                                               // [in, out, unique] lpdwDisposition
            out.writeInt(0);
        }
    }

    static final class CreateKeyResponse extends RequestResponse {
        private byte[] handle = new byte[20];

        byte[] handle() {
            return handle;
        }

        @Override
        public void unmarshalResponse(PacketInput in) throws IOException {
            handle = in.readRawBytes(20);                                        // [out] PRPC_HKEY phkResult
            if (in.readReferentID() != 0) {                                      // [in, out, unique] lpdwDisposition
                in.readInt();
            }
        }
    }

    /** BaseRegSetValue (opnum 22): writes a value of any type; here always a REG_DWORD. */
    static final class SetValue extends RequestCall<EmptyResponse> {
        private final byte[] key;
        private final String valueName;
        private final int type;
        private final byte[] data;

        SetValue(byte[] key, String valueName, int type, byte[] data) {
            super((short) 22);
            this.key = key;
            this.valueName = valueName;
            this.type = type;
            this.data = data.clone();
        }

        @Override
        public EmptyResponse getResponseObject() {
            return new EmptyResponse();
        }

        @Override
        public void marshal(PacketOutput out) throws IOException {
            out.write(key);                                                      // [in] RPC_HKEY hKey
            out.writeMarshallable(RPCUnicodeString.NullTerminated.of(valueName)); // [in] lpValueName
            out.align(Alignment.FOUR);
            out.writeInt(type);                                                  // [in] DWORD dwType
            out.writeInt(data.length);                                           // [in, size_is(cbData)] lpData
            out.write(data);
            out.align(Alignment.FOUR);
            out.writeInt(data.length);                                           // [in] DWORD cbData
        }
    }

    /** BaseRegDeleteValue (opnum 8). */
    static final class DeleteValue extends RequestCall<EmptyResponse> {
        private final byte[] key;
        private final String valueName;

        DeleteValue(byte[] key, String valueName) {
            super((short) 8);
            this.key = key;
            this.valueName = valueName;
        }

        @Override
        public EmptyResponse getResponseObject() {
            return new EmptyResponse();
        }

        @Override
        public void marshal(PacketOutput out) throws IOException {
            out.write(key);                                                      // [in] RPC_HKEY hKey
            out.writeMarshallable(RPCUnicodeString.NullTerminated.of(valueName)); // [in] lpValueName
        }
    }

    private RrpCalls() {
    }
}
