package org.calconfleet.host.agent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostArrangement;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.HostSetup;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link HostArrangement} over an agent's admin channel ({@code /v1/admin/…}), for a simulated host in another JVM. */
public final class AgentArrangement implements HostArrangement {

    private static final Duration NO_WAIT = Duration.ZERO;

    private final AgentConnection admin;

    public AgentArrangement(AgentConnection admin) {
        this.admin = admin;
    }

    /** A fresh host in the agent, arranged as {@code setup}: counters, faults and the clock's events start over. */
    public void reset(HostSetup setup) {
        ObjectNode body = AgentJson.object();
        body.put("hostName", setup.hostName());
        body.put("parametersKey", setup.parametersKey());
        ArrayNode parameters = body.putArray("parameters");
        setup.parameters().forEach((name, value) -> {
            ObjectNode p = parameters.addObject();
            p.put("name", name);
            p.put("type", value.type().name());
            p.put("data", value.data());
        });
        if (setup.diagnostics() == null) {
            body.putNull("diagnostics");
        } else {
            ObjectNode d = body.putObject("diagnostics");
            d.put("type", setup.diagnostics().type().name());
            d.put("data", setup.diagnostics().data());
        }
        body.put("serviceName", setup.serviceName());
        body.put("serviceState", setup.serviceState().name());
        body.put("stopMillis", setup.stopDuration().toMillis());
        body.put("startMillis", setup.startDuration().toMillis());
        body.set("listeners", AgentJson.listeners(setup.listeners()));
        body.put("dominoLinkFailing", setup.dominoLinkFailing());
        change("POST", "/reset", body);
    }

    /** The host's state without its clock: equal before and after a request that changed nothing. */
    public JsonNode state() {
        ObjectNode state = (ObjectNode) read("/state");
        state.remove("now");
        return state;
    }

    @Override
    public Instant now() {
        return Instant.parse(read("/state").get("now").asString());
    }

    @Override
    public void putValue(String key, String valueName, RegistryValueType type, String data) {
        ObjectNode body = AgentJson.object();
        body.put("key", key);
        body.put("name", valueName);
        body.put("type", type.name());
        body.put("data", data);
        change("PUT", "/registry", body);
    }

    @Override
    public void deleteValue(String key, String valueName) {
        change("DELETE", "/registry?key=" + encode(key) + "&name=" + encode(valueName), null);
    }

    @Override
    public Optional<ArrangedValue> value(String key, String valueName) {
        JsonNode value = read("/registry?key=" + encode(key) + "&name=" + encode(valueName));
        return value.get("present").booleanValue()
                ? Optional.of(new ArrangedValue(RegistryValueType.valueOf(value.get("type").asString()),
                        value.get("data").asString()))
                : Optional.empty();
    }

    @Override
    public void setDiagnosticLevel(DiagnosticLevel level) {
        ObjectNode body = AgentJson.object();
        body.put("level", level.name());
        change("PUT", "/diagnostic-level", body);
    }

    @Override
    public void addListener(TcpListener listener) {
        change("POST", "/listeners", AgentJson.listeners(java.util.List.of(listener)).get(0));
    }

    @Override
    public void setDominoLinkFailing(boolean failing) {
        ObjectNode body = AgentJson.object();
        body.put("failing", failing);
        change("PUT", "/domino-link", body);
    }

    @Override
    public void setServiceTimings(Duration stop, Duration start) {
        ObjectNode body = AgentJson.object();
        body.put("stopMillis", stop.toMillis());
        body.put("startMillis", start.toMillis());
        change("PUT", "/service-timings", body);
    }

    @Override
    public void failNextStarts(int n, int win32ErrorCode) {
        ObjectNode body = AgentJson.object();
        body.put("count", n);
        body.put("win32ErrorCode", win32ErrorCode);
        change("POST", "/start-failures", body);
    }

    @Override
    public void injectFault(HostFailure kind, Set<HostOperation> operations, int times, Duration after) {
        ObjectNode body = AgentJson.object();
        body.put("kind", kind.name());
        ArrayNode ops = body.putArray("operations");
        operations.forEach(o -> ops.add(o.name()));
        body.put("times", times);
        body.put("afterMillis", after.toMillis());
        change("POST", "/faults", body);
    }

    @Override
    public void clearFaults() {
        change("DELETE", "/faults", null);
    }

    @Override
    public ServiceState serviceState() {
        return ServiceState.valueOf(read("/state").get("serviceState").asString());
    }

    @Override
    public int calConWrites() {
        return read("/state").get("calConWrites").intValue();
    }

    @Override
    public int startAttempts() {
        return read("/state").get("startAttempts").intValue();
    }

    @Override
    public int stopRequests() {
        return read("/state").get("stopRequests").intValue();
    }

    /** Backend calls of an operation the host admitted (including those a fault answered). */
    public int calls(HostOperation operation) {
        return read("/state").get("calls").get(operation.name()).intValue();
    }

    // ------------------------------------------------------------------

    private JsonNode read(String path) {
        return value(admin.read(AgentApi.ADMIN + path, NO_WAIT), path);
    }

    private void change(String method, String path, JsonNode body) {
        value(admin.change(method, AgentApi.ADMIN + path, body, NO_WAIT), path);
    }

    private static JsonNode value(HostResult<JsonNode> answer, String path) {
        JsonNode envelope = answer.orElseThrow();
        if (!envelope.get("ok").booleanValue()) {
            throw new IllegalStateException("admin " + path + " failed: " + envelope);
        }
        return envelope.get("value");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
