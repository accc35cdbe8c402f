package org.calconfleet.port;

import java.util.List;

/** Which way a connection is opened: between the Exchange server and its partner, or from the console. */
public enum FlowDirection {
    EXCHANGE_TO_PARTNER("port.firewall.direction.exchangeToPartner"),
    PARTNER_TO_EXCHANGE("port.firewall.direction.partnerToExchange"),
    CONSOLE_TO_EXCHANGE("port.firewall.direction.consoleToExchange");

    /** The connector's own traffic, both ways. */
    public static final List<FlowDirection> BETWEEN_SERVERS = List.of(EXCHANGE_TO_PARTNER, PARTNER_TO_EXCHANGE);

    private final String messageKey;

    FlowDirection(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
