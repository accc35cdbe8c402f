package org.calconfleet.agent;

import java.time.Duration;
import java.util.Set;

import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentJson;
import org.calconfleet.host.agent.WireException;
import org.calconfleet.host.agent.WireObject;
import org.calconfleet.port.PortCheck;
import org.calconfleet.port.PortRules;
import org.calconfleet.port.RpcPort;
import tools.jackson.databind.node.StringNode;

/** The {@code HostBackend} operations as resources of {@link AgentApi}, over the agent's host. */
final class HostEndpoints {

    private static final String EXCHANGE_SIDE = "exchangeSidePort";
    private static final String NOTES_SIDE = "notesSidePort";

    private final AgentHost host;

    HostEndpoints(AgentHost host) {
        this.host = host;
    }

    void register(Routes routes) {
        routes.get(AgentApi.CALCON_PORTS, r -> AgentJson.result(backend().readCalConPorts(), AgentJson::ports));
        routes.withBody("PUT", AgentApi.CALCON_PORTS, r -> {
            WireObject body = r.body(EXCHANGE_SIDE, NOTES_SIDE);
            int exchangeSide = pinnablePort(body, EXCHANGE_SIDE);
            int notesSide = pinnablePort(body, NOTES_SIDE);
            if (notesSide != exchangeSide) {
                throw WireException.invalid("/" + NOTES_SIDE, "must equal " + EXCHANGE_SIDE + " (" + exchangeSide
                        + "): both sides of the connector use the same port");
            }
            return AgentJson.result(backend().writeCalConPorts(exchangeSide, notesSide), AgentHttpValues::text);
        });
        routes.withBody("POST", AgentApi.CALCON_PORTS_RESTORE, r -> AgentJson.result(
                backend().restoreCalConPorts(AgentJson.ports(r.requiredJson(), "")), AgentHttpValues::text));
        routes.get(AgentApi.CALCON_EVENTS, Set.of(AgentApi.QUERY_SINCE), r -> AgentJson.result(
                backend().readCalConEvents(WireObject.instant(r.query(AgentApi.QUERY_SINCE), "?" + AgentApi.QUERY_SINCE)),
                AgentJson::events));
        routes.get(AgentApi.DIAGNOSTIC_LEVEL, r -> AgentJson.result(backend().readDiagnosticLevel(), AgentHttpValues::text));
        routes.get(AgentApi.SERVICES, Set.of(AgentApi.QUERY_DISPLAY_NAME), r -> {
            String displayName = WireObject.checkText(r.query(AgentApi.QUERY_DISPLAY_NAME), "?" + AgentApi.QUERY_DISPLAY_NAME,
                    AgentApi.MAX_NAME, false);
            if (displayName.isBlank()) {
                throw WireException.invalid("?" + AgentApi.QUERY_DISPLAY_NAME, "must not be blank");
            }
            return AgentJson.result(backend().findServiceName(displayName), StringNode::valueOf);
        });
        routes.get(AgentApi.SERVICES + "/{name}", r -> AgentJson.result(
                service(r).queryServiceState(), AgentHttpValues::text));
        routes.withBody("POST", AgentApi.SERVICES + "/{name}/" + AgentApi.SERVICE_STOP, r -> {
            HostBackend service = service(r);
            return AgentJson.result(service.stopService(timeout(r)), AgentHttpValues::text);
        });
        routes.withBody("POST", AgentApi.SERVICES + "/{name}/" + AgentApi.SERVICE_START, r -> {
            HostBackend service = service(r);
            return AgentJson.result(service.startService(timeout(r)), AgentHttpValues::text);
        });
        routes.get(AgentApi.TCP_LISTENERS, r -> AgentJson.result(backend().listTcpListeners(), AgentJson::listeners));
        routes.get(AgentApi.TCP_PROBE, Set.of(AgentApi.QUERY_PORT, AgentApi.QUERY_TIMEOUT_MILLIS), r -> {
            int port = (int) AgentHttpValues.number(r.query(AgentApi.QUERY_PORT), "?" + AgentApi.QUERY_PORT, 0, 65535);
            long millis = AgentHttpValues.number(r.query(AgentApi.QUERY_TIMEOUT_MILLIS), "?" + AgentApi.QUERY_TIMEOUT_MILLIS,
                    0, AgentApi.MAX_TIMEOUT.toMillis());
            return AgentJson.result(backend().probeTcpPort(port, Duration.ofMillis(millis)), AgentHttpValues::text);
        });
    }

    /**
     * A port the console's rules allow for the connector, checked here too because the agent writes whatever it is
     * sent: a request that bypasses the console must not pin the connector to a privileged or unusable port.
     */
    private static int pinnablePort(WireObject body, String field) {
        int port = body.intField(field, 0, RpcPort.HIGHEST);
        if (PortRules.check(port) instanceof PortCheck.Refused) {
            throw WireException.invalid("/" + field, "must be 0 (the endpoint mapper picks the port) or a port from "
                    + RpcPort.LOWEST_PINNED + " to " + RpcPort.HIGHEST);
        }
        return port;
    }

    private HostBackend backend() {
        return host.backend(CalConRegistry.DEFAULT_SERVICE_NAME);
    }

    private HostBackend service(Routes.Request request) {
        String name = request.variable("name");
        if (!AgentApi.SERVICE_NAME.matcher(name).matches()) {
            throw WireException.invalid("{name}", "must be a service short name (letters, digits, '.', '-', '_')");
        }
        return host.backend(name);
    }

    private static Duration timeout(Routes.Request request) {
        return Duration.ofMillis(request.body("timeoutMillis").longField("timeoutMillis", 0, AgentApi.MAX_TIMEOUT.toMillis()));
    }
}
