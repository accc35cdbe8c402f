package org.calconfleet.domino.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;
import org.junit.jupiter.api.Test;

class SimulatedDominoConsoleTest {

    private final SimulatedDominoConsole console = new SimulatedDominoConsole();
    private final DominoCommand.LoadExcalcon old = new DominoCommand.LoadExcalcon("exchange", "ExchangeFreeBusy", 0, 0, false);
    private final DominoCommand.LoadExcalcon pinned =
            new DominoCommand.LoadExcalcon("exchange", "ExchangeFreeBusy", 45001, 45001, true);

    @Test
    void a_reload_quits_the_task_loads_it_with_the_new_ports_and_is_recorded() {
        SimulatedDominoServer server = console.add(new SimulatedDominoServer("DOMINO01").withExcalcon(old));

        DominoResult result = console.reloadExcalcon("domino01", pinned);

        assertThat(result).isInstanceOfSatisfying(DominoResult.Sent.class, sent -> {
            assertThat(sent.commandLines()).containsExactly("Excalcon q", pinned.commandLine());
            assertThat(sent.responses()).hasSize(2);
        });
        assertThat(server.received()).containsExactly("Excalcon q", "LOAD EXCALCON exchange ExchangeFreeBusy 45001 45001 1");
        assertThat(server.excalcon()).contains(pinned);
    }

    @Test
    void loading_while_the_task_runs_is_rejected() {
        SimulatedDominoServer server = console.add(new SimulatedDominoServer("DOMINO01").withExcalcon(old));

        DominoResult result = console.loadExcalcon("DOMINO01", pinned);

        assertThat(result).isInstanceOfSatisfying(DominoResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(DominoFailure.REJECTED));
        assertThat(server.excalcon()).contains(old);
    }

    @Test
    void a_server_told_to_fail_fails_the_next_commands_then_recovers() {
        SimulatedDominoServer server = console.add(new SimulatedDominoServer("DOMINO01"));
        server.failNext(1, DominoFailure.UNREACHABLE);

        DominoResult first = console.reloadExcalcon("DOMINO01", pinned);
        DominoResult second = console.reloadExcalcon("DOMINO01", pinned);

        assertThat(first).isInstanceOfSatisfying(DominoResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(DominoFailure.UNREACHABLE);
            assertThat(f.retryable()).isTrue();
            assertThat(f.detail()).contains("Excalcon q");
        });
        assertThat(second).isInstanceOf(DominoResult.Sent.class);
        assertThat(server.received()).containsExactly("Excalcon q", "Excalcon q", pinned.commandLine());
    }

    @Test
    void a_server_told_to_fail_always_fails_every_time() {
        SimulatedDominoServer server = console.add(new SimulatedDominoServer("DOMINO01"));
        server.failAlways(DominoFailure.ACCESS_DENIED);

        assertThat(List.of(console.quitExcalcon("DOMINO01"), console.quitExcalcon("DOMINO01")))
                .allSatisfy(r -> assertThat(r).isInstanceOf(DominoResult.Failed.class));
        server.stopFailing();
        assertThat(console.quitExcalcon("DOMINO01")).isInstanceOf(DominoResult.Sent.class);
    }

    @Test
    void an_unknown_server_is_not_found_and_invalid_names_never_reach_a_server() {
        SimulatedDominoServer server = console.add(new SimulatedDominoServer("DOMINO01"));

        assertThat(console.quitExcalcon("DOMINO02")).isInstanceOfSatisfying(DominoResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(DominoFailure.NOT_FOUND));
        assertThat(console.loadExcalcon("DOMINO01",
                new DominoCommand.LoadExcalcon("exchange\nLOAD evil", "ExchangeFreeBusy", 45001, 45001, true)))
                .isInstanceOfSatisfying(DominoResult.Failed.class,
                        f -> assertThat(f.kind()).isEqualTo(DominoFailure.INVALID_ARGUMENT));
        assertThat(server.received()).isEmpty();
    }
}
