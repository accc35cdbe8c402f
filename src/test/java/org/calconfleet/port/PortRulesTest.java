package org.calconfleet.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortRulesTest {

    @Test
    void zero_is_valid_and_means_a_dynamic_port() {
        var check = PortRules.check(0);

        assertThat(check.validPort()).contains(RpcPort.DYNAMIC);
        assertThat(RpcPort.DYNAMIC.isDynamic()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1025, 45001, 65535})
    void ports_above_1024_are_valid(int value) {
        var check = PortRules.check(value);

        assertThat(check.isValid()).isTrue();
        assertThat(check.validPort()).contains(new RpcPort(value));
        assertThat(check.validPort().orElseThrow().isDynamic()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 135, 1024})
    void ports_from_1_to_1024_are_not_above_1024(int value) {
        assertThat(PortRules.check(value).refusals())
                .containsExactly(new PortRefusal(PortRefusalReason.NOT_ABOVE_1024, List.of(Integer.toString(value))));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 65536, Integer.MIN_VALUE, 4294967295L})
    void negative_ports_and_ports_above_65535_are_out_of_range(long value) {
        assertThat(PortRules.check(value).refusals())
                .containsExactly(new PortRefusal(PortRefusalReason.OUT_OF_RANGE, List.of(Long.toString(value))));
    }

    @Test
    void a_refused_check_has_no_port() {
        var check = PortRules.check(1024);

        assertThat(check.isValid()).isFalse();
        assertThat(check.validPort()).isEmpty();
        assertThat(check).isInstanceOf(PortCheck.Refused.class);
    }

    @Test
    void an_rpc_port_cannot_be_built_from_an_invalid_value() {
        assertThatThrownBy(() -> new RpcPort(1024))
                .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.refusals())
                        .containsExactly(PortRefusal.of(PortRefusalReason.NOT_ABOVE_1024, 1024)));
        assertThatThrownBy(() -> RpcPort.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RpcPort.of(65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_port_is_written_without_digit_grouping() {
        assertThat(RpcPort.of(45001).text()).isEqualTo("45001");
        assertThat(PortRules.check(100000).refusals().getFirst().arguments()).containsExactly("100000");
    }

    @Test
    void parsing_trims_the_text() {
        assertThat(PortRules.parse("  45001\t").validPort()).contains(RpcPort.of(45001));
        assertThat(PortRules.parse(" 0 ").validPort()).contains(RpcPort.DYNAMIC);
    }

    @Test
    void parsing_reads_full_width_digits_as_typed_with_a_japanese_input_method() {
        assertThat(PortRules.parse("４５００１").validPort()).contains(RpcPort.of(45001));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u3000"})
    void blank_text_is_refused_as_no_port_given(String text) {
        assertThat(PortRules.parse(text).refusals()).containsExactly(PortRefusal.of(PortRefusalReason.BLANK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "45 001", "45,001", "45001a", "0x1F", "+45001", "4.5", "--1", "−1"})
    void text_that_is_not_a_whole_number_is_refused_as_not_a_number(String text) {
        assertThat(PortRules.parse(text).refusals())
                .containsExactly(PortRefusal.of(PortRefusalReason.NOT_A_NUMBER, text.strip()));
    }

    @Test
    void parsed_text_obeys_the_same_boundaries_as_numbers() {
        assertThat(PortRules.parse("-1").refusals()).containsExactly(PortRefusal.of(PortRefusalReason.OUT_OF_RANGE, -1));
        assertThat(PortRules.parse("1024").refusals())
                .containsExactly(PortRefusal.of(PortRefusalReason.NOT_ABOVE_1024, 1024));
        assertThat(PortRules.parse("1025").isValid()).isTrue();
        assertThat(PortRules.parse("65535").isValid()).isTrue();
        assertThat(PortRules.parse("65536").refusals())
                .containsExactly(PortRefusal.of(PortRefusalReason.OUT_OF_RANGE, 65536));
    }

    @Test
    void numbers_too_long_for_a_long_are_out_of_range_not_a_crash() {
        assertThat(PortRules.parse("99999999999999999999999").refusals())
                .containsExactly(PortRefusal.of(PortRefusalReason.OUT_OF_RANGE, "99999999999999999999999"));
    }

    @Test
    void leading_zeros_do_not_change_the_port() {
        assertThat(PortRules.parse("045001").validPort()).contains(RpcPort.of(45001));
        assertThat(PortRules.parse("0000").validPort()).contains(RpcPort.DYNAMIC);
    }

    @Test
    void equal_registry_values_give_the_port() {
        assertThat(PortRules.checkRegistryValues(45001, 45001).validPort()).contains(RpcPort.of(45001));
        assertThat(PortRules.checkRegistryValues(0, 0).validPort()).contains(RpcPort.DYNAMIC);
    }

    @Test
    void unequal_registry_values_are_refused_with_both_values() {
        assertThat(PortRules.checkRegistryValues(45001, 45002).refusals())
                .containsExactly(PortRefusal.of(PortRefusalReason.VALUES_DIFFER, 45001, 45002));
    }

    @Test
    void unequal_registry_values_also_report_what_is_wrong_with_each_value() {
        assertThat(PortRules.checkRegistryValues(80, 70000).refusals()).containsExactly(
                PortRefusal.of(PortRefusalReason.NOT_ABOVE_1024, 80),
                PortRefusal.of(PortRefusalReason.OUT_OF_RANGE, 70000),
                PortRefusal.of(PortRefusalReason.VALUES_DIFFER, 80, 70000));
    }

    @Test
    void an_invalid_value_in_both_registry_values_is_reported_once() {
        assertThat(PortRules.checkRegistryValues(1024, 1024).refusals())
                .containsExactly(PortRefusal.of(PortRefusalReason.NOT_ABOVE_1024, 1024));
    }

    @Test
    void a_refusal_carries_the_message_key_of_its_reason() {
        assertThat(PortRefusal.of(PortRefusalReason.NOT_ABOVE_1024, 80).messageKey())
                .isEqualTo("port.refusal.notAbove1024");
        assertThat(PortRefusal.of(PortRefusalReason.VALUES_DIFFER, 1, 2).messageKey())
                .isEqualTo("port.refusal.valuesDiffer");
    }
}
