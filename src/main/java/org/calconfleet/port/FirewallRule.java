package org.calconfleet.port;

/**
 * One connection the Calendar Connector opens: from a host to a host, on a protocol and destination
 * port(s). As a network firewall sees it; {@link NetshCommands} turns it into host firewall rules.
 */
public record FirewallRule(FlowDirection direction, FirewallEndpoint from, FirewallEndpoint to, String protocol,
        String ports, RulePurpose purpose) {

    public static final String TCP = "TCP";
}
