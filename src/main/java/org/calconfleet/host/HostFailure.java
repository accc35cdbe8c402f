package org.calconfleet.host;

/**
 * Why a host call failed, coarse enough for the rollout engine to decide what to do next.
 * {@link #retryableByDefault()} is the usual answer to "try again later?"; a single failure may override it.
 */
public enum HostFailure {
    /** Network, RPC server or Remote Registry service not reachable. */
    UNREACHABLE(true),
    /** The account lacks the right on the host (registry, service control manager, event log). */
    ACCESS_DENIED(false),
    /**
     * The host refused the credential itself (wrong password, unknown, disabled or locked account), as distinct
     * from {@link #ACCESS_DENIED}, where the login succeeded but the account lacks the right.
     */
    LOGON_FAILURE(false),
    /** A key, value or service that must exist does not. */
    NOT_FOUND(false),
    /** A registry value exists with another type than the one expected (e.g. REG_SZ instead of REG_DWORD). */
    WRONG_VALUE_TYPE(false),
    /** A call or a wait for a pending service state did not finish in time. */
    TIMED_OUT(true),
    /** The host answered with an error (see the failure's Windows error code), e.g. 1069 logon failure. */
    FAILED(false),
    /** This backend cannot do the operation at all (e.g. TCP listener table of a remote host). */
    UNSUPPORTED(false),
    /** The calling thread was interrupted while waiting; the step can be resumed. */
    INTERRUPTED(true);

    private final boolean retryableByDefault;

    HostFailure(boolean retryableByDefault) {
        this.retryableByDefault = retryableByDefault;
    }

    public boolean retryableByDefault() {
        return retryableByDefault;
    }

    public String messageKey() {
        return "host.failure." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
