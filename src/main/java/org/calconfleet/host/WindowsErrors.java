package org.calconfleet.host;

/**
 * Win32 error codes the backends meet, and their mapping to typed failures. Shared by the JNA and RPC backends
 * and the simulator so that all of them fail the same way for the same cause. Plain numbers, no native code.
 */
public final class WindowsErrors {

    public static final int ERROR_FILE_NOT_FOUND = 2;
    public static final int ERROR_PATH_NOT_FOUND = 3;
    public static final int ERROR_ACCESS_DENIED = 5;
    public static final int ERROR_BAD_NETPATH = 53;
    public static final int ERROR_BAD_NET_NAME = 67;
    public static final int ERROR_SEM_TIMEOUT = 121;
    public static final int ERROR_SERVICE_REQUEST_TIMEOUT = 1053;
    public static final int ERROR_SERVICE_ALREADY_RUNNING = 1056;
    public static final int ERROR_SERVICE_DISABLED = 1058;
    public static final int ERROR_SERVICE_DOES_NOT_EXIST = 1060;
    public static final int ERROR_SERVICE_CANNOT_ACCEPT_CTRL = 1061;
    public static final int ERROR_SERVICE_NOT_ACTIVE = 1062;
    public static final int ERROR_SERVICE_SPECIFIC_ERROR = 1066;
    public static final int ERROR_PROCESS_ABORTED = 1067;
    public static final int ERROR_SERVICE_DEPENDENCY_FAIL = 1068;
    public static final int ERROR_SERVICE_LOGON_FAILED = 1069;
    public static final int ERROR_SHUTDOWN_IN_PROGRESS = 1115;
    public static final int ERROR_LOGON_FAILURE = 1326;
    public static final int ERROR_PASSWORD_EXPIRED = 1330;
    public static final int ERROR_ACCOUNT_DISABLED = 1331;
    public static final int ERROR_ACCOUNT_LOCKED_OUT = 1909;
    public static final int ERROR_DATATYPE_MISMATCH = 1629;
    public static final int RPC_S_SERVER_UNAVAILABLE = 1722;
    public static final int RPC_S_CALL_FAILED = 1726;
    public static final int RPC_S_DUPLICATE_ENDPOINT = 1740;
    public static final int EPT_S_NOT_REGISTERED = 1753;
    public static final int WSAEADDRINUSE = 10048;

    /** Which subsystem was called, for the wording of the detail. */
    public enum Context {
        REGISTRY, SERVICE_CONTROL, EVENT_LOG, NETWORK
    }

    /** Maps a Win32 error to a typed failure; {@code what} names the call for the detail text. */
    public static <T> HostResult<T> toFailure(int code, Context context, String what) {
        String suffix = " (" + what + ", Win32 error " + code + ")";
        return switch (code) {
            case ERROR_ACCESS_DENIED ->
                    HostResult.failure(HostFailure.ACCESS_DENIED, "access denied" + suffix, code);
            case ERROR_LOGON_FAILURE, ERROR_PASSWORD_EXPIRED, ERROR_ACCOUNT_DISABLED, ERROR_ACCOUNT_LOCKED_OUT ->
                    HostResult.failure(HostFailure.LOGON_FAILURE, "the host refused the credential" + suffix, code);
            case ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND -> HostResult.failure(HostFailure.NOT_FOUND,
                    (context == Context.EVENT_LOG ? "event log not found" : "registry key or value not found")
                            + suffix, code);
            case ERROR_SERVICE_DOES_NOT_EXIST ->
                    HostResult.failure(HostFailure.NOT_FOUND, "service not installed" + suffix, code);
            case ERROR_BAD_NETPATH, ERROR_BAD_NET_NAME -> HostResult.failure(HostFailure.UNREACHABLE,
                    (context == Context.REGISTRY
                            ? "Remote Registry service not running or host unreachable"
                            : "host unreachable") + suffix, code);
            case RPC_S_SERVER_UNAVAILABLE, RPC_S_CALL_FAILED, EPT_S_NOT_REGISTERED, ERROR_SHUTDOWN_IN_PROGRESS ->
                    HostResult.failure(HostFailure.UNREACHABLE, "RPC server unavailable" + suffix, code);
            case ERROR_SEM_TIMEOUT ->
                    HostResult.failure(HostFailure.TIMED_OUT, "the host did not answer in time" + suffix, code);
            case ERROR_SERVICE_REQUEST_TIMEOUT -> HostResult.failure(HostFailure.TIMED_OUT,
                    "the service did not respond to the control request in time" + suffix, code);
            case ERROR_SERVICE_LOGON_FAILED -> HostResult.failure(HostFailure.FAILED,
                    "the service did not start due to a logon failure of its account" + suffix, code);
            case ERROR_SERVICE_DISABLED ->
                    HostResult.failure(HostFailure.FAILED, "the service is disabled" + suffix, code);
            case ERROR_SERVICE_DEPENDENCY_FAIL ->
                    HostResult.failure(HostFailure.FAILED, "a dependency service failed to start" + suffix, code);
            case ERROR_DATATYPE_MISMATCH ->
                    HostResult.failure(HostFailure.WRONG_VALUE_TYPE, "registry value has another type" + suffix, code);
            default -> HostResult.failure(HostFailure.FAILED, "Windows call failed" + suffix, code);
        };
    }

    private WindowsErrors() {
    }
}
