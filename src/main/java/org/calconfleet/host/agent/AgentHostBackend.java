package org.calconfleet.host.agent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.Done;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.TcpProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link HostBackend} through the CalCon agent on the host, over {@link AgentConnection} (pinned TLS, bearer
 * token). Reads are retried on transport trouble; writes, restores, stops and starts are sent once. A failure of
 * the host comes back as the agent reported it; a failure to reach or understand the agent as an
 * {@link AgentProblem}. Waits the host does (service stop/start, probes) extend the read time-out by as much.
 */
public final class AgentHostBackend implements HostBackend {

    private static final Duration NO_WAIT = Duration.ZERO;

    private final String hostName;
    private final String serviceName;
    private final AgentConnection agent;

    /**
     * @param hostName    the host as configured (for messages; the agent serves its own host)
     * @param serviceName the connector's short name on that host
     */
    public AgentHostBackend(String hostName, String serviceName, AgentConnection agent) {
        AgentApi.service(serviceName);
        this.hostName = hostName;
        this.serviceName = serviceName;
        this.agent = agent;
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public HostResult<CalConPorts> readCalConPorts() {
        return decode(agent.read(AgentApi.CALCON_PORTS, NO_WAIT), AgentJson::ports);
    }

    @Override
    public HostResult<Done> writeCalConPorts(int exchangeSidePort, int notesSidePort) {
        requirePort(exchangeSidePort);
        requirePort(notesSidePort);
        ObjectNode body = AgentJson.object();
        body.put("exchangeSidePort", exchangeSidePort);
        body.put("notesSidePort", notesSidePort);
        return decode(agent.change("PUT", AgentApi.CALCON_PORTS, body, NO_WAIT), AgentJson.enumDecoder(Done.class));
    }

    @Override
    public HostResult<Done> restoreCalConPorts(CalConPorts previous) {
        return decode(agent.change("POST", AgentApi.CALCON_PORTS_RESTORE, AgentJson.ports(previous), NO_WAIT),
                AgentJson.enumDecoder(Done.class));
    }

    @Override
    public HostResult<ServiceState> queryServiceState() {
        return decode(agent.read(AgentApi.service(serviceName), NO_WAIT), AgentJson.enumDecoder(ServiceState.class));
    }

    @Override
    public HostResult<String> findServiceName(String displayName) {
        return decode(agent.read(AgentApi.SERVICES + "?" + AgentApi.QUERY_DISPLAY_NAME + "=" + encode(displayName),
                NO_WAIT), AgentJson.stringDecoder(AgentApi.MAX_NAME));
    }

    @Override
    public HostResult<ServiceState> stopService(Duration timeout) {
        return control(AgentApi.SERVICE_STOP, timeout);
    }

    @Override
    public HostResult<ServiceState> startService(Duration timeout) {
        return control(AgentApi.SERVICE_START, timeout);
    }

    @Override
    public HostResult<List<HostEvent>> readCalConEvents(Instant since) {
        return decode(agent.read(AgentApi.CALCON_EVENTS + "?" + AgentApi.QUERY_SINCE + "=" + encode(since.toString()),
                NO_WAIT), AgentJson::events);
    }

    @Override
    public HostResult<DiagnosticLevel> readDiagnosticLevel() {
        return decode(agent.read(AgentApi.DIAGNOSTIC_LEVEL, NO_WAIT), AgentJson.enumDecoder(DiagnosticLevel.class));
    }

    @Override
    public HostResult<List<TcpListener>> listTcpListeners() {
        return decode(agent.read(AgentApi.TCP_LISTENERS, NO_WAIT), AgentJson::listeners);
    }

    @Override
    public HostResult<TcpProbe> probeTcpPort(int port, Duration timeout) {
        requirePort(port);
        return decode(agent.read(AgentApi.TCP_PROBE + "?" + AgentApi.QUERY_PORT + "=" + port + "&"
                + AgentApi.QUERY_TIMEOUT_MILLIS + "=" + millis(timeout), timeout), AgentJson.enumDecoder(TcpProbe.class));
    }

    // ------------------------------------------------------------------

    private HostResult<ServiceState> control(String action, Duration timeout) {
        ObjectNode body = AgentJson.object();
        body.put("timeoutMillis", millis(timeout));
        return decode(agent.change("POST", AgentApi.service(serviceName) + "/" + action, body, timeout),
                AgentJson.enumDecoder(ServiceState.class));
    }

    private static <T> HostResult<T> decode(HostResult<JsonNode> answer, AgentJson.ValueDecoder<T> decoder) {
        return answer.flatMap(json -> {
            try {
                return AgentJson.result(json, decoder);
            } catch (WireException e) {
                return AgentProblem.UNREADABLE_ANSWER.failure(e.getMessage());
            }
        });
    }

    private static long millis(Duration timeout) {
        if (timeout.isNegative() || timeout.compareTo(AgentApi.MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("time-out outside 0.." + AgentApi.MAX_TIMEOUT + ": " + timeout);
        }
        return timeout.toMillis();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void requirePort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }
}
