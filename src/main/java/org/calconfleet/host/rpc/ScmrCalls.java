package org.calconfleet.host.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.io.ndr.Alignment;
import com.rapid7.client.dcerpc.messages.RequestCall;
import com.rapid7.client.dcerpc.messages.RequestResponse;

import org.calconfleet.host.windows.WindowsApi.ServiceEntry;

/**
 * The MS-SCMR (svcctl) call the dcerpc library lacks, REnumServicesStatusW, plus the access rights each call of
 * {@link RpcWindowsApi} asks for (the least it needs, so that an account with query rights alone can still query).
 */
final class ScmrCalls {

    static final int SC_MANAGER_CONNECT = 0x0001;
    static final int SC_MANAGER_ENUMERATE_SERVICE = 0x0004;
    static final int SERVICE_QUERY_STATUS = 0x0004;
    static final int SERVICE_START = 0x0010;
    static final int SERVICE_STOP = 0x0020;
    static final int SERVICE_CONTROL_STOP = 1;
    static final int SERVICE_WIN32 = 0x30;
    static final int SERVICE_STATE_ALL = 3;
    /** The protocol's bound for cbBufSize (range 0..256 KiB). */
    static final int MAX_BUFFER = 256 * 1024;

    /** REnumServicesStatusW (opnum 14): a page of ENUM_SERVICE_STATUSW, resumed with the index it returns. */
    static final class EnumServicesStatus extends RequestCall<EnumServicesStatusResponse> {
        private final byte[] manager;
        private final int bufferSize;
        private final int resumeIndex;

        EnumServicesStatus(byte[] manager, int bufferSize, int resumeIndex) {
            super((short) 14);
            this.manager = manager;
            this.bufferSize = bufferSize;
            this.resumeIndex = resumeIndex;
        }

        @Override
        public EnumServicesStatusResponse getResponseObject() {
            return new EnumServicesStatusResponse();
        }

        @Override
        public void marshal(PacketOutput out) throws IOException {
            out.write(manager);                  // [in] SC_RPC_HANDLE hSCManager
            out.writeInt(SERVICE_WIN32);         // [in] DWORD dwServiceType
            out.writeInt(SERVICE_STATE_ALL);     // [in] DWORD dwServiceState
            out.writeInt(bufferSize);            // [in] DWORD cbBufSize
            out.writeReferentID();               // [in, out, unique] LPBOUNDED_DWORD_256K lpResumeIndex
            out.writeInt(resumeIndex);
        }
    }

    static final class EnumServicesStatusResponse extends RequestResponse {
        private byte[] buffer = new byte[0];
        private int bytesNeeded;
        private int servicesReturned;
        private int resumeIndex;

        int bytesNeeded() {
            return bytesNeeded;
        }

        int resumeIndex() {
            return resumeIndex;
        }

        @Override
        public void unmarshalResponse(PacketInput in) throws IOException {
            int size = in.readIndex("lpBuffer size");          // [out, size_is(cbBufSize)] LPBYTE lpBuffer
            buffer = in.readRawBytes(size);
            in.align(Alignment.FOUR);
            bytesNeeded = in.readInt();                         // [out] pcbBytesNeeded
            servicesReturned = in.readInt();                    // [out] lpServicesReturned
            if (in.readReferentID() != 0) {                     // [in, out, unique] lpResumeIndex
                resumeIndex = in.readInt();
            }
        }

        /** ENUM_SERVICE_STATUSW entries: name offset, display name offset, SERVICE_STATUS (36 bytes each). */
        List<ServiceEntry> services() throws IOException {
            ByteBuffer in = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
            List<ServiceEntry> entries = new ArrayList<>(servicesReturned);
            try {
                for (int i = 0; i < servicesReturned; i++) {
                    int entry = i * 36;
                    entries.add(new ServiceEntry(utf16z(in, in.getInt(entry)), utf16z(in, in.getInt(entry + 4))));
                }
            } catch (IndexOutOfBoundsException e) {
                throw new IOException("ENUM_SERVICE_STATUSW out of its buffer", e);
            }
            return entries;
        }
    }

    /** A NUL-terminated UTF-16LE string at an offset of the buffer. */
    static String utf16z(ByteBuffer in, int offset) {
        int end = offset;
        while (in.getShort(end) != 0) {
            end += 2;
        }
        byte[] chars = new byte[end - offset];
        in.get(offset, chars);
        return new String(chars, StandardCharsets.UTF_16LE);
    }

    private ScmrCalls() {
    }
}
