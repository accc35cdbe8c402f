package org.calconfleet.agent;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentJson;
import org.calconfleet.host.agent.WireException;
import org.calconfleet.host.agent.WireObject;
import org.calconfleet.host.simulated.HostFault;
import org.calconfleet.host.simulated.RegistryValue;
import org.calconfleet.host.simulated.SimulatedHostBuilder;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin channel of a simulated host, {@code /v1/admin/…}: what a test arranges and inspects besides calling
 * the backend (a fresh host from a set-up, registry values of any type, listeners, faults, start failures, the
 * Domino link, service timings) and the host's state with its counters. Served only in simulated mode with
 * {@code calcon.agent.simulated-admin=true}; otherwise these paths do not exist (404).
 */
final class SimulatedAdmin {

    private static final String[] VALUE_FIELDS = {"key", "name", "type", "data"};

    private final SimulatedAgentHost host;
    /** Registry values the admin channel touched, so that the state shows them too. */
    private final Set<List<String>> touched = new LinkedHashSet<>();

    SimulatedAdmin(SimulatedAgentHost host) {
        this.host = host;
    }

    void register(Routes routes) {
        String admin = AgentApi.ADMIN;
        routes.withBody("POST", admin + "/reset", r -> {
            host.replace(build(r.requiredJson()));
            return done();
        });
        routes.get(admin + "/state", r -> AgentJson.ok(state()));
        routes.get(admin + "/registry", Set.of("key", "name"), r -> {
            String key = name(r.query("key"), "?key");
            String name = WireObject.checkText(r.query("name"), "?name", AgentApi.MAX_NAME, false);
            return AgentJson.ok(value(host.current().registryValue(key, name)));
        });
        routes.withBody("PUT", admin + "/registry", r -> {
            WireObject body = r.body(VALUE_FIELDS);
            String key = body.nameField("key", AgentApi.MAX_NAME);
            String name = body.textField("name", AgentApi.MAX_NAME);
            RegistryValue value = toValue(body.enumField("type", RegistryValueType.class), body.linesField("data",
                    AgentApi.MAX_TEXT), "/data");
            host.current().putRegistryValue(key, name, value);
            touch(key, name);
            return done();
        });
        routes.add("DELETE", admin + "/registry", Set.of("key", "name"), false, r -> {
            String key = name(r.query("key"), "?key");
            String name = WireObject.checkText(r.query("name"), "?name", AgentApi.MAX_NAME, false);
            host.current().deleteRegistryValue(key, name);
            touch(key, name);
            return done();
        });
        routes.withBody("PUT", admin + "/diagnostic-level", r -> {
            host.current().setDiagnosticLevel(r.body("level").enumField("level", DiagnosticLevel.class));
            return done();
        });
        routes.withBody("POST", admin + "/listeners", r -> {
            host.current().addListener(AgentJson.listener(r.requiredJson(), ""));
            return done();
        });
        routes.withBody("PUT", admin + "/domino-link", r -> {
            host.current().setDominoLinkFailing(r.body("failing").booleanField("failing"));
            return done();
        });
        routes.withBody("PUT", admin + "/service-timings", r -> {
            WireObject body = r.body("stopMillis", "startMillis");
            host.current().setServiceTimings(millis(body, "stopMillis"), millis(body, "startMillis"));
            return done();
        });
        routes.withBody("POST", admin + "/start-failures", r -> {
            WireObject body = r.body("count", "win32ErrorCode");
            host.current().failNextStarts(body.intField("count", 1, 1000), body.intField("win32ErrorCode", 1, Integer.MAX_VALUE));
            return done();
        });
        routes.withBody("POST", admin + "/faults", r -> {
            host.current().injectFault(fault(r.body("kind", "operations", "times", "afterMillis")));
            return done();
        });
        routes.add("DELETE", admin + "/faults", Set.of(), false, r -> {
            host.current().clearFaults();
            return done();
        });
    }

    // ------------------------------------------------------------------ reset

