package org.calconfleet.port;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The firewall openings one Exchange server and its partner need for the Calendar Connector's RPC:
 * TCP 135 (endpoint mapper) and the pinned port, or TCP 135 and 1025-65535 when the port is dynamic or
 * the partner is GroupWise. Both ways, since each side calls the other (CalCon on Exchange and EXCALCON
 * on Domino are both RPC servers). With {@code management}, also the console's own way in to the Exchange server.
 */
public record FirewallPlan(FirewallEndpoint exchange, FirewallEndpoint partner, ConnectorKind connector,
        RpcPort port, @Nullable ManagementAccess management) {

    public static final String ENDPOINT_MAPPER_PORT = "135";
    public static final PortRange DYNAMIC_RPC_PORTS = new PortRange(RpcPort.LOWEST_PINNED, RpcPort.HIGHEST);

    public FirewallPlan {
        if (exchange.name().equalsIgnoreCase(partner.name()) || exchange.address().equalsIgnoreCase(partner.address())) {
            throw new IllegalArgumentException("the Exchange server and its partner are two hosts: " + exchange
                    + " / " + partner);
        }
    }

    /** The connector's traffic only. */
    public FirewallPlan(FirewallEndpoint exchange, FirewallEndpoint partner, ConnectorKind connector, RpcPort port) {
        this(exchange, partner, connector, port, null);
    }

    public FirewallPlan withManagement(ManagementAccess access) {
        return new FirewallPlan(exchange, partner, connector, port, access);
    }

    public boolean usesDynamicPorts() {
        return port.isDynamic() || !connector.canPinPort();
    }

    public List<FirewallRule> rules() {
        var rules = new ArrayList<FirewallRule>();
        for (var direction : FlowDirection.BETWEEN_SERVERS) {
            var from = direction == FlowDirection.EXCHANGE_TO_PARTNER ? exchange : partner;
            var to = direction == FlowDirection.EXCHANGE_TO_PARTNER ? partner : exchange;
            rules.add(new FirewallRule(direction, from, to, FirewallRule.TCP, ENDPOINT_MAPPER_PORT,
                    RulePurpose.ENDPOINT_MAPPER));
            rules.add(usesDynamicPorts()
                    ? new FirewallRule(direction, from, to, FirewallRule.TCP, DYNAMIC_RPC_PORTS.text(),
                            RulePurpose.DYNAMIC_RPC_PORTS)
                    : new FirewallRule(direction, from, to, FirewallRule.TCP, port.text(), RulePurpose.PINNED_PORT));
        }
        if (management != null) {
            rules.add(new FirewallRule(FlowDirection.CONSOLE_TO_EXCHANGE, management.console(), exchange,
                    FirewallRule.TCP, management.ports(), management.purpose()));
        }
        return List.copyOf(rules);
    }
}
