package org.calconfleet.host;

import java.util.Arrays;
import java.util.Locale;

/** A Windows service's state (SERVICE_STATUS.dwCurrentState), plus {@link #NOT_INSTALLED}. */
public enum ServiceState {
    STOPPED(1),
    START_PENDING(2),
    STOP_PENDING(3),
    RUNNING(4),
    CONTINUE_PENDING(5),
    PAUSE_PENDING(6),
    PAUSED(7),
    /** No service of that name on the host (Win32 error 1060). */
    NOT_INSTALLED(0);

    private final int win32Code;

    ServiceState(int win32Code) {
        this.win32Code = win32Code;
    }

    public int win32Code() {
        return win32Code;
    }

    public boolean isPending() {
        return this == START_PENDING || this == STOP_PENDING || this == CONTINUE_PENDING || this == PAUSE_PENDING;
    }

    /** The state a pending state settles into when it succeeds. */
    public ServiceState settlesTo() {
        return switch (this) {
            case START_PENDING, CONTINUE_PENDING -> RUNNING;
            case STOP_PENDING -> STOPPED;
            case PAUSE_PENDING -> PAUSED;
            default -> this;
        };
    }

    public String messageKey() {
        return "host.service-state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Maps dwCurrentState; an unknown code is a programming or protocol error. */
    public static ServiceState fromWin32Code(int code) {
        return Arrays.stream(values())
                .filter(s -> s.win32Code == code && s != NOT_INSTALLED)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service state code " + code));
    }
}
