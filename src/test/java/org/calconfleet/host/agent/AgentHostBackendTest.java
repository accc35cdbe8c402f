package org.calconfleet.host.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.calconfleet.agent.AgentProcess;
import org.calconfleet.agent.SharedAgent;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.HostSetup;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.ServiceState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * What the agent backend does beyond the contract: it trusts only the pinned certificate, its token is checked,
 * reads are retried with backoff and writes never, slow and absent agents become typed, retryable failures.
 */
@ExtendWith(SharedAgent.class)
class AgentHostBackendTest {

    private static final Duration SLOW = Duration.ofSeconds(10);

    private static AgentProcess agent;
    private static AgentConnection connection;
    private static AgentArrangement host;

    private final List<Duration> backoffs = new CopyOnWriteArrayList<>();
    private final HostTime.Sleeper recordingSleeper = backoffs::add;

    @BeforeAll
    static void connect(AgentProcess shared) {
        agent = shared;
        connection = agent.connect(AgentProcess.quickSettings());
        host = new AgentArrangement(connection);
    }

    @AfterAll
    static void disconnect() {
        connection.close();
    }

    @BeforeEach
    void freshHost() {
        host.reset(HostSetup.defaults().withPorts(40000, 40000).withDiagnosticLevel(DiagnosticLevel.HIGH));
    }

    @Test
    void a_wrong_token_is_refused_not_retried_and_nothing_is_done() {
        JsonNode before = host.state();
        try (AgentConnection wrong = new AgentConnection(agent.baseUri(), agent.fingerprint(),
                org.calconfleet.agent.AgentProcessTokens.another(), settings(Duration.ofSeconds(5)))) {
            AgentHostBackend backend = backend(wrong);

            List<HostResult<?>> results = List.of(backend.readCalConPorts(), backend.writeCalConPorts(45001, 45001),
                    backend.stopService(Duration.ofSeconds(5)));

            assertThat(results).allSatisfy(r -> assertProblem(r, AgentProblem.TOKEN_REFUSED, HostFailure.ACCESS_DENIED,
                    false));
        }
        assertThat(backoffs).isEmpty();
        assertThat(host.state()).isEqualTo(before);
    }

    /**
     * Refusals answered without reading the body once left the next request on the same TLS connection unseen in
     * the JDK server's buffer until the client gave up (about one in thirty); the agent now reads the body first.
     */
    @Test
    void refused_requests_with_bodies_in_a_row_on_one_connection_are_all_answered_promptly() {
        try (AgentConnection wrong = new AgentConnection(agent.baseUri(), agent.fingerprint(),
                org.calconfleet.agent.AgentProcessTokens.another(), settings(Duration.ofSeconds(2)))) {
            AgentHostBackend backend = backend(wrong);
            for (int i = 0; i < 60; i++) {
                HostResult<?> result = i % 2 == 0 ? backend.writeCalConPorts(45001, 45001)
                        : backend.stopService(Duration.ZERO);
                assertProblem(result, AgentProblem.TOKEN_REFUSED, HostFailure.ACCESS_DENIED, false);
            }
        }
    }

    @Test
    void a_certificate_other_than_the_pinned_one_is_refused_before_anything_is_sent() {
        JsonNode before = host.state();
        CertificateFingerprint other = CertificateFingerprint.require(HexFormat.of().formatHex(new byte[32]));
        try (AgentConnection impostor = new AgentConnection(agent.baseUri(), other, agent.token(),
                settings(Duration.ofSeconds(5)))) {
            HostResult<?> written = backend(impostor).writeCalConPorts(45001, 45001);
            HostResult<?> read = backend(impostor).readCalConPorts();

            assertProblem(written, AgentProblem.CERTIFICATE_MISMATCH, HostFailure.ACCESS_DENIED, false);
            assertProblem(read, AgentProblem.CERTIFICATE_MISMATCH, HostFailure.ACCESS_DENIED, false);
            assertThat(written.failure().orElseThrow().detail())
                    .contains(agent.fingerprint().toString()).contains(other.toString());
        }
        assertThat(backoffs).isEmpty();
        assertThat(host.state()).isEqualTo(before);
    }

    @Test
    void a_read_the_agent_does_not_answer_in_time_is_retried_with_growing_backoff_then_timed_out() {
        host.injectFault(HostFailure.TIMED_OUT, Set.of(HostOperation.READ_CALCON_PORTS), -1, SLOW);
        try (AgentConnection impatient = agent.connect(settings(Duration.ofMillis(300)))) {

            HostResult<CalConPorts> read = backend(impatient).readCalConPorts();

            assertProblem(read, AgentProblem.AGENT_TIMED_OUT, HostFailure.TIMED_OUT, true);
            assertThat(read.failure().orElseThrow().detail()).contains("3 attempts");
        }
        assertThat(backoffs).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(host.calls(HostOperation.READ_CALCON_PORTS)).isEqualTo(3);
    }

