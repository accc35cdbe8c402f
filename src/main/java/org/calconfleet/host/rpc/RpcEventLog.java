package org.calconfleet.host.rpc;

import java.io.IOException;
import java.util.List;

import com.rapid7.client.dcerpc.messages.HandleResponse;

import org.calconfleet.host.WindowsErrors;
import org.calconfleet.host.windows.WindowsApi.EventVisitor;
import org.calconfleet.host.windows.WindowsApiException;

/**
 * The event log read of {@link RpcWindowsApi} (MS-EVEN) over a pipe bound to the eventlog interface. MS-EVEN
 * answers with NT statuses where MS-RRP and MS-SCMR answer with Win32 codes; they become the closest Win32 code here.
 */
final class RpcEventLog {

    private static final int ERROR_INVALID_HANDLE = 6;
    private static final int STATUS_INVALID_HANDLE = 0xC0000008;
    /** A few dozen records: a read of the newest events seldom needs a second round trip. */
    private static final int READ_BUFFER = 16 * 1024;

    private RpcEventLog() {
    }

    /**
     * Reads with SEEK|BACKWARDS from the newest record ({@code oldest + count - 1}) down, one buffer at a time,
     * continuing below the lowest record number each read returned: the same on Windows, which starts a plain
     * backwards read at the newest record, and on Samba, which starts it at the oldest. A buffer too small for
     * the next record is answered with the size it needs, and the read is repeated with that.
     */
    static void readBackwards(RpcPipe pipe, String log, EventVisitor visitor) throws IOException, WindowsApiException {
        HandleResponse opened = pipe.call(new EvenCalls.OpenEventLog(log));
        checkNt(opened.getReturnValue(), "ElfrOpenELW " + log);
        byte[] handle = opened.getHandle();
        try {
            EvenCalls.NumberResponse count = pipe.call(EvenCalls.LogNumber.numberOfRecords(handle));
            checkNt(count.getReturnValue(), "ElfrNumberOfRecords");
            if (count.number() == 0) {
                return;
            }
            EvenCalls.NumberResponse oldestAnswer = pipe.call(EvenCalls.LogNumber.oldestRecord(handle));
            checkNt(oldestAnswer.getReturnValue(), "ElfrOldestRecord");
            long oldest = oldestAnswer.number();
            long next = oldest + count.number() - 1;
            int size = READ_BUFFER;
            while (next >= oldest) {
                EvenCalls.ReadResponse read = pipe.call(new EvenCalls.ReadEventLog(handle,
                        EvenCalls.EVENTLOG_SEEK_READ | EvenCalls.EVENTLOG_BACKWARDS_READ, next, size));
                int status = read.getReturnValue();
                if (status == EvenCalls.STATUS_BUFFER_TOO_SMALL && read.minBytesNeeded() > size
                        && read.minBytesNeeded() <= EvenCalls.MAX_READ) {
                    size = read.minBytesNeeded();
                    continue;
                }
                if (status == EvenCalls.STATUS_END_OF_FILE) {
                    return;
                }
                checkNt(status, "ElfrReadELW at record " + next);
                List<EvenCalls.NumberedEvent> records = read.records();
                if (records.isEmpty()) {
                    return;
                }
                for (EvenCalls.NumberedEvent record : records) {
                    if (!visitor.visit(record.event())) {
                        return;
                    }
                }
                next = records.getLast().recordNumber() - 1;
            }
        } finally {
            pipe.call(new EvenCalls.CloseEventLog(handle));
        }
    }

    /** An NTSTATUS of MS-EVEN, as the closest Win32 code with the status named. */
    private static void checkNt(int status, String what) throws WindowsApiException {
        if (status == 0) {
            return;
        }
        int code = switch (status) {
            case (int) RpcErrors.STATUS_ACCESS_DENIED -> WindowsErrors.ERROR_ACCESS_DENIED;
            case (int) RpcErrors.STATUS_OBJECT_NAME_NOT_FOUND -> WindowsErrors.ERROR_FILE_NOT_FOUND;
            case STATUS_INVALID_HANDLE -> ERROR_INVALID_HANDLE;
            default -> RpcErrors.ERROR_GEN_FAILURE;
        };
        throw new WindowsApiException(code,
                what + " returned NT status " + RpcErrors.name(Integer.toUnsignedLong(status)));
    }
}
