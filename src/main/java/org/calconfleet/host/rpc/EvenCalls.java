package org.calconfleet.host.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.io.ndr.Alignment;
import com.rapid7.client.dcerpc.messages.HandleResponse;
import com.rapid7.client.dcerpc.messages.RequestCall;
import com.rapid7.client.dcerpc.messages.RequestResponse;
import com.rapid7.client.dcerpc.objects.RPCUnicodeString;

import org.calconfleet.host.windows.WindowsApi.RawEvent;

/**
 * MS-EVEN (eventlog) on the dcerpc library's NDR framework; the library has none of it. The calls return
 * NTSTATUS, not Win32 codes. Layouts follow MS-EVEN 3.1.4; a handle is the 20-byte IELF_HANDLE.
 */
final class EvenCalls {

    static final int EVENTLOG_SEEK_READ = 0x0002;
    static final int EVENTLOG_BACKWARDS_READ = 0x0008;
    static final int STATUS_END_OF_FILE = 0xC0000011;
    static final int STATUS_BUFFER_TOO_SMALL = 0xC0000023;
    /** The protocol's bound for NumberOfBytesToRead. */
    static final int MAX_READ = 0x7FFFF;

    /** ElfrOpenELW (opnum 7): opens a log by its name on the host itself (no server name, no registry module). */
    static final class OpenEventLog extends RequestCall<HandleResponse> {
        private final String log;

        OpenEventLog(String log) {
            super((short) 7);
            this.log = log;
        }

        @Override
        public HandleResponse getResponseObject() {
            return new HandleResponse();
        }

        @Override
        public void marshal(PacketOutput out) throws IOException {
            out.writeNull();                                                         // [in] UNCServerName: NULL
            out.writeMarshallable(RPCUnicodeString.NonNullTerminated.of(log));       // [in] ModuleName
            out.writeMarshallable(new RPCUnicodeString.NonNullTerminated());         // [in] RegModuleName: empty
            out.align(Alignment.FOUR);
            out.writeInt(1);                                                         // [in] MajorVersion
            out.writeInt(1);                                                         // [in] MinorVersion
        }
    }

    /** ElfrNumberOfRecords (opnum 4) and ElfrOldestRecord (opnum 5): one number about an open log. */
    static final class LogNumber extends RequestCall<NumberResponse> {
        private final byte[] log;

        private LogNumber(short opNum, byte[] log) {
            super(opNum);
            this.log = log;
        }

        static LogNumber numberOfRecords(byte[] log) {
            return new LogNumber((short) 4, log);
        }

        static LogNumber oldestRecord(byte[] log) {
            return new LogNumber((short) 5, log);
        }

        @Override
        public NumberResponse getResponseObject() {
            return new NumberResponse();
        }

        @Override
        public void marshal(PacketOutput out) throws IOException {
            out.write(log);
        }
    }

    static final class NumberResponse extends RequestResponse {
        private long number;

        long number() {
            return number;
        }

        @Override
        public void unmarshalResponse(PacketInput in) throws IOException {
            number = in.readUnsignedInt();
        }
    }

    /** ElfrReadELW (opnum 10). */
    static final class ReadEventLog extends RequestCall<ReadResponse> {
        private final byte[] log;
        private final int flags;
        private final long recordNumber;
        private final int bytesToRead;

        ReadEventLog(byte[] log, int flags, long recordNumber, int bytesToRead) {
            super((short) 10);
            this.log = log;
            this.flags = flags;
            this.recordNumber = recordNumber;
            this.bytesToRead = bytesToRead;
        }

        @Override
        public ReadResponse getResponseObject() {
            return new ReadResponse();
        }

        @Override
        public void marshal(PacketOutput out) throws IOException {
            out.write(log);                       // [in] IELF_HANDLE LogHandle
            out.writeInt(flags);                  // [in] unsigned long ReadFlags
            out.writeInt((int) recordNumber);     // [in] unsigned long RecordOffset
            out.writeInt(bytesToRead);            // [in] RULONG NumberOfBytesToRead
        }
    }

    static final class ReadResponse extends RequestResponse {
        private byte[] buffer = new byte[0];
        private int bytesRead;
        private int minBytesNeeded;

        int minBytesNeeded() {
            return minBytesNeeded;
        }

        @Override
        public void unmarshalResponse(PacketInput in) throws IOException {
            int size = in.readIndex("Buffer size");   // [out, size_is(NumberOfBytesToRead)] Buffer
            buffer = in.readRawBytes(size);
            in.align(Alignment.FOUR);
            bytesRead = in.readInt();                 // [out] NumberOfBytesRead
            minBytesNeeded = in.readInt();            // [out] MinNumberOfBytesNeeded
        }

        /** The records read, newest (highest record number) first. */
        List<NumberedEvent> records() throws IOException {
            return parseRecords(buffer, Math.min(bytesRead, buffer.length));
        }
    }

    /** ElfrCloseEL (opnum 2). */
    static final class CloseEventLog extends RequestCall<HandleResponse> {
        private final byte[] log;

        CloseEventLog(byte[] log) {
            super((short) 2);
            this.log = log;
        }

        @Override
        public HandleResponse getResponseObject() {
            return new HandleResponse();
        }

        @Override
        public void marshal(PacketOutput out) throws IOException {
            out.write(log);
        }
    }

    /** An event with its record number, which says where the next backwards read starts. */
    record NumberedEvent(long recordNumber, RawEvent event) {
    }

    /**
     * EVENTLOGRECORDs as packed in a read buffer: a fixed 56-byte header, then the source and computer names
     * (NUL-terminated UTF-16LE), the insertion strings at StringOffset. The ID shown by Event Viewer is the low
     * 16 bits of EventID (the wire carries the severity and facility bits too, e.g. 0x40001771 for 6001).
     */
    static List<NumberedEvent> parseRecords(byte[] buffer, int length) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        List<NumberedEvent> events = new ArrayList<>();
        int at = 0;
        try {
            while (at + 56 <= length) {
                int recordLength = in.getInt(at);
                if (recordLength < 56 || at + recordLength > length) {
                    throw new IOException("EVENTLOGRECORD of length " + recordLength + " at " + at + " of " + length);
                }
                ByteBuffer record = in.slice(at, recordLength).order(ByteOrder.LITTLE_ENDIAN);
                long number = Integer.toUnsignedLong(record.getInt(8));
                long generated = Integer.toUnsignedLong(record.getInt(12));
                int eventId = record.getInt(20) & 0xFFFF;
                int eventType = record.getShort(24) & 0xFFFF;
                int stringCount = record.getShort(26) & 0xFFFF;
                int stringOffset = record.getInt(36);
                String source = ScmrCalls.utf16z(record, 56);
                List<String> strings = new ArrayList<>(stringCount);
                int s = stringOffset;
                for (int i = 0; i < stringCount; i++) {
                    String text = ScmrCalls.utf16z(record, s);
                    strings.add(text);
                    s += 2 * text.length() + 2;
                }
                events.add(new NumberedEvent(number, new RawEvent(source, eventId, eventType, generated, strings)));
                at += recordLength;
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IOException("EVENTLOGRECORD runs past its length", e);
        }
        events.sort(Comparator.comparingLong(NumberedEvent::recordNumber).reversed());
        return events;
    }

    private EvenCalls() {
    }
}
