package org.calconfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"TKY-EXC01", "a", "EXCHANGE2007SP3", "tky-exc01.corp.example.com", "x1.y2"})
    void netbios_and_dns_names_are_accepted(String name) {
        assertThat(HostNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "'', fleet.host.blank",
            "'  ', fleet.host.blank",
            "EXCHANGE2007SP3X, fleet.host.netbiosTooLong",
            "-EXC01, fleet.host.badLabel",
            "EXC01-, fleet.host.badLabel",
            "EXC 01, fleet.host.badLabel",
            "exc..corp, fleet.host.badLabel",
            "exc_01, fleet.host.badLabel",
            "10.0.0.1, fleet.host.numeric",
    })
    void bad_names_are_refused_with_the_rule_they_break(String name, String key) {
        assertThat(HostNames.problem(name)).contains(key);
    }

    @org.junit.jupiter.api.Test
    void dns_labels_and_names_have_their_length_limits() {
        String label63 = "a".repeat(63);
        assertThat(HostNames.problem(label63 + ".corp")).isEmpty();
        assertThat(HostNames.problem("a".repeat(64) + ".corp")).contains("fleet.host.badLabel");
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        assertThat(name253).hasSize(253);
        assertThat(HostNames.problem(name253)).isEmpty();
        assertThat(HostNames.problem(name253 + "a")).contains("fleet.host.tooLong");
    }
}
