package org.calconfleet.port;

/** How far one port must be shared: each server its own, one per site, or one for the whole fleet. */
public enum PortScope {
    PER_SERVER("port.scope.perServer"),
    PER_SITE("port.scope.perSite"),
    FLEET_WIDE("port.scope.fleetWide");

    private final String messageKey;

    PortScope(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
