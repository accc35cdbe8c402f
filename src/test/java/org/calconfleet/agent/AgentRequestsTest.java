package org.calconfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostSetup;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentArrangement;
import org.calconfleet.host.agent.AgentConnection;
import org.calconfleet.host.agent.AgentJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * What the agent refuses, one named case each (the fuzz test throws hundreds more): every refusal is a 4xx with
 * an RFC 9457 problem, and the host, its counters and the Domino side are exactly as before.
 */
@ExtendWith(SharedAgent.class)
class AgentRequestsTest {

    private static final String PORTS = AgentApi.CALCON_PORTS;
    private static final String STOP = AgentApi.service("MSExchangeCalCon") + "/stop";

    private static AgentProcess agent;
    private static AgentConnection connection;
    private static AgentArrangement host;
    private static RawAgentClient raw;

    private JsonNode before;

    @BeforeAll
    static void connect(AgentProcess shared) {
        agent = shared;
        connection = agent.connect(AgentProcess.quickSettings());
        host = new AgentArrangement(connection);
        raw = new RawAgentClient(agent);
    }

    @AfterAll
    static void disconnect() {
        raw.close();
        connection.close();
    }

    @BeforeEach
    void freshHost() {
        host.reset(HostSetup.defaults().withPorts(40000, 40000).withDiagnosticLevel(DiagnosticLevel.HIGH)
                .withListener(135, 900, "svchost.exe"));
        agent.domino().forget();
        before = host.state();
    }

