package org.calconfleet.fleet;

import java.util.Locale;
import org.calconfleet.host.ServiceState;

/** The connector service's state as last observed on the host. */
public enum ConnectorServiceState {
    RUNNING, STOPPED, START_PENDING, STOP_PENDING, PAUSED, NOT_INSTALLED, UNKNOWN;

    /** The Windows service state as the inventory keeps it: pending states by where they lead. */
    public static ConnectorServiceState of(ServiceState state) {
        return switch (state) {
            case RUNNING -> RUNNING;
            case STOPPED -> STOPPED;
            case START_PENDING, CONTINUE_PENDING -> START_PENDING;
            case STOP_PENDING -> STOP_PENDING;
            case PAUSED, PAUSE_PENDING -> PAUSED;
            case NOT_INSTALLED -> NOT_INSTALLED;
        };
    }

    public String messageKey() {
        return "service.state." + name().toLowerCase(Locale.ROOT);
    }
}
