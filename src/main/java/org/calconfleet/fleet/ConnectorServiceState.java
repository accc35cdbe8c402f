package org.calconfleet.fleet;

import java.util.Locale;

/** The connector service's state as last observed on the host. */
public enum ConnectorServiceState {
    RUNNING, STOPPED, START_PENDING, STOP_PENDING, PAUSED, NOT_INSTALLED, UNKNOWN;

    public String messageKey() {
        return "service.state." + name().toLowerCase(Locale.ROOT);
    }
}
