package org.calconfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostSetup;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentArrangement;
import org.calconfleet.host.agent.AgentConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hundreds of requests no console would send, drawn from a seeded {@link Random} (the seed is in every test's name;
 * rerun one with {@code -Dagent.fuzz.seed=<seed>}): bad or missing tokens, bodies broken in one place each (cut
 * short, a field of the wrong type, out of range, too long, unknown, missing, repeated), wrong media types, unknown
 * paths, wrong methods, broken queries, writes of ports against the port rules, over the host, Domino and admin
 * resources alike. Each must be answered 4xx (401 exactly when the token is the defect, 400 for every invalid query
 * or body, 413 and 415 for size and media type), and leave the host (registry values, service state, counters,
 * backend calls) and the Domino side exactly as they were.
 */
@ExtendWith(SharedAgent.class)
class AgentRequestFuzzTest {

    private static final int CASES = 300;
    private static final long SEED = Long.getLong("agent.fuzz.seed", 0x5EED_2026_1125L);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TOKEN = "%TOKEN%";

    private static AgentProcess agent;
    private static AgentConnection connection;
    private static AgentArrangement host;
    private static RawAgentClient raw;
    private static JsonNode before;

    @BeforeAll
    static void arrange(AgentProcess shared) {
        agent = shared;
        connection = agent.connect(AgentProcess.quickSettings());
        host = new AgentArrangement(connection);
        raw = new RawAgentClient(agent);
        host.reset(HostSetup.defaults().withPorts(40000, 40000).withDiagnosticLevel(DiagnosticLevel.HIGH)
                .withService(ServiceState.RUNNING).withListener(135, 900, "svchost.exe"));
        agent.domino().forget();
        before = host.state();
    }

    @AfterAll
    static void disconnect() {
        raw.close();
        connection.close();
    }

