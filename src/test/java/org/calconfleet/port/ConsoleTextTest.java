package org.calconfleet.port;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleTextTest {

    private static final ConsoleField FIELD = ConsoleField.EXCHANGE_SERVER;

    @ParameterizedTest
    @ValueSource(strings = {"exchange", "EXCH01", "exch01.corp.example.com", "exch_01", "a", "ExchangeFreeBusy"})
    void dns_and_netbios_style_names_are_accepted(String name) {
        assertThat(ConsoleText.refusalsForName(FIELD, name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void empty_names_are_refused(String name) {
        assertThat(ConsoleText.refusalsForName(FIELD, name))
                .containsExactly(ConsoleRefusal.of(FIELD, ConsoleRefusalReason.EMPTY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exch 01", " exch01", "exch01 ", "exch\u00A001", "exch\u300001"})
    void names_with_spaces_are_refused(String name) {
        assertThat(ConsoleText.refusalsForName(FIELD, name)).extracting(ConsoleRefusal::reason)
                .containsExactly(ConsoleRefusalReason.WHITESPACE);
    }

    @Test
    void a_tab_or_line_break_counts_as_white_space_and_is_shown_visibly() {
        assertThat(ConsoleText.refusalsForName(FIELD, "exch\n01"))
                .containsExactly(ConsoleRefusal.of(FIELD, ConsoleRefusalReason.WHITESPACE, "exch<U+000A>01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exch'01", "exch\"01", "exch`01", "exch\u201C01\u201D"})
    void names_with_quotes_are_refused_with_the_quote(String name) {
        var refusals = ConsoleText.refusalsForName(FIELD, name);

        assertThat(refusals).extracting(ConsoleRefusal::reason).containsExactly(ConsoleRefusalReason.QUOTE);
        assertThat(refusals.getFirst().arguments()).containsExactly(name, name.substring(4, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exch\u000701", "exch\u001B01", "exch\u007F01", "exch\u200B01", "exch\u202E01"})
    void names_with_control_or_invisible_formatting_characters_are_refused(String name) {
        var refusals = ConsoleText.refusalsForName(FIELD, name);

        assertThat(refusals).extracting(ConsoleRefusal::reason)
                .containsExactly(ConsoleRefusalReason.CONTROL_CHARACTER);
        var codePoint = String.format("U+%04X", (int) name.charAt(4));
        assertThat(refusals.getFirst().arguments()).containsExactly("exch<" + codePoint + ">01", codePoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exch;01", "exch&01", "exch|01", "exch>01", "exch%01", "exch^01", "exch/01", "exch\\01",
            "exch,01", "exch!01", "exch=01", "exch(01)", "サーバー", "exché"})
    void names_with_characters_outside_letters_digits_dot_hyphen_underscore_are_refused(String name) {
        assertThat(ConsoleText.refusalsForName(FIELD, name)).extracting(ConsoleRefusal::reason)
                .containsExactly(ConsoleRefusalReason.UNSAFE_CHARACTER);
    }

    @Test
    void an_unsafe_character_is_named_in_the_refusal() {
        assertThat(ConsoleText.refusalsForName(FIELD, "exch;01"))
                .containsExactly(ConsoleRefusal.of(FIELD, ConsoleRefusalReason.UNSAFE_CHARACTER, "exch;01", ";"));
    }

    @Test
    void each_reason_is_reported_once_per_name() {
        assertThat(ConsoleText.refusalsForName(FIELD, "a b c;d;e")).extracting(ConsoleRefusal::reason)
                .containsExactly(ConsoleRefusalReason.WHITESPACE, ConsoleRefusalReason.UNSAFE_CHARACTER);
    }

    @Test
    void names_starting_with_a_hyphen_are_refused_as_they_read_as_options() {
        assertThat(ConsoleText.refusalsForName(FIELD, "-debug"))
                .containsExactly(ConsoleRefusal.of(FIELD, ConsoleRefusalReason.LEADING_HYPHEN, "-debug"));
        assertThat(ConsoleText.refusalsForName(FIELD, "exch-01")).isEmpty();
    }

    @Test
    void names_longer_than_a_dns_name_are_refused() {
        assertThat(ConsoleText.refusalsForName(FIELD, "a".repeat(253))).isEmpty();
        assertThat(ConsoleText.refusalsForName(FIELD, "a".repeat(254)))
                .containsExactly(ConsoleRefusal.of(FIELD, ConsoleRefusalReason.TOO_LONG, 254, 253));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "192.168.1.254", "0.0.0.0", "255.255.255.255", "::1", "::",
            "fe80::1", "2001:db8::8a2e:370:7334", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:10.0.0.5",
            "1:2:3:4:5:6:7::"})
    void ipv4_and_ipv6_literals_are_accepted_as_addresses(String address) {
        assertThat(ConsoleText.refusalsForIpAddress(ConsoleField.HOST_ADDRESS, address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"exch01", "exch01.corp.example.com", "10.0.0", "10.0.0.256", "010.0.0.1", "10.0.0.1/24",
            "10.0.0.1 ", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "fe80::1%eth0", ":1:2:3:4:5:6:7", "::ffff:10.0.0",
            "1:2:3:4:5:6:7:8::"})
    void anything_else_is_not_an_ip_address(String address) {
        assertThat(ConsoleText.refusalsForIpAddress(ConsoleField.HOST_ADDRESS, address)).extracting(ConsoleRefusal::reason)
                .containsExactly(ConsoleRefusalReason.NOT_AN_IP_ADDRESS);
    }

    @Test
    void an_empty_address_is_refused_as_empty() {
        assertThat(ConsoleText.refusalsForIpAddress(ConsoleField.HOST_ADDRESS, ""))
                .containsExactly(ConsoleRefusal.of(ConsoleField.HOST_ADDRESS, ConsoleRefusalReason.EMPTY));
    }
}