    static Stream<Arguments> refusals() {
        String token = "%TOKEN%";
        String longText = "x".repeat(AgentApi.MAX_NAME + 1);
        return Stream.of(
                refused("no token", 401, new RawAgentClient.Request("PUT", PORTS, List.of(), "application/json",
                        json("{\"exchangeSidePort\":45001,\"notesSidePort\":45001}"))),
                refused("a wrong token", 401, write(token).withAuthorization(List.of("Bearer " + AgentToken.generate()))),
                refused("the token without the Bearer scheme", 401, write(token).withAuthorization(List.of(token))),
                refused("Basic instead of Bearer", 401, write(token).withAuthorization(List.of("Basic YWRtaW46YWRtaW4="))),
                refused("two Authorization headers", 401, write(token).withAuthorization(List.of("Bearer " + token,
                        "Bearer " + token))),
                refused("malformed JSON", 400, body("PUT", PORTS, token, "{\"exchangeSidePort\":45001,")),
                refused("an empty body", 400, body("PUT", PORTS, token, "")),
                refused("two JSON documents", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":45001,\"notesSidePort\":45001} {}")),
                refused("a key given twice", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":45001,\"exchangeSidePort\":1,\"notesSidePort\":45001}")),
                refused("a number of 25 digits", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":1000000000000000000000000,\"notesSidePort\":45001}")),
                refused("an unknown field", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":45001,\"notesSidePort\":45001,\"force\":true}")),
                refused("a missing field", 400, body("PUT", PORTS, token, "{\"exchangeSidePort\":45001}")),
                refused("a port above 65535", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":65536,\"notesSidePort\":65536}")),
                refused("a port of 1024, below the pinnable range", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":1024,\"notesSidePort\":1024}")),
                refused("port 80 on the Notes side", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":1024,\"notesSidePort\":80}")),
                refused("two different pinnable ports", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":45001,\"notesSidePort\":45002}")),
                refused("a port of 70000", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":70000,\"notesSidePort\":70000}")),
                refused("a negative port", 400, body("PUT", PORTS, token, "{\"exchangeSidePort\":-1,\"notesSidePort\":45001}")),
                refused("a port as a string", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":\"45001\",\"notesSidePort\":45001}")),
                refused("a port as a fraction", 400, body("PUT", PORTS, token,
                        "{\"exchangeSidePort\":45001.0,\"notesSidePort\":45001}")),
                refused("a port as 1e400", 400, body("PUT", PORTS, token, "{\"exchangeSidePort\":1e400,\"notesSidePort\":1}")),
                refused("a null port", 400, body("PUT", PORTS, token, "{\"exchangeSidePort\":null,\"notesSidePort\":45001}")),
                refused("an array instead of an object", 400, body("PUT", PORTS, token, "[45001,45001]")),
                refused("a registry read of an unknown state", 400, body("POST", AgentApi.CALCON_PORTS_RESTORE, token,
                        "{\"exchangeSide\":{\"state\":\"GONE\"},\"notesSide\":{\"state\":\"ABSENT\"}}")),
                refused("an over-long display name", 400, new RawAgentClient.Request("GET", AgentApi.SERVICES
                        + "?displayName=" + longText, List.of("Bearer " + token), null, null)),
                refused("an over-long Domino server name", 400, body("POST", AgentApi.DOMINO_COMMANDS, token,
                        "{\"server\":\"" + longText + "\",\"commands\":[{\"type\":\"QUIT\"}]}")),
                refused("an over-long registry key (admin)", 400, body("PUT", AgentApi.ADMIN + "/registry", token,
                        "{\"key\":\"" + longText + "\",\"name\":\"n\",\"type\":\"REG_SZ\",\"data\":\"d\"}")),
                refused("a name that would split the console line", 400, body("POST", AgentApi.DOMINO_COMMANDS, token,
                        "{\"server\":\"DOMINO01\",\"commands\":[{\"type\":\"LOAD\",\"exchangeServer\":\"exch 1\","
                                + "\"calendarSystem\":\"ExchangeFreeBusy\",\"exchangeSidePort\":45001,"
                                + "\"notesSidePort\":45001,\"debug\":true}]}")),
                refused("two different Domino ports", 400, body("POST", AgentApi.DOMINO_COMMANDS, token,
                        "{\"server\":\"DOMINO01\",\"commands\":[{\"type\":\"LOAD\",\"exchangeServer\":\"exch\","
                                + "\"calendarSystem\":\"ExchangeFreeBusy\",\"exchangeSidePort\":45001,"
                                + "\"notesSidePort\":45002,\"debug\":true}]}")),
                refused("a stop time-out above the limit", 400, body("POST", STOP, token, "{\"timeoutMillis\":1800001}")),
                refused("a service name the API does not accept", 400, body("POST", AgentApi.SERVICES + "/-x/stop", token,
                        "{\"timeoutMillis\":1000}")),
                refused("a since that is no instant", 400, get(AgentApi.CALCON_EVENTS + "?since=yesterday", token)),
                refused("an unknown query parameter", 400, get(AgentApi.CALCON_EVENTS + "?since=2026-11-25T09:00:00Z&all=1",
                        token)),
                refused("a query parameter given twice", 400, get(AgentApi.TCP_PROBE + "?port=1&port=2&timeoutMillis=1",
                        token)),
                refused("a probe port that is no number", 400, get(AgentApi.TCP_PROBE + "?port=abc&timeoutMillis=1", token)),
                refused("a body on a GET", 400, new RawAgentClient.Request("GET", PORTS, List.of("Bearer " + token),
                        "application/json", json("{}"))),
                refused("text/plain", 415, body("PUT", PORTS, token, "{\"exchangeSidePort\":45001,\"notesSidePort\":45001}")
                        .withContentType("text/plain")),
                refused("JSON in another charset", 415, write(token).withContentType("application/json; charset=iso-8859-1")),
                refused("a body over 16 KiB", 413, body("PUT", PORTS, token, "{\"exchangeSidePort\":45001,\"notesSidePort\":"
                        + "45001,\"pad\":\"" + "x".repeat(AgentApi.MAX_BODY_BYTES) + "\"}")),
                refused("an unknown path", 404, get("/v1/calcon/portz", token)),
                refused("a path outside the API", 404, get("/v1/../etc/passwd", token)),
                refused("a method the resource does not answer", 405, new RawAgentClient.Request("DELETE", PORTS,
                        List.of("Bearer " + token), null, null)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refusals")
    void a_request_the_agent_refuses_is_a_4xx_problem_and_changes_nothing(String label, int status,
            RawAgentClient.Request template) {
        RawAgentClient.Request request = withToken(template);

        RawAgentClient.Response response = raw.send(request);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo(AgentApi.PROBLEM_JSON);
        JsonNode problem = AgentJson.parseAnswer(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:calcon-agent:problem:");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain(agent.token());
        if (problem.get("type").asString().endsWith(":invalid-field")) {
            assertThat(problem.get("field").asString()).as("the field at fault").isNotBlank();
        }
        assertThat(host.state()).isEqualTo(before);
        assertThat(agent.domino().calls()).isEmpty();
    }

    @Test
    void a_refused_token_is_answered_with_the_bearer_challenge() {
        RawAgentClient.Response response = raw.send(write(agent.token()).withAuthorization(List.of()));

        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"calcon-agent\"");
    }

    @Test
    void a_method_not_allowed_names_the_ones_that_are() {
        RawAgentClient.Response response = raw.send(new RawAgentClient.Request("POST", PORTS,
                List.of("Bearer " + agent.token()), "application/json", json("{}")));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, PUT");
    }

    @Test
    void an_invalid_field_is_named_in_the_problem() {
        RawAgentClient.Response response = raw.send(body("PUT", PORTS, agent.token(),
                "{\"exchangeSidePort\":45001,\"notesSidePort\":65536}"));

        JsonNode problem = AgentJson.parseAnswer(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(problem.get("field").asString()).isEqualTo("/notesSidePort");
        assertThat(problem.get("detail").asString()).contains("notesSidePort").contains("65535");
    }

    @ParameterizedTest(name = "{0} / {1} -> field {2}")
    @CsvSource({"1024, 1024, /exchangeSidePort", "0, 80, /notesSidePort", "45001, 45002, /notesSidePort",
            "0, 45001, /notesSidePort", "70000, 70000, /exchangeSidePort"})
    void a_write_against_the_port_rules_is_400_naming_the_field_and_writes_nothing(int exchangeSide, int notesSide,
            String field) {
        RawAgentClient.Response response = raw.send(body("PUT", PORTS, agent.token(),
                "{\"exchangeSidePort\":" + exchangeSide + ",\"notesSidePort\":" + notesSide + "}"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode problem = AgentJson.parseAnswer(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(problem.get("type").asString()).isEqualTo("urn:calcon-agent:problem:invalid-field");
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(host.calConWrites()).isZero();
        assertThat(host.state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} / {0}")
    @ValueSource(ints = {0, 1025, 45001, 65535})
    void a_write_within_the_port_rules_is_carried_out(int port) {
        RawAgentClient.Response response = raw.send(body("PUT", PORTS, agent.token(),
                "{\"exchangeSidePort\":" + port + ",\"notesSidePort\":" + port + "}"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(host.calConWrites()).isEqualTo(1);
    }

    @Test
    void a_restore_puts_back_previous_values_that_differ_or_are_absent() {
        RawAgentClient.Response response = raw.send(body("POST", AgentApi.CALCON_PORTS_RESTORE, agent.token(),
                "{\"exchangeSide\":{\"state\":\"PRESENT\",\"value\":45001},\"notesSide\":{\"state\":\"ABSENT\"}}"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(host.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .map(v -> v.data()).hasValue("45001");
        assertThat(host.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE)).isEmpty();
    }

    @Test
    void every_request_leaves_one_access_log_line_with_outcome_and_caller_but_never_the_token() throws Exception {
        raw.send(body("PUT", PORTS, agent.token(), "{\"exchangeSidePort\":45001,\"notesSidePort\":45001}"));
        raw.send(write(agent.token()).withAuthorization(List.of("Bearer " + AgentToken.generate())));
        raw.send(get(AgentApi.SERVICES + "?displayName=secret-query", agent.token()));

        List<String> lines = awaitAccessLines(l -> l.contains("-> 401"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("PUT " + PORTS + " -> 200 ok").contains("caller=127.0.0.1:"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("PUT " + PORTS + " -> 401 refused unauthorized"));
        assertThat(agent.log()).doesNotContain(agent.token()).doesNotContain("secret-query");
    }

    @Test
    void a_stop_through_the_api_waits_in_the_hosts_time_and_reports_the_state() {
        RawAgentClient.Response response = raw.send(body("POST", STOP, agent.token(), "{\"timeoutMillis\":30000}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true,\"value\":\"STOPPED\"}");
        assertThat(host.serviceState()).isEqualTo(ServiceState.STOPPED);
    }

    // ------------------------------------------------------------------

    private static List<String> awaitAccessLines(java.util.function.Predicate<String> last) {
        return await("the access log line").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(raw::accessLog, lines -> lines.stream().anyMatch(last));
    }

    private static RawAgentClient.Request withToken(RawAgentClient.Request request) {
        return request.withAuthorization(request.authorization().stream()
                .map(v -> v.replace("%TOKEN%", agent.token())).toList());
    }

    private static Arguments refused(String label, int status, RawAgentClient.Request request) {
        return Arguments.of(label, status, request);
    }

    private static RawAgentClient.Request write(String token) {
        return body("PUT", PORTS, token, "{\"exchangeSidePort\":45001,\"notesSidePort\":45001}");
    }

    private static RawAgentClient.Request body(String method, String path, String token, String json) {
        return RawAgentClient.Request.of(method, path, token, json);
    }

    private static RawAgentClient.Request get(String pathAndQuery, String token) {
        return RawAgentClient.Request.of("GET", pathAndQuery, token, null);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
