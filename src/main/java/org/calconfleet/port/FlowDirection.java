package org.calconfleet.port;

/** Which way a connection is opened between the Exchange server and its partner. */
public enum FlowDirection {
    EXCHANGE_TO_PARTNER("port.firewall.direction.exchangeToPartner"),
    PARTNER_TO_EXCHANGE("port.firewall.direction.partnerToExchange");

    private final String messageKey;

    FlowDirection(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
