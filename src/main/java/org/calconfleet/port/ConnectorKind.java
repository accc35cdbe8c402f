package org.calconfleet.port;

/** The mail system on the other side of the Calendar Connector. */
public enum ConnectorKind {
    LOTUS_DOMINO("port.connector.lotusDomino", "Domino"),
    NOVELL_GROUPWISE("port.connector.novellGroupwise", "GroupWise");

    private final String messageKey;
    private final String partnerName;

    ConnectorKind(String messageKey, String partnerName) {
        this.messageKey = messageKey;
        this.partnerName = partnerName;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The partner's short English name, as used in the CSV for the network team. */
    public String partnerName() {
        return partnerName;
    }

    /**
     * Only the Domino side (EXCALCON) can be pinned, so a GroupWise connector keeps using dynamic RPC
     * ports whatever the registry says.
     */
    public boolean canPinPort() {
        return this == LOTUS_DOMINO;
    }
}
