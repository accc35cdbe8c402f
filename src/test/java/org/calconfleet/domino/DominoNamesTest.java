package org.calconfleet.domino;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DominoNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"exchange", "EXCH01", "exch01.corp.example", "ExchangeFreeBusy", "Domino/Acme",
            "CN=Domino01/O=Acme", "名前"})
    void ordinary_names_are_accepted(String name) {
        assertThat(DominoNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "tab\there", "line\nbreak", "cr\rx", "nbsp\u00A0x",
            "ideographic\u3000space", "\"quoted\"", "it's", "back`tick", "\u201Csmart\u201D", "nul\u0000x", "bell\u0007",
            "del\u007F", "zero\u200Bwidth", "rtl\u202Eoverride"})
    void empty_names_whitespace_quotes_and_control_characters_are_refused(String name) {
        assertThat(DominoNames.problem(name)).isPresent();
        assertThat(DominoNames.isValid(name)).isFalse();
    }
}