    private SimulatedWindowsHost build(JsonNode json) {
        WireObject setup = WireObject.of(json, "", "hostName", "parametersKey", "parameters", "diagnostics",
                "serviceName", "serviceState", "stopMillis", "startMillis", "listeners", "dominoLinkFailing");
        String serviceName = setup.textField("serviceName", 80);
        if (!AgentApi.SERVICE_NAME.matcher(serviceName).matches()) {
            throw WireException.invalid("/serviceName", "must be a service short name");
        }
        SimulatedHostBuilder builder = SimulatedWindowsHost.builder(setup.nameField("hostName", AgentApi.MAX_NAME))
                .time(host.time())
                .service(serviceName, setup.enumField("serviceState", ServiceState.class))
                .serviceTimings(millis(setup, "stopMillis"), millis(setup, "startMillis"))
                .dominoLinkFailing(setup.booleanField("dominoLinkFailing"));
        boolean parametersKey = setup.booleanField("parametersKey");
        List<JsonNode> parameters = setup.arrayField("parameters", 64);
        if (!parametersKey) {
            if (!parameters.isEmpty()) {
                throw WireException.invalid("/parameters", "must be empty without the Parameters key");
            }
            builder.withoutParametersKey();
        }
        touched.clear();
        for (int i = 0; i < parameters.size(); i++) {
            WireObject p = WireObject.of(parameters.get(i), "/parameters/" + i, "name", "type", "data");
            String name = p.textField("name", AgentApi.MAX_NAME);
            builder.parameter(name, toValue(p.enumField("type", RegistryValueType.class),
                    p.linesField("data", AgentApi.MAX_TEXT), "/parameters/" + i + "/data"));
            touch(CalConRegistry.PARAMETERS_KEY, name);
        }
        WireObject diagnostics = setup.nullableObjectField("diagnostics", "type", "data");
        if (diagnostics != null) {
            builder.diagnosticValue(toValue(diagnostics.enumField("type", RegistryValueType.class),
                    diagnostics.linesField("data", AgentApi.MAX_TEXT), "/diagnostics/data"));
        }
        List<JsonNode> listeners = setup.arrayField("listeners", 256);
        for (int i = 0; i < listeners.size(); i++) {
            TcpListener l = AgentJson.listener(listeners.get(i), "/listeners/" + i);
            builder.listener(l.port(), l.processId(), l.processName());
        }
        return builder.build();
    }

    private static HostFault fault(WireObject body) {
        Set<HostOperation> operations = EnumSet.noneOf(HostOperation.class);
        List<JsonNode> items = body.arrayField("operations", HostOperation.values().length);
        for (int i = 0; i < items.size(); i++) {
            if (!operations.add(WireObject.enumValue(items.get(i), "/operations/" + i, HostOperation.class))) {
                throw WireException.invalid("/operations/" + i, "named twice");
            }
        }
        int times = body.intField("times", -1, 1000);
        if (times == 0) {
            throw WireException.invalid("/times", "must be -1 (always) or from 1 to 1000");
        }
        return new HostFault(body.enumField("kind", HostFailure.class), operations, times, millis(body, "afterMillis"), 0);
    }

    // ------------------------------------------------------------------ state

    private ObjectNode state() {
        SimulatedWindowsHost current = host.current();
        ObjectNode state = AgentJson.object();
        state.put("hostName", current.hostName());
        state.put("now", current.now().toString());
        state.put("serviceState", current.serviceState().name());
        state.put("calConWrites", current.calConWrites());
        state.put("startAttempts", current.startAttempts());
        state.put("stopRequests", current.stopRequests());
        ObjectNode calls = state.putObject("calls");
        for (HostOperation operation : HostOperation.values()) {
            calls.put(operation.name(), current.calls(operation));
        }
        state.put("parametersKey", current.registryKeyExists(CalConRegistry.PARAMETERS_KEY));
        ArrayNode registry = state.putArray("registry");
        Set<List<String>> names = new LinkedHashSet<>(List.of(
                List.of(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE),
                List.of(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE),
                List.of(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY)));
        synchronized (touched) {
            names.addAll(touched);
        }
        for (List<String> name : names) {
            ObjectNode entry = registry.addObject();
            entry.put("key", name.get(0));
            entry.put("name", name.get(1));
            entry.set("value", value(current.registryValue(name.get(0), name.get(1))));
        }
        state.set("listeners", AgentJson.listeners(current.listeners()));
        return state;
    }

    private static JsonNode value(Optional<RegistryValue> value) {
        ObjectNode node = AgentJson.object();
        node.put("present", value.isPresent());
        value.ifPresent(v -> {
            node.put("type", v.type().name());
            node.put("data", v.text());
        });
        return node;
    }

    // ------------------------------------------------------------------

    static RegistryValue toValue(RegistryValueType type, String data, String where) {
        if (type == RegistryValueType.UNKNOWN) {
            throw WireException.invalid(where.replace("/data", "/type"), "UNKNOWN cannot be written");
        }
        try {
            return RegistryValue.fromText(type, data);
        } catch (NumberFormatException e) {
            throw WireException.invalid(where, "is not a number of type " + type);
        } catch (IllegalArgumentException e) {
            throw WireException.invalid(where, "is not data of type " + type);
        }
    }

    private void touch(String key, String name) {
        synchronized (touched) {
            touched.add(List.of(key, name));
        }
    }

    private static String name(String text, String where) {
        String name = WireObject.checkText(text, where, AgentApi.MAX_NAME, false);
        if (name.isEmpty()) {
            throw WireException.invalid(where, "must not be empty");
        }
        return name;
    }

    private static Duration millis(WireObject body, String field) {
        return Duration.ofMillis(body.longField(field, 0, AgentApi.MAX_TIMEOUT.toMillis()));
    }

    private static JsonNode done() {
        return AgentJson.ok("DONE");
    }
}
