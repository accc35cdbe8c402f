package org.calconfleet.host.rpc;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.mssmb2.SMBApiException;
import com.rapid7.client.dcerpc.transport.exceptions.RPCFaultException;
import com.rapid7.helper.smbj.io.SMB2Exception;

import org.calconfleet.host.WindowsErrors;
import org.calconfleet.host.windows.WindowsApiException;
import org.jspecify.annotations.Nullable;

/**
 * What an exception of the SMB or RPC layer means as a Win32 code, so that {@link WindowsErrors#toFailure} types it
 * like the same condition met through Advapi32: NT statuses of the SMB answer (logon failure, access denied, pipe
 * missing), RPC faults, and the socket errors of a host that cannot be reached. The reason text names the NT
 * status or fault as the host sent it.
 */
final class RpcErrors {

    static final long STATUS_ACCESS_DENIED = 0xC0000022L;
    static final long STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034L;
    static final long STATUS_NO_SUCH_USER = 0xC0000064L;
    static final long STATUS_WRONG_PASSWORD = 0xC000006AL;
    static final long STATUS_LOGON_FAILURE = 0xC000006DL;
    static final long STATUS_PASSWORD_EXPIRED = 0xC0000071L;
    static final long STATUS_ACCOUNT_DISABLED = 0xC0000072L;
    static final long STATUS_PIPE_NOT_AVAILABLE = 0xC00000ADL;
    static final long STATUS_IO_TIMEOUT = 0xC00000B5L;
    static final long STATUS_BAD_NETWORK_NAME = 0xC00000CCL;
    static final long STATUS_ACCOUNT_LOCKED_OUT = 0xC0000234L;

    /**
     * Pipe disconnected / closing / broken, network name deleted, file closed, session deleted / expired: the
     * statuses of a pipe, tree or session that no longer exists, so the pooled session is dropped.
     */
    private static final Set<Long> GONE = Set.of(0xC00000B0L, 0xC00000B1L, 0xC000014BL, 0xC00000C9L, 0xC0000128L,
            0xC0000203L, 0xC000035CL);

    /** ERROR_GEN_FAILURE: the host answered with an error this class has no closer Win32 code for. */
    static final int ERROR_GEN_FAILURE = 31;
    /** RPC_S_UNKNOWN_IF: the pipe exists but its server refused to bind the interface. */
    static final int RPC_S_UNKNOWN_IF = 1717;
    /** RPC_S_CALL_FAILED_DNE: the server rejected the call with an RPC fault; it did not execute. */
    static final int RPC_S_CALL_FAILED_DNE = 1727;

    /** nca_s_fault_access_denied and the plain Win32 code that servers also put in a fault. */
    private static final int FAULT_ACCESS_DENIED = 5;

    /**
     * One translated exception.
     *
     * @param sessionBroken the SMB connection or session cannot be trusted any more: drop it
     * @param staleConnection the failure is what a connection closed by the peer while it sat in the pool looks
     *                        like, so one retry on a fresh connection is safe (nothing timed out half-way)
     */
    record Translated(WindowsApiException exception, boolean sessionBroken, boolean staleConnection) {
    }

    static Translated translate(Throwable thrown, String what) {
        SMBApiException api = find(thrown, SMBApiException.class);
        if (api != null) {
            return ntStatus(api.getStatusCode(), what, thrown);
        }
        SMB2Exception pipeStatus = find(thrown, SMB2Exception.class);
        if (pipeStatus != null) {
            return ntStatus(pipeStatus.getStatusCode(), what, thrown);
        }
        RPCFaultException fault = find(thrown, RPCFaultException.class);
        if (fault != null) {
            int code = fault.getRpcFaultValue() == FAULT_ACCESS_DENIED
                    ? WindowsErrors.ERROR_ACCESS_DENIED
                    : RPC_S_CALL_FAILED_DNE;
            return answered(code, what + ": RPC fault " + hex(fault.getRpcFaultValue()) + " (" + fault.getRpcFault() + ")",
                    thrown);
        }
        RpcPipe.BindRejectedException rejected = find(thrown, RpcPipe.BindRejectedException.class);
        if (rejected != null) {
            return answered(RPC_S_UNKNOWN_IF, what + ": " + rejected.getMessage(), thrown);
        }
        if (find(thrown, UnknownHostException.class) != null) {
            return unreachable(what + ": unknown host", thrown, false);
        }
        if (find(thrown, ConnectException.class) != null || find(thrown, NoRouteToHostException.class) != null) {
            return unreachable(what + ": TCP connection refused or no route", thrown, false);
        }
        if (find(thrown, SocketTimeoutException.class) != null) {
            return unreachable(what + ": no answer to the TCP connect", thrown, false);
        }
        if (find(thrown, InterruptedByTimeoutException.class) != null || find(thrown, TimeoutException.class) != null) {
            return new Translated(new WindowsApiException(WindowsErrors.ERROR_SEM_TIMEOUT,
                    what + ": the host did not answer within the call time-out", thrown), true, false);
        }
        if (thrown instanceof InterruptedIOException) {
            return new Translated(new WindowsApiException(WindowsErrors.ERROR_SEM_TIMEOUT,
                    what + ": interrupted while waiting for the host", thrown), true, false);
        }
        return new Translated(new WindowsApiException(WindowsErrors.RPC_S_CALL_FAILED,
                what + ": connection failed (" + describe(thrown) + ")", thrown), true, true);
    }

