package org.calconfleet.domino.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.calconfleet.agent.AgentProcess;
import org.calconfleet.agent.FakeDominoServer;
import org.calconfleet.agent.SharedAgent;
import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;
import org.calconfleet.host.agent.AgentConnection;
import org.calconfleet.host.agent.CertificateFingerprint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Domino console through a real agent whose Domino server program is a script that records its arguments:
 * what reaches the program is exactly {@code -c} and the procedure's line, as separate arguments, no shell between.
 */
@ExtendWith(SharedAgent.class)
class AgentDominoConsoleTest {

    private static final DominoCommand.LoadExcalcon LOAD =
            new DominoCommand.LoadExcalcon("exchange", "ExchangeFreeBusy", 45001, 45001, true);

    private static AgentProcess agent;
    private static AgentConnection connection;
    private static AgentDominoConsole console;
    private static FakeDominoServer server;

    @BeforeAll
    static void connect(AgentProcess shared) {
        agent = shared;
        connection = agent.connect(AgentProcess.quickSettings());
        console = new AgentDominoConsole(connection, Duration.ofSeconds(5));
        server = agent.domino();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
    }

    @BeforeEach
    void quietServer() {
        server.forget();
    }

    @Test
    void a_reload_runs_the_server_program_once_per_line_with_the_line_as_one_argument() {
        DominoResult result = console.reloadExcalcon(AgentProcess.DOMINO_SERVER, LOAD);

        assertThat(result).isInstanceOfSatisfying(DominoResult.Sent.class, sent -> {
            assertThat(sent.commandLines()).containsExactly("Excalcon q",
                    "LOAD EXCALCON exchange ExchangeFreeBusy 45001 45001 1");
            assertThat(sent.responses()).containsExactly("EXCALCON: done: Excalcon q",
                    "EXCALCON: done: LOAD EXCALCON exchange ExchangeFreeBusy 45001 45001 1");
        });
        assertThat(server.calls()).containsExactly(
                List.of("-c", "Excalcon q"),
                List.of("-c", "LOAD EXCALCON exchange ExchangeFreeBusy 45001 45001 1"));
        assertThat(server.sawToken()).as("the agent's token in the program's environment").isFalse();
    }

    @Test
    void a_failing_program_stops_the_sequence_and_is_reported_with_its_exit_code() {
        server.failing(true);

        DominoResult result = console.reloadExcalcon(AgentProcess.DOMINO_SERVER, LOAD);

        assertThat(result).isInstanceOfSatisfying(DominoResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(DominoFailure.FAILED);
            assertThat(f.detail()).contains("exit code 3").contains("simulated failure").contains("Excalcon q");
        });
        assertThat(server.calls()).hasSize(1);
    }

    @Test
    void a_named_request_sent_again_is_answered_from_the_agents_memory_and_the_program_runs_once() {
        List<DominoCommand> reload = List.of(DominoCommand.quit(), LOAD);

        DominoResult first = console.send(AgentProcess.DOMINO_SERVER, reload, "host-run-41-1764626400000");
        DominoResult repeat = console.send(AgentProcess.DOMINO_SERVER, reload, "host-run-41-1764626400000");

        assertThat(repeat).isInstanceOf(DominoResult.Sent.class).isEqualTo(first);
        assertThat(server.calls()).hasSize(2);

        console.send(AgentProcess.DOMINO_SERVER, reload, "host-run-41-1764626499999");
        assertThat(server.calls()).as("another request id is another reload").hasSize(4);
    }

    @Test
    void a_named_request_that_failed_is_carried_out_when_it_is_sent_again() {
        List<DominoCommand> reload = List.of(DominoCommand.quit(), LOAD);
        server.failing(true);
        DominoResult failed = console.send(AgentProcess.DOMINO_SERVER, reload, "host-run-42-1764626400000");
        server.failing(false);

        DominoResult retried = console.send(AgentProcess.DOMINO_SERVER, reload, "host-run-42-1764626400000");

        assertThat(failed).isInstanceOf(DominoResult.Failed.class);
        assertThat(retried).isInstanceOf(DominoResult.Sent.class);
        assertThat(server.calls()).hasSize(3);
    }

    @Test
    void a_program_that_hangs_is_killed_and_the_command_timed_out() {
        server.hanging(true);

        DominoResult result = console.quitExcalcon(AgentProcess.DOMINO_SERVER);

        assertThat(result).isInstanceOfSatisfying(DominoResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(DominoFailure.TIMED_OUT);
            assertThat(f.retryable()).isTrue();
        });
    }

    @Test
    void another_domino_server_than_the_agents_is_not_found_and_nothing_runs() {
        DominoResult result = console.quitExcalcon("DOMINO02");

        assertThat(result).isInstanceOfSatisfying(DominoResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(DominoFailure.NOT_FOUND));
        assertThat(server.calls()).isEmpty();
    }

    @Test
    void names_the_rules_refuse_are_refused_before_anything_is_sent() {
        DominoResult result = console.loadExcalcon(AgentProcess.DOMINO_SERVER,
                new DominoCommand.LoadExcalcon("exchange\";rm -rf /", "ExchangeFreeBusy", 45001, 45001, true));

        assertThat(result).isInstanceOfSatisfying(DominoResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(DominoFailure.INVALID_ARGUMENT));
        assertThat(server.calls()).isEmpty();
    }

    @Test
    void an_agent_with_another_certificate_is_refused_and_nothing_runs() {
        CertificateFingerprint other = CertificateFingerprint.require(HexFormat.of().formatHex(new byte[32]));
        try (AgentConnection impostor = new AgentConnection(agent.baseUri(), other, agent.token(),
                AgentProcess.quickSettings())) {

            DominoResult result = new AgentDominoConsole(impostor, Duration.ofSeconds(5))
                    .quitExcalcon(AgentProcess.DOMINO_SERVER);

            assertThat(result).isInstanceOfSatisfying(DominoResult.Failed.class, f -> {
                assertThat(f.kind()).isEqualTo(DominoFailure.ACCESS_DENIED);
                assertThat(f.retryable()).isFalse();
            });
        }
        assertThat(server.calls()).isEmpty();
    }
}
