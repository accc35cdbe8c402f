package org.calconfleet.domino;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunbookDominoConsoleTest {

    private final RunbookDominoConsole console = new RunbookDominoConsole();
    private final DominoCommand.LoadExcalcon load =
            new DominoCommand.LoadExcalcon("exchange", "ExchangeFreeBusy", 45001, 45001, true);

    @Test
    void a_reload_awaits_operator_confirmation_with_the_exact_command_lines_in_order() {
        DominoResult result = console.reloadExcalcon("DOMINO01", load);

        assertThat(result).isEqualTo(new DominoResult.AwaitingConfirmation("DOMINO01",
                List.of("Excalcon q", "LOAD EXCALCON exchange ExchangeFreeBusy 45001 45001 1")));
        assertThat(result.messageKey()).isEqualTo("domino.result.awaiting-confirmation");
    }

    @Test
    void an_invalid_server_name_is_refused_before_anything_is_shown() {
        DominoResult result = console.quitExcalcon("DOMINO 01");

        assertThat(result).isInstanceOfSatisfying(DominoResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(DominoFailure.INVALID_ARGUMENT);
            assertThat(f.retryable()).isFalse();
            assertThat(f.detail()).contains("Domino server name");
        });
    }

    @Test
    void an_invalid_load_is_refused_with_its_problem() {
        DominoResult result = console.loadExcalcon("DOMINO01",
                new DominoCommand.LoadExcalcon("exchange", "Exchange\"FreeBusy", 45001, 45001, true));

        assertThat(result).isInstanceOfSatisfying(DominoResult.Failed.class,
                f -> assertThat(f.detail()).contains("calendar system name").contains("quote"));
    }

    @Test
    void an_empty_command_list_is_refused() {
        assertThat(console.send("DOMINO01", List.of())).isInstanceOf(DominoResult.Failed.class);
    }
}