    private static Translated ntStatus(long status, String what, Throwable thrown) {
        String named = what + ": NT status " + name(status);
        int code = (int) status;
        if (status == STATUS_LOGON_FAILURE || status == STATUS_WRONG_PASSWORD || status == STATUS_NO_SUCH_USER) {
            return new Translated(new WindowsApiException(WindowsErrors.ERROR_LOGON_FAILURE, named, thrown), true, false);
        }
        if (status == STATUS_PASSWORD_EXPIRED) {
            return new Translated(new WindowsApiException(WindowsErrors.ERROR_PASSWORD_EXPIRED, named, thrown), true, false);
        }
        if (status == STATUS_ACCOUNT_DISABLED) {
            return new Translated(new WindowsApiException(WindowsErrors.ERROR_ACCOUNT_DISABLED, named, thrown), true, false);
        }
        if (status == STATUS_ACCOUNT_LOCKED_OUT) {
            return new Translated(new WindowsApiException(WindowsErrors.ERROR_ACCOUNT_LOCKED_OUT, named, thrown), true, false);
        }
        if (status == STATUS_ACCESS_DENIED) {
            return answered(WindowsErrors.ERROR_ACCESS_DENIED, named, thrown);
        }
        if (status == STATUS_OBJECT_NAME_NOT_FOUND) {
            // the pipe is not there: on Windows the service behind it (e.g. Remote Registry) does not run
            return answered(WindowsErrors.ERROR_BAD_NETPATH, named + " (the pipe's service does not run)", thrown);
        }
        if (status == STATUS_BAD_NETWORK_NAME) {
            return answered(WindowsErrors.ERROR_BAD_NET_NAME, named, thrown);
        }
        if (status == STATUS_PIPE_NOT_AVAILABLE) {
            return answered(WindowsErrors.RPC_S_SERVER_UNAVAILABLE, named, thrown);
        }
        if (status == STATUS_IO_TIMEOUT) {
            return new Translated(new WindowsApiException(WindowsErrors.ERROR_SEM_TIMEOUT, named, thrown), true, false);
        }
        if (GONE.contains(status)) {
            return new Translated(new WindowsApiException(WindowsErrors.RPC_S_CALL_FAILED, named, thrown), true, true);
        }
        return answered(ERROR_GEN_FAILURE, code == 0 ? what + ": " + describe(thrown) : named, thrown);
    }

    /** The host answered with an error: the session is fine and stays in the pool. */
    private static Translated answered(int code, String reason, Throwable thrown) {
        return new Translated(new WindowsApiException(code, reason, thrown), false, false);
    }

    private static Translated unreachable(String reason, Throwable thrown, boolean stale) {
        return new Translated(new WindowsApiException(WindowsErrors.ERROR_BAD_NETPATH, reason, thrown), true, stale);
    }

    /** An NT status by its name where smbj knows it, always with its hex value. */
    static String name(long status) {
        for (NtStatus known : NtStatus.values()) {
            if (known.getValue() == status) {
                return known.name() + " (" + hex((int) status) + ")";
            }
        }
        return hex((int) status);
    }

    static String hex(int value) {
        return String.format(Locale.ROOT, "0x%08X", value);
    }

    private static String describe(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static <T extends Throwable> @Nullable T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private RpcErrors() {
    }
}
