package org.calconfleet.port;

/** Why a firewall rule is needed. */
public enum RulePurpose {
    ENDPOINT_MAPPER("port.firewall.purpose.endpointMapper", "RPC endpoint mapper"),
    PINNED_PORT("port.firewall.purpose.pinnedPort", "Calendar Connector RPC, pinned port"),
    DYNAMIC_RPC_PORTS("port.firewall.purpose.dynamicRpcPorts", "Calendar Connector RPC, dynamic ports"),
    MANAGEMENT_SMB("port.firewall.purpose.managementSmb",
            "Console management: registry, service control and event log over SMB"),
    MANAGEMENT_AGENT("port.firewall.purpose.managementAgent", "Console management: the host's agent (HTTPS)");

    private final String messageKey;
    private final String englishText;

    RulePurpose(String messageKey, String englishText) {
        this.messageKey = messageKey;
        this.englishText = englishText;
    }

    public String messageKey() {
        return messageKey;
    }

    /** For the CSV that goes into a network team's change request, which is written in English. */
    public String englishText() {
        return englishText;
    }
}
