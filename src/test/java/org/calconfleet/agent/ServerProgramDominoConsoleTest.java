package org.calconfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The Domino adapter of the agent, in this JVM, over a fake server program that records its arguments. */
@DisabledOnOs(OS.WINDOWS)
class ServerProgramDominoConsoleTest {

    @TempDir
    Path dir;

    private FakeDominoServer server;
    private ServerProgramDominoConsole console;

    @BeforeEach
    void fakeServer() {
        server = FakeDominoServer.in(dir);
        console = new ServerProgramDominoConsole(server.program(), "-c", dir, Duration.ofSeconds(1), "DOMINO01");
    }

    @Test
    void each_line_goes_to_the_program_as_one_argument_after_the_option() {
        DominoResult result = console.reloadExcalcon("domino01",
                new DominoCommand.LoadExcalcon("exch_2.corp", "Exchange-FB", 0, 0, false));

        assertThat(result).isInstanceOf(DominoResult.Sent.class);
        assertThat(server.calls()).containsExactly(List.of("-c", "Excalcon q"),
                List.of("-c", "LOAD EXCALCON exch_2.corp Exchange-FB 0 0 0"));
    }

    @Test
    void a_missing_program_is_a_failure_not_a_crash() {
        ServerProgramDominoConsole missing = new ServerProgramDominoConsole(dir.resolve("no-such-program"), "-c", null,
                Duration.ofSeconds(1), null);

        assertThat(missing.quitExcalcon("DOMINO01")).isInstanceOfSatisfying(DominoResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(DominoFailure.FAILED);
            assertThat(f.detail()).contains("no-such-program");
        });
    }

    @Test
    void a_hanging_program_is_killed_after_the_time_out() {
        server.hanging(true);
        long started = System.nanoTime();

        DominoResult result = console.quitExcalcon("DOMINO01");

        assertThat(result).isInstanceOfSatisfying(DominoResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(DominoFailure.TIMED_OUT));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void only_lines_of_the_procedure_pass_the_last_check() {
        assertThat(ServerProgramDominoConsole.LINE.matcher("Excalcon q").matches()).isTrue();
        assertThat(ServerProgramDominoConsole.LINE.matcher("LOAD EXCALCON exchange ExchangeFreeBusy 45001 45001 1")
                .matches()).isTrue();
        assertThat(ServerProgramDominoConsole.LINE.matcher("LOAD EXCALCON -x ExchangeFreeBusy 45001 45001 1").matches())
                .isFalse();
        assertThat(ServerProgramDominoConsole.LINE.matcher("Excalcon q; drop server").matches()).isFalse();
        assertThat(ServerProgramDominoConsole.LINE.matcher("LOAD EXCALCON a b 1 1 1\nquit").matches()).isFalse();
    }

    @Test
    void a_command_option_that_is_no_option_is_refused_at_construction() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ServerProgramDominoConsole(server.program(),
                "-c;rm", null, Duration.ofSeconds(1), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