    @Test
    void writes_stops_and_starts_are_sent_once_however_slow_the_agent() {
        host.injectFault(HostFailure.TIMED_OUT, Set.of(HostOperation.WRITE_CALCON_PORTS, HostOperation.STOP_SERVICE,
                HostOperation.START_SERVICE, HostOperation.RESTORE_CALCON_PORTS), -1, SLOW);
        try (AgentConnection impatient = agent.connect(settings(Duration.ofMillis(300)))) {
            AgentHostBackend backend = backend(impatient);

            assertProblem(backend.writeCalConPorts(45001, 45001), AgentProblem.AGENT_TIMED_OUT, HostFailure.TIMED_OUT, true);
            assertProblem(backend.restoreCalConPorts(CalConPorts.absent()), AgentProblem.AGENT_TIMED_OUT,
                    HostFailure.TIMED_OUT, true);
            assertProblem(backend.stopService(Duration.ZERO), AgentProblem.AGENT_TIMED_OUT, HostFailure.TIMED_OUT, true);
            assertProblem(backend.startService(Duration.ZERO), AgentProblem.AGENT_TIMED_OUT, HostFailure.TIMED_OUT, true);
        }
        assertThat(backoffs).isEmpty();
        for (HostOperation op : List.of(HostOperation.WRITE_CALCON_PORTS, HostOperation.RESTORE_CALCON_PORTS,
                HostOperation.STOP_SERVICE, HostOperation.START_SERVICE)) {
            assertThat(host.calls(op)).as(op.name()).isEqualTo(1);
        }
    }

    @Test
    void a_wait_the_call_asks_for_extends_the_read_timeout() {
        host.setServiceTimings(Duration.ofSeconds(5), Duration.ofSeconds(3));
        try (AgentConnection impatient = agent.connect(settings(Duration.ofMillis(300)))) {

            assertThat(backend(impatient).stopService(Duration.ofSeconds(30)).orElseThrow())
                    .isEqualTo(ServiceState.STOPPED);
        }
        assertThat(host.stopRequests()).isEqualTo(1);
    }

    @Test
    void an_agent_that_does_not_listen_is_unreachable_reads_are_retried_and_writes_are_not() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (AgentConnection nowhere = new AgentConnection(URI.create("https://127.0.0.1:" + closedPort),
                agent.fingerprint(), agent.token(), settings(Duration.ofSeconds(2)))) {
            AgentHostBackend backend = backend(nowhere);

            assertProblem(backend.readDiagnosticLevel(), AgentProblem.AGENT_UNREACHABLE, HostFailure.UNREACHABLE, true);
            assertThat(backoffs).hasSize(2);
            assertProblem(backend.writeCalConPorts(45001, 45001), AgentProblem.AGENT_UNREACHABLE, HostFailure.UNREACHABLE,
                    true);
            assertThat(backoffs).hasSize(2);
        }
    }

    @Test
    void an_operation_this_agent_does_not_offer_is_unsupported() {
        HostResult<JsonNode> answer = connection.read(AgentApi.V1 + "/no/such/operation", Duration.ZERO);

        assertProblem(answer, AgentProblem.NOT_OFFERED, HostFailure.UNSUPPORTED, false);
    }

    @Test
    void a_failure_of_the_host_comes_back_as_the_host_reported_it_and_is_no_agent_problem() {
        host.injectFault(HostFailure.ACCESS_DENIED, Set.of(HostOperation.WRITE_CALCON_PORTS), -1, Duration.ZERO);

        HostResult<?> written = backend(connection).writeCalConPorts(45001, 45001);

        assertThat(written.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(HostFailure.ACCESS_DENIED);
            assertThat(AgentProblem.of(f)).isEmpty();
        });
    }

    @Test
    void the_agent_says_what_it_offers() {
        JsonNode info = connection.read(AgentApi.INFO, Duration.ZERO).orElseThrow().get("value");

        assertThat(info.get("mode").asString()).isEqualTo("simulated");
        assertThat(info.get("exchange").booleanValue()).isTrue();
        assertThat(info.get("domino").booleanValue()).isTrue();
    }

    @Test
    void ports_outside_the_tcp_range_and_unusable_service_names_are_programming_errors() {
        assertThatThrownBy(() -> backend(connection).probeTcpPort(-1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgentHostBackend("EXCH01", "../evil", connection))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backend(connection).stopService(Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------

    private AgentConnection.Settings settings(Duration readTimeout) {
        return AgentConnection.Settings.defaults()
                .withTimeouts(Duration.ofSeconds(2), readTimeout)
                .withSleeper(recordingSleeper);
    }

    private static AgentHostBackend backend(AgentConnection agentConnection) {
        return new AgentHostBackend("EXCH01", CalConRegistry.DEFAULT_SERVICE_NAME, agentConnection);
    }

    private static void assertProblem(HostResult<?> result, AgentProblem problem, HostFailure kind, boolean retryable) {
        assertThat(result.failure()).as(String.valueOf(result)).hasValueSatisfying(f -> {
            assertThat(AgentProblem.of(f)).as(f.detail()).contains(problem);
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.retryable()).isEqualTo(retryable);
        });
    }
}
