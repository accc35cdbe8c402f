package org.calconfleet.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DominoConsoleTest {

    @Test
    void the_load_command_of_the_procedure_is_reproduced_exactly() {
        var load = new LoadExcalconCommand("exchange", "ExchangeFreeBusy", RpcPort.of(45001), 1);

        assertThat(load.text()).isEqualTo("LOAD EXCALCON exchange ExchangeFreeBusy 45001 45001 1");
    }

    @Test
    void excalcon_is_quit_before_it_is_loaded_again() {
        assertThat(DominoConsole.restartExcalcon("EXCH01.corp.example.com", "ExchangeFreeBusy", RpcPort.of(45999),
                LoadExcalconCommand.DEBUG_OFF)).containsExactly(
                        "Excalcon q",
                        "LOAD EXCALCON EXCH01.corp.example.com ExchangeFreeBusy 45999 45999 0");
    }

    @Test
    void a_dynamic_port_is_passed_to_excalcon_as_zero() {
        assertThat(new LoadExcalconCommand("exch_2", "Exchange-FB", RpcPort.DYNAMIC, 1).text())
                .isEqualTo("LOAD EXCALCON exch_2 Exchange-FB 0 0 1");
    }

    @Test
    void debug_flags_other_than_0_and_1_are_refused() {
        for (var flag : new int[] {-1, 2, 10}) {
            assertThat(LoadExcalconCommand.refusalsFor("exchange", "ExchangeFreeBusy", flag)).containsExactly(
                    ConsoleRefusal.of(ConsoleField.DEBUG_FLAG, ConsoleRefusalReason.DEBUG_FLAG_NOT_0_OR_1, flag));
        }
        assertThat(LoadExcalconCommand.refusalsFor("exchange", "ExchangeFreeBusy", 0)).isEmpty();
        assertThat(LoadExcalconCommand.refusalsFor("exchange", "ExchangeFreeBusy", 1)).isEmpty();
    }

    @Test
    void each_refused_name_is_reported_with_its_field() {
        assertThat(LoadExcalconCommand.refusalsFor("", "Exchange FreeBusy", 1)).containsExactly(
                ConsoleRefusal.of(ConsoleField.EXCHANGE_SERVER, ConsoleRefusalReason.EMPTY),
                ConsoleRefusal.of(ConsoleField.CALENDAR_SYSTEM, ConsoleRefusalReason.WHITESPACE, "Exchange FreeBusy"));
    }

    @Test
    void a_command_cannot_be_built_from_refused_input() {
        assertThatThrownBy(() -> new LoadExcalconCommand("exchange\"; tell", "ExchangeFreeBusy", RpcPort.of(45001), 1))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusals())
                        .extracting(Refusal::messageKey)
                        .containsExactly("port.console.quote", "port.console.unsafeCharacter", "port.console.whitespace"));
    }
}