    static Stream<Arguments> malformedRequests() {
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 1; i <= CASES; i++) {
            Case c = draw(random);
            cases.add(Arguments.of(String.format("seed 0x%X #%d", SEED, i), c.defect(), c.request(), c.status()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}: {2}")
    @MethodSource("malformedRequests")
    void a_malformed_request_is_answered_4xx_and_changes_nothing(String seed, String defect,
            RawAgentClient.Request template, int status) {
        RawAgentClient.Request request = template.withAuthorization(template.authorization().stream()
                .map(v -> v.replace(TOKEN, agent.token())).toList());

        String replay = seed + " (" + defect + ") " + request;

        RawAgentClient.Response response = raw.send(request);

        assertThat(response.status()).as(replay + " -> " + response.body()).isBetween(400, 499);
        if (status != ANY_4XX) {
            assertThat(response.status()).as(replay + " -> " + response.body()).isEqualTo(status);
        }
        assertThat(response.contentType()).as(replay).isEqualTo(AgentApi.PROBLEM_JSON);
        assertThat(host.state()).as("host after " + replay).isEqualTo(before);
        assertThat(agent.domino().calls()).as("Domino program runs after " + replay).isEmpty();
    }

    // ------------------------------------------------------------------ the cases

    /** {@code status} is the one answer the defect must get, or {@link #ANY_4XX}. */
    record Case(String defect, RawAgentClient.Request request, int status) {
    }

    private static final int ANY_4XX = 0;

    /** A resource that takes a body, with a valid body and the kind of each field (to break it for certain). */
    record Template(String method, String path, Function<Random, ObjectNode> body, Map<String, Kind> fields) {
    }

    enum Kind {
        PORT, TIMEOUT, BOOLEAN, ENUM, NAME, TEXT, READ, COMMANDS, OPERATIONS, COUNT, SERVER
    }

    private static final String SERVICE = AgentApi.service("MSExchangeCalCon");

    private static final List<Template> TEMPLATES = List.of(
            new Template("PUT", AgentApi.CALCON_PORTS, r -> {
                JsonNode port = port(r);
                return object("exchangeSidePort", port, "notesSidePort", port);
            },
                    Map.of("exchangeSidePort", Kind.PORT, "notesSidePort", Kind.PORT)),
            new Template("POST", AgentApi.CALCON_PORTS_RESTORE, r -> object("exchangeSide", read(r), "notesSide", read(r)),
                    Map.of("exchangeSide", Kind.READ, "notesSide", Kind.READ)),
            new Template("POST", SERVICE + "/stop", r -> object("timeoutMillis", NODES.numberNode(r.nextInt(60_000))),
                    Map.of("timeoutMillis", Kind.TIMEOUT)),
            new Template("POST", SERVICE + "/start", r -> object("timeoutMillis", NODES.numberNode(r.nextInt(60_000))),
                    Map.of("timeoutMillis", Kind.TIMEOUT)),
            new Template("POST", AgentApi.DOMINO_COMMANDS, r -> object("server", NODES.stringNode(AgentProcess.DOMINO_SERVER),
                    "commands", commands(r)), Map.of("server", Kind.SERVER, "commands", Kind.COMMANDS)),
            new Template("PUT", AgentApi.ADMIN + "/registry", r -> object("key", NODES.stringNode("Software\\Fuzz"),
                    "name", NODES.stringNode("v" + r.nextInt(100)), "type", NODES.stringNode("REG_SZ"),
                    "data", NODES.stringNode("d")),
                    Map.of("key", Kind.NAME, "type", Kind.ENUM)),
            new Template("PUT", AgentApi.ADMIN + "/diagnostic-level", r -> object("level", NODES.stringNode("LOW")),
                    Map.of("level", Kind.ENUM)),
            new Template("PUT", AgentApi.ADMIN + "/domino-link", r -> object("failing", NODES.booleanNode(true)),
                    Map.of("failing", Kind.BOOLEAN)),
            new Template("PUT", AgentApi.ADMIN + "/service-timings", r -> object("stopMillis", NODES.numberNode(10),
                    "startMillis", NODES.numberNode(10)), Map.of("stopMillis", Kind.TIMEOUT, "startMillis", Kind.TIMEOUT)),
            new Template("POST", AgentApi.ADMIN + "/start-failures", r -> object("count", NODES.numberNode(1),
                    "win32ErrorCode", NODES.numberNode(1069)), Map.of("count", Kind.COUNT)),
            new Template("POST", AgentApi.ADMIN + "/listeners", r -> object("port", port(r),
                    "processId", NODES.numberNode(4242), "processName", NODES.stringNode("java.exe")),
                    Map.of("port", Kind.PORT, "processId", Kind.COUNT)),
            new Template("POST", AgentApi.ADMIN + "/faults", r -> object("kind", NODES.stringNode("UNREACHABLE"),
                    "operations", NODES.arrayNode(), "times", NODES.numberNode(-1), "afterMillis", NODES.numberNode(0)),
                    Map.of("kind", Kind.ENUM, "operations", Kind.OPERATIONS, "afterMillis", Kind.TIMEOUT)),
            new Template("POST", AgentApi.ADMIN + "/reset", AgentRequestFuzzTest::reset,
                    Map.of("hostName", Kind.NAME, "serviceState", Kind.ENUM, "stopMillis", Kind.TIMEOUT,
                            "parametersKey", Kind.BOOLEAN, "dominoLinkFailing", Kind.BOOLEAN)));

    /** The resources and the methods they answer (everything else is 405 or 404). */
    private static final Map<String, List<String>> METHODS = Map.ofEntries(
            Map.entry(AgentApi.INFO, List.of("GET")),
            Map.entry(AgentApi.CALCON_PORTS, List.of("GET", "PUT")),
            Map.entry(AgentApi.CALCON_PORTS_RESTORE, List.of("POST")),
            Map.entry(AgentApi.CALCON_EVENTS, List.of("GET")),
            Map.entry(AgentApi.DIAGNOSTIC_LEVEL, List.of("GET")),
            Map.entry(AgentApi.SERVICES, List.of("GET")),
            Map.entry(SERVICE, List.of("GET")),
            Map.entry(SERVICE + "/stop", List.of("POST")),
            Map.entry(SERVICE + "/start", List.of("POST")),
            Map.entry(AgentApi.TCP_LISTENERS, List.of("GET")),
            Map.entry(AgentApi.TCP_PROBE, List.of("GET")),
            Map.entry(AgentApi.DOMINO_COMMANDS, List.of("POST")),
            Map.entry(AgentApi.ADMIN + "/reset", List.of("POST")),
            Map.entry(AgentApi.ADMIN + "/state", List.of("GET")),
            Map.entry(AgentApi.ADMIN + "/registry", List.of("DELETE", "GET", "PUT")),
            Map.entry(AgentApi.ADMIN + "/faults", List.of("DELETE", "POST")));

    private static Case draw(Random r) {
        return switch (r.nextInt(8)) {
            case 0, 1 -> badToken(r);
            case 2, 3 -> brokenBody(r);
            case 4 -> unknownPath(r);
            case 5 -> wrongMethod(r);
            case 6 -> againstPortRules(r);
            default -> brokenQuery(r);
        };
    }

    /** A request that would be carried out, but for its token. */
    private static Case badToken(Random r) {
        Template t = pick(r, TEMPLATES);
        RawAgentClient.Request valid = json(t.method(), t.path(), t.body().apply(r).toString());
        String other = AgentToken.generate();
        List<List<String>> auth = List.of(
                List.of(),
                List.of("Bearer " + other),
                List.of("Bearer"),
                List.of("Bearer "),
                List.of("Basic " + other),
                List.of(TOKEN),
                List.of("Bearer " + TOKEN + "x"),
                List.of("Bearer  " + TOKEN),
                List.of("Bearer " + TOKEN.toLowerCase() + "?"),
                List.of("Bearer " + randomText(r, 1 + r.nextInt(600))),
                List.of("Bearer " + TOKEN, "Bearer " + TOKEN),
                List.of("Bearer " + other, "Bearer " + TOKEN),
                List.of("Token " + TOKEN));
        List<String> chosen = pick(r, auth);
        return new Case("token " + chosen.size() + "x " + (chosen.isEmpty() ? "none" : abbreviate(chosen.get(0))),
                valid.withAuthorization(chosen), 401);
    }

    /** A body with exactly one defect. */
    private static Case brokenBody(Random r) {
        Template t = pick(r, TEMPLATES);
        ObjectNode body = t.body().apply(r);
        String text;
        String defect;
        String contentType = AgentApi.JSON;
        int status = 400;
        switch (r.nextInt(9)) {
            case 0 -> {
                String full = body.toString();
                int cut = r.nextInt(full.length());
                text = full.substring(0, cut);
                defect = "cut at " + cut;
            }
            case 1 -> {
                String field = pick(r, List.copyOf(t.fields().keySet()));
                JsonNode wrong = wrongValue(r, t.fields().get(field));
                body.set(field, wrong);
                text = body.toString();
                defect = field + "=" + abbreviate(wrong.toString());
            }
            case 2 -> {
                String field = "x" + Integer.toHexString(r.nextInt());
                body.set(field, pick(r, List.<JsonNode>of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(1))));
                text = body.toString();
                defect = "unknown field " + field;
            }
            case 3 -> {
                String field = pick(r, List.copyOf(t.fields().keySet()));
                body.remove(field);
                text = body.toString();
                defect = "no " + field;
            }
            case 4 -> {
                String field = pick(r, List.copyOf(t.fields().keySet()));
                String full = body.toString();
                text = full.substring(0, full.length() - 1) + ",\"" + field + "\":" + body.get(field) + "}";
                defect = field + " twice";
            }
            case 5 -> {
                text = body + pick(r, List.of(" {}", "]", " 1", "x", "\u0000"));
                defect = "trailing data";
            }
            case 6 -> {
                text = body.toString();
                contentType = pick(r, List.of("text/plain", "application/xml", "application/json; charset=latin1",
                        "application/x-www-form-urlencoded", "json", "application/jsonx"));
                defect = "content type " + contentType;
                status = 415;
            }
            case 7 -> {
                body.put("pad", "p".repeat(AgentApi.MAX_BODY_BYTES + r.nextInt(1000)));
                text = body.toString();
                defect = "too large";
                status = 413;
            }
            default -> {
                byte[] bytes = new byte[1 + r.nextInt(64)];
                r.nextBytes(bytes);
                return new Case("random bytes", new RawAgentClient.Request(t.method(), t.path(),
                        List.of("Bearer " + TOKEN), AgentApi.JSON, bytes), 400);
            }
        }
        return new Case(defect, json(t.method(), t.path(), text).withContentType(contentType), status);
    }

    /**
     * A well-formed write of ports the console's rules refuse: a privileged or reserved port, or two sides that
     * differ. The agent must not pin the connector to what the console would never send.
     */
    private static Case againstPortRules(Random r) {
        int pinnable = 1025 + r.nextInt(64511);
        int[] ports = switch (r.nextInt(4)) {
            case 0 -> {
                int low = 1 + r.nextInt(1024);
                yield new int[] {low, low};
            }
            case 1 -> new int[] {pinnable, 1 + r.nextInt(1024)};
            case 2 -> new int[] {pinnable, pinnable == 65535 ? 1025 : pinnable + 1};
            default -> r.nextBoolean() ? new int[] {0, pinnable} : new int[] {pinnable, 0};
        };
        return new Case("ports " + ports[0] + "/" + ports[1], json("PUT", AgentApi.CALCON_PORTS,
                object("exchangeSidePort", NODES.numberNode(ports[0]), "notesSidePort", NODES.numberNode(ports[1]))
                        .toString()), 400);
    }

    /** A path no resource answers (a service name with '~' is refused by its pattern, so never a real service). */
    private static Case unknownPath(Random r) {
        String real = pick(r, List.copyOf(METHODS.keySet()));
        String path = switch (r.nextInt(9)) {
            case 0 -> real + "/" + randomSegment(r) + "~";
            case 1 -> real + "/";
            case 2 -> real.replace("/v1/", "/v" + (2 + r.nextInt(8)) + "/");
            case 3 -> real.toUpperCase();
            case 4 -> real.replaceFirst("/", "//");
            case 5 -> "/v1/../" + real.substring(4);
            case 6 -> "/" + real.substring(1).replace("/", "%2F");
            case 7 -> AgentApi.SERVICES + "/" + pick(r, List.of("-x", ".x", "%41", "a%2Fb", "x".repeat(81), "_x")) + "/stop";
            default -> "/" + randomSegment(r);
        };
        String method = pick(r, List.of("GET", "POST", "PUT", "DELETE"));
        boolean body = !method.equals("GET") && !method.equals("DELETE");
        RawAgentClient.Request request = body ? json(method, path, "{\"timeoutMillis\":1000}")
                : new RawAgentClient.Request(method, path, List.of("Bearer " + TOKEN), null, null);
        return new Case("path " + abbreviate(path), request, ANY_4XX);
    }

    private static Case wrongMethod(Random r) {
        String path = pick(r, List.copyOf(METHODS.keySet()));
        List<String> others = new ArrayList<>(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"));
        others.removeAll(METHODS.get(path));
        String method = pick(r, others);
        return new Case(method + " " + path, new RawAgentClient.Request(method, path, List.of("Bearer " + TOKEN),
                null, null), ANY_4XX);
    }

    private static Case brokenQuery(Random r) {
        List<String> queries = List.of(
                AgentApi.CALCON_EVENTS,
                AgentApi.CALCON_EVENTS + "?since=",
                AgentApi.CALCON_EVENTS + "?since=" + pick(r, List.of("yesterday", "2026-13-01T00:00:00Z", "1764000000",
                        "2026-11-25", "-1", "%C3%28", "2026-11-25T09:00:00Z%00")),
                AgentApi.CALCON_EVENTS + "?since=2026-11-25T09:00:00Z&since=2026-11-25T09:00:00Z",
                AgentApi.CALCON_EVENTS + "?since=2026-11-25T09:00:00Z&" + randomSegment(r) + "=1",
                AgentApi.CALCON_EVENTS + "?=x",
                AgentApi.CALCON_EVENTS + "?since",
                AgentApi.SERVICES,
                AgentApi.SERVICES + "?displayName=",
                AgentApi.SERVICES + "?displayName=" + "d".repeat(AgentApi.MAX_NAME + 1 + r.nextInt(500)),
                AgentApi.SERVICES + "?displayName=a%0Ab",
                AgentApi.TCP_PROBE + "?port=" + pick(r, List.of("-1", "65536", "abc", "1e3", "+80", "%2080", "99999999999999999999"))
                        + "&timeoutMillis=10",
                AgentApi.TCP_PROBE + "?port=80&timeoutMillis=" + pick(r, List.of("-1", "1800001", "x", "")),
                AgentApi.TCP_PROBE + "?port=80",
                AgentApi.CALCON_PORTS + "?force=true",
                AgentApi.ADMIN + "/registry?key=Software&name=a&name=b",
                AgentApi.ADMIN + "/registry?key=&name=x",
                AgentApi.ADMIN + "/state?verbose=1");
        String query = pick(r, queries);
        String method = query.startsWith(AgentApi.ADMIN + "/registry") && r.nextBoolean() ? "DELETE" : "GET";
        return new Case("query " + abbreviate(query), new RawAgentClient.Request(method, query,
                List.of("Bearer " + TOKEN), null, null), 400);
    }

    // ------------------------------------------------------------------ values

    private static JsonNode wrongValue(Random r, Kind kind) {
        List<JsonNode> common = List.of(NODES.nullNode(), NODES.arrayNode(), NODES.objectNode());
        List<JsonNode> candidates = new ArrayList<>(common);
        String longText = "t".repeat(AgentApi.MAX_TEXT + 1 + r.nextInt(2000));
        switch (kind) {
            case PORT -> candidates.addAll(List.of(NODES.numberNode(-1 - r.nextInt(1000)), NODES.numberNode(65536 + r.nextInt(100000)),
                    NODES.stringNode("45001"), NODES.numberNode(45001.5), NODES.numberNode(Long.MAX_VALUE),
                    NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(30))), NODES.booleanNode(true)));
            case TIMEOUT -> candidates.addAll(List.of(NODES.numberNode(-1), NODES.numberNode(1_800_001L + r.nextInt(1000)),
                    NODES.stringNode("1000"), NODES.numberNode(0.5), NODES.booleanNode(false)));
            case COUNT -> candidates.addAll(List.of(NODES.numberNode(-5), NODES.numberNode(0.5), NODES.stringNode("1")));
            case BOOLEAN -> candidates.addAll(List.of(NODES.stringNode("true"), NODES.numberNode(1), NODES.stringNode("yes")));
            case ENUM -> candidates.addAll(List.of(NODES.stringNode("nope" + r.nextInt(100)), NODES.stringNode("high"),
                    NODES.numberNode(5), NODES.stringNode(""), NODES.stringNode(longText)));
            case NAME -> candidates.addAll(List.of(NODES.stringNode(""), NODES.numberNode(7), NODES.stringNode(longText),
                    NODES.stringNode("a\u0000b"), NODES.stringNode("line\nbreak"), NODES.booleanNode(true)));
            case SERVER -> candidates.addAll(List.of(NODES.stringNode(""), NODES.stringNode("DOMINO 01"),
                    NODES.stringNode("DOMINO01/Acme"), NODES.stringNode("-c"), NODES.stringNode(longText), NODES.numberNode(1)));
            case TEXT -> candidates.addAll(List.of(NODES.numberNode(7), NODES.stringNode(longText)));
            case READ -> candidates.addAll(List.of(NODES.stringNode("ABSENT"), object("state", NODES.stringNode("PRESENT")),
                    object("state", NODES.stringNode("PRESENT"), "value", NODES.numberNode(-1)),
                    object("state", NODES.stringNode("PRESENT"), "value", NODES.numberNode(4294967296L)),
                    object("state", NODES.stringNode("WRONG_TYPE"), "type", NODES.stringNode("REG_WHATEVER")),
                    object("state", NODES.stringNode("ABSENT"), "value", NODES.numberNode(1))));
            case COMMANDS -> {
                ArrayNode tooMany = NODES.arrayNode();
                for (int i = 0; i < 9; i++) {
                    tooMany.addObject().put("type", "QUIT");
                }
                candidates.addAll(List.of(tooMany, NODES.stringNode("Excalcon q"),
                        array(object("type", NODES.stringNode("SHELL"))),
                        array(load(r, "exchangeServer", NODES.stringNode(pick(r, List.of("exch 1", "exch;rm", "exch\"",
                                "-c", "ex\u00e4", "")))) ),
                        array(load(r, "calendarSystem", NODES.stringNode("Exchange FreeBusy"))),
                        array(load(r, "notesSidePort", NODES.numberNode(1024))),
                        array(load(r, "debug", NODES.numberNode(1))),
                        array(object("type", NODES.stringNode("QUIT"), "line", NODES.stringNode("Excalcon q")))));
            }
            case OPERATIONS -> candidates.addAll(List.of(array(NODES.stringNode("FORMAT_DISK")),
                    array(NODES.stringNode("READ_EVENTS"), NODES.stringNode("READ_EVENTS")), NODES.stringNode("READ_EVENTS")));
        }
        return pick(r, candidates);
    }

