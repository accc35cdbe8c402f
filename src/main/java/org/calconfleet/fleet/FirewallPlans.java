package org.calconfleet.fleet;

import jakarta.annotation.security.RolesAllowed;
import org.calconfleet.access.SiteScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Optional;
import org.calconfleet.access.Role;
import org.calconfleet.port.FirewallEndpoint;
import org.calconfleet.port.FirewallExport;
import org.calconfleet.port.FirewallPlan;
import org.calconfleet.port.RpcPort;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The firewall openings a server needs at a port: the connector's traffic, and the console's own way in. */
@Service
public class FirewallPlans {

    private final ExchangeServerRepository servers;
    private final ManagementOpenings managementOpenings;

    FirewallPlans(ExchangeServerRepository servers, ManagementOpenings managementOpenings) {
        this.servers = servers;
        this.managementOpenings = managementOpenings;
    }

    /** The openings of every server the filter finds, each at its desired port, in host-name order. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public FirewallExport export(ServerFilter filter) {
        return export(servers.findAll(ServerSpecifications.matching(filter), Sort.by("hostName")).stream()
                .map(ServerAtPort::desired).toList());
    }

    /**
     * The openings of the given servers at the given ports, in the map's order (a rollout's host order). A server
     * deleted since, or of a site the acting user may not see, is named by its id among those without a plan.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public FirewallExport export(Map<Long, Integer> portsByServerId) {
        SiteScope scope = SiteScope.current();
        Map<Long, ExchangeServer> found = servers.findAllById(portsByServerId.keySet()).stream()
                .filter(server -> scope.allows(server.getSite())).collect(Collectors.toMap(ExchangeServer::getId, server -> server));
        var targets = new ArrayList<ServerAtPort>();
        var deleted = new ArrayList<String>();
        portsByServerId.forEach((id, port) -> {
            ExchangeServer server = found.get(id);
            if (server == null) {
                deleted.add("#" + id);
            } else {
                targets.add(new ServerAtPort(server, RpcPort.of(port)));
            }
        });
        FirewallExport export = export(targets);
        return deleted.isEmpty() ? export : new FirewallExport(export.plans(),
                Stream.concat(export.withoutPlan().stream(), deleted.stream()).toList());
    }

    /**
     * Empty when the addresses of the server or its partner are not recorded.
     *
     * @throws IllegalArgumentException when the recorded names or addresses cannot make a plan (one host at both
     *                                  ends, a name or address netsh cannot take)
     */
    public Optional<FirewallPlan> at(ExchangeServer server, RpcPort port) {
        if (server.getIpAddress() == null || server.getDominoServer() == null || server.getDominoAddress() == null) {
            return Optional.empty();
        }
        FirewallPlan connector = new FirewallPlan(new FirewallEndpoint(server.getHostName(), server.getIpAddress()),
                new FirewallEndpoint(server.getDominoServer(), server.getDominoAddress()), server.getConnectorKind(),
                port);
        return Optional.of(managementOpenings.to(server).map(connector::withManagement).orElse(connector));
    }

    /** One export for many servers, each at its own port; those without a plan are named in it. */
    public FirewallExport export(List<ServerAtPort> servers) {
        var plans = new ArrayList<FirewallPlan>();
        var withoutPlan = new ArrayList<String>();
        for (ServerAtPort target : servers) {
            Optional<FirewallPlan> plan;
            try {
                plan = target.port() == null ? Optional.empty() : at(target.server(), target.port());
            } catch (IllegalArgumentException e) {
                plan = Optional.empty();
            }
            plan.ifPresentOrElse(plans::add, () -> withoutPlan.add(target.server().getHostName()));
        }
        return new FirewallExport(plans, withoutPlan);
    }

    /** A server and the port its openings are for; no port (no desired port recorded) means no plan. */
    public record ServerAtPort(ExchangeServer server, @Nullable RpcPort port) {

        public static ServerAtPort desired(ExchangeServer server) {
            return new ServerAtPort(server, server.getDesiredPort() == null ? null : RpcPort.of(server.getDesiredPort()));
        }
    }
}
