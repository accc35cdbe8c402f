package org.calconfleet.domino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.calconfleet.port.ConsoleRefusalReason;
import org.calconfleet.port.LoadExcalconCommand;
import org.calconfleet.port.PortRefusalReason;
import org.calconfleet.port.Refusal;
import org.calconfleet.port.RefusedException;
import org.calconfleet.port.RpcPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DominoCommandTest {

    @Test
    void the_commands_read_exactly_as_in_the_procedure() {
        assertThat(DominoCommand.quit().commandLine()).isEqualTo("Excalcon q");
        assertThat(new DominoCommand.LoadExcalcon("exchange", "ExchangeFreeBusy", 45001, 45001, true).commandLine())
                .isEqualTo("LOAD EXCALCON exchange ExchangeFreeBusy 45001 45001 1");
        assertThat(new DominoCommand.LoadExcalcon("exchange", "ExchangeFreeBusy", 0, 0, false).commandLine())
                .isEqualTo("LOAD EXCALCON exchange ExchangeFreeBusy 0 0 0");
    }

    @Test
    void the_lines_are_the_port_packages_text_one_text_for_both() {
        LoadExcalconCommand port = new LoadExcalconCommand("EXCH01.corp.example", "ExchangeFreeBusy",
                RpcPort.of(45999), LoadExcalconCommand.DEBUG_OFF);
        DominoCommand.LoadExcalcon load = DominoCommand.LoadExcalcon.of(port);

        assertThat(List.of(DominoCommand.quit().commandLine(), load.commandLine()))
                .isEqualTo(org.calconfleet.port.DominoConsole.restartExcalcon(port));
        assertThat(load.toPortCommand()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, 135, 1024, 65536})
    void a_port_neither_zero_nor_above_1024_is_refused(int port) {
        DominoCommand.LoadExcalcon load = new DominoCommand.LoadExcalcon("exchange", "ExchangeFreeBusy", port, port, true);

        assertThat(load.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("port").contains(Integer.toString(port)));
        assertThatThrownBy(load::toPortCommand).isInstanceOf(RefusedException.class);
    }

    @Test
    void the_two_ports_must_be_equal_as_the_registry_values_they_mirror() {
        DominoCommand.LoadExcalcon load = new DominoCommand.LoadExcalcon("exchange", "ExchangeFreeBusy", 45001, 45002, true);

        assertThat(load.refusals()).extracting(Refusal::messageKey)
                .containsExactly(PortRefusalReason.VALUES_DIFFER.messageKey());
        assertThat(load.problem()).hasValueSatisfying(p -> assertThat(p).contains("45001", "45002"));
    }

    @Test
    void a_name_that_would_split_the_command_is_refused() {
        assertThat(new DominoCommand.LoadExcalcon("exchange 45001", "ExchangeFreeBusy", 45001, 45001, true).problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("Exchange server name"));
        assertThat(new DominoCommand.LoadExcalcon("exchange", "", 45001, 45001, true).problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("calendar system name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exchange", "EXCH01", "exch01.corp.example", "ExchangeFreeBusy", "exch_2", "Exchange-FB"})
    void names_of_the_console_line_rule_are_accepted(String name) {
        assertThat(new DominoCommand.LoadExcalcon(name, name, 45001, 45001, true).refusals()).isEmpty();
        assertThat(DominoCommand.refusalsForServer(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "tab\there", "line\nbreak", "cr\rx", "nbsp\u00A0x",
            "ideographic\u3000space", "\"quoted\"", "it's", "back`tick", "\u201Csmart\u201D", "nul\u0000x", "bell\u0007",
            "del\u007F", "zero\u200Bwidth", "rtl\u202Eoverride", "Domino/Acme", "CN=Domino01/O=Acme", "名前", "-c",
            "semi;colon"})
    void names_the_console_line_rule_refuses_are_refused_everywhere(String name) {
        assertThat(new DominoCommand.LoadExcalcon(name, "ExchangeFreeBusy", 45001, 45001, true).problem()).isPresent();
        assertThat(new DominoCommand.LoadExcalcon("exchange", name, 45001, 45001, true).problem()).isPresent();
        assertThat(DominoCommand.refusalsForServer(name)).isNotEmpty();
    }

    @Test
    void refusals_are_typed_with_the_port_packages_reasons() {
        assertThat(new DominoCommand.LoadExcalcon("exch\"01", "Exchange FreeBusy", 45001, 45001, true).refusals())
                .extracting(Refusal::messageKey)
                .contains(ConsoleRefusalReason.QUOTE.messageKey(), ConsoleRefusalReason.WHITESPACE.messageKey());
    }
}
