package org.calconfleet.domino;

import static org.assertj.core.api.Assertions.assertThat;

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

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, 135, 1024, 65536})
    void a_port_neither_zero_nor_above_1024_is_refused(int port) {
        assertThat(new DominoCommand.LoadExcalcon("exchange", "ExchangeFreeBusy", port, 45001, true).problem())
                .hasValueSatisfying(p -> assertThat(p).contains(Integer.toString(port)));
    }

    @Test
    void a_name_that_would_split_the_command_is_refused() {
        assertThat(new DominoCommand.LoadExcalcon("exchange 45001", "ExchangeFreeBusy", 45001, 45001, true).problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("Exchange server name"));
        assertThat(new DominoCommand.LoadExcalcon("exchange", "", 45001, 45001, true).problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("calendar system name"));
    }
}