    private static ObjectNode load(Random r, String field, JsonNode value) {
        ObjectNode load = object("type", NODES.stringNode("LOAD"), "exchangeServer", NODES.stringNode("exchange"),
                "calendarSystem", NODES.stringNode("ExchangeFreeBusy"), "exchangeSidePort", NODES.numberNode(45001),
                "notesSidePort", NODES.numberNode(45001), "debug", NODES.booleanNode(r.nextBoolean()));
        load.set(field, value);
        return load;
    }

    private static JsonNode commands(Random r) {
        ArrayNode commands = NODES.arrayNode();
        commands.addObject().put("type", "QUIT");
        if (r.nextBoolean()) {
            commands.add(load(r, "debug", NODES.booleanNode(true)));
        }
        return commands;
    }

    private static JsonNode port(Random r) {
        return NODES.numberNode(r.nextBoolean() ? 0 : 1025 + r.nextInt(64511));
    }

    private static JsonNode read(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> object("state", NODES.stringNode("ABSENT"));
            case 1 -> object("state", NODES.stringNode("PRESENT"), "value", port(r));
            default -> object("state", NODES.stringNode("WRONG_TYPE"), "type", NODES.stringNode("REG_SZ"));
        };
    }

    private static ObjectNode reset(Random r) {
        ObjectNode setup = object("hostName", NODES.stringNode("FUZZ01"), "parametersKey", NODES.booleanNode(true),
                "parameters", NODES.arrayNode(), "diagnostics", NODES.nullNode(),
                "serviceName", NODES.stringNode("MSExchangeCalCon"), "serviceState", NODES.stringNode("STOPPED"),
                "stopMillis", NODES.numberNode(100), "startMillis", NODES.numberNode(100));
        setup.set("listeners", NODES.arrayNode());
        setup.put("dominoLinkFailing", false);
        return setup;
    }

    private static ObjectNode object(Object... namesAndValues) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], (JsonNode) namesAndValues[i + 1]);
        }
        return node;
    }

    private static ArrayNode array(JsonNode... items) {
        ArrayNode array = NODES.arrayNode();
        for (JsonNode item : items) {
            array.add(item);
        }
        return array;
    }

    private static RawAgentClient.Request json(String method, String path, String text) {
        return new RawAgentClient.Request(method, path, List.of("Bearer " + TOKEN), AgentApi.JSON,
                text.getBytes(StandardCharsets.UTF_8));
    }

    private static String randomSegment(Random r) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-._~";
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(12); i < n; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String randomText(Random r, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String abbreviate(String text) {
        String visible = text.replaceAll("\\p{Cntrl}", "?");
        return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
    }

    private static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

}
