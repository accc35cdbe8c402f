package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostTypesTest {

    @ParameterizedTest
    @CsvSource({"0,NONE", "1,LOW", "2,LOW", "3,MEDIUM", "4,MEDIUM", "5,HIGH", "6,HIGH", "7,EXPERT", "255,EXPERT",
            "-1,EXPERT"})
    void a_diagnostics_dword_maps_to_the_highest_level_not_above_it(int dword, DiagnosticLevel level) {
        assertThat(DiagnosticLevel.fromRegistry(dword)).isEqualTo(level);
    }

    @Test
    void only_high_and_expert_are_high_or_above() {
        assertThat(DiagnosticLevel.values()).filteredOn(DiagnosticLevel::isHighOrAbove)
                .containsExactly(DiagnosticLevel.HIGH, DiagnosticLevel.EXPERT);
    }

    @Test
    void service_states_map_from_their_win32_codes_and_pending_ones_settle() {
        assertThat(ServiceState.fromWin32Code(1)).isEqualTo(ServiceState.STOPPED);
        assertThat(ServiceState.fromWin32Code(4)).isEqualTo(ServiceState.RUNNING);
        assertThat(ServiceState.fromWin32Code(7)).isEqualTo(ServiceState.PAUSED);
        assertThat(ServiceState.START_PENDING.settlesTo()).isEqualTo(ServiceState.RUNNING);
        assertThat(ServiceState.STOP_PENDING.settlesTo()).isEqualTo(ServiceState.STOPPED);
        assertThat(ServiceState.PAUSE_PENDING.settlesTo()).isEqualTo(ServiceState.PAUSED);
        assertThat(ServiceState.values()).filteredOn(ServiceState::isPending).hasSize(4);
        assertThatThrownBy(() -> ServiceState.fromWin32Code(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registry_types_map_from_their_codes_and_unknown_codes_are_unknown() {
        assertThat(RegistryValueType.fromCode(1)).isEqualTo(RegistryValueType.REG_SZ);
        assertThat(RegistryValueType.fromCode(4)).isEqualTo(RegistryValueType.REG_DWORD);
        assertThat(RegistryValueType.fromCode(11)).isEqualTo(RegistryValueType.REG_QWORD);
        assertThat(RegistryValueType.fromCode(-1)).isEqualTo(RegistryValueType.UNKNOWN);
        assertThat(RegistryValueType.fromCode(42)).isEqualTo(RegistryValueType.UNKNOWN);
    }

    @Test
    void event_types_map_from_the_event_log_record() {
        assertThat(EventType.fromWin32(1)).isEqualTo(EventType.ERROR);
        assertThat(EventType.fromWin32(2)).isEqualTo(EventType.WARNING);
        assertThat(EventType.fromWin32(4)).isEqualTo(EventType.INFORMATION);
        assertThat(EventType.fromWin32(0)).isEqualTo(EventType.INFORMATION);
        assertThat(EventType.fromWin32(16)).isEqualTo(EventType.ERROR);
    }

    @Test
    void transient_failures_are_retryable_by_default_and_others_are_not() {
        assertThat(HostFailure.values()).filteredOn(HostFailure::retryableByDefault)
                .containsExactlyInAnyOrder(HostFailure.UNREACHABLE, HostFailure.TIMED_OUT, HostFailure.INTERRUPTED);
    }

    @Test
    void a_failure_passes_through_map_and_flat_map_unchanged() {
        HostResult<Integer> failed = HostResult.failure(HostFailure.TIMED_OUT, "slow", 1053);

        HostResult<String> mapped = failed.map(String::valueOf).flatMap(s -> HostResult.ok(s + "!"));

        assertThat(mapped).isEqualTo(new HostResult.Failure<String>(HostFailure.TIMED_OUT, "slow", true, 1053));
        assertThat(mapped.isOk()).isFalse();
        assertThatThrownBy(mapped::orElseThrow).hasMessageContaining("TIMED_OUT").hasMessageContaining("slow");
    }

    @Test
    void an_ok_result_maps_its_value() {
        assertThat(HostResult.ok(41).map(i -> i + 1).orElseThrow()).isEqualTo(42);
        assertThat(HostResult.ok(41).failure()).isEmpty();
    }

    @Test
    void a_registry_read_requires_a_present_dword() {
        assertThat(RegistryRead.present(45001).require("v").orElseThrow()).isEqualTo(45001);
        assertThat(RegistryRead.absent().require("v").failure().orElseThrow().kind()).isEqualTo(HostFailure.NOT_FOUND);
        assertThat(RegistryRead.wrongType(RegistryValueType.REG_SZ, "45001").require("v").failure().orElseThrow().detail())
                .contains("REG_SZ");
    }

    @Test
    void ports_agree_only_when_both_are_present_and_equal() {
        assertThat(CalConPorts.of(45001, 45001).agreedPort()).hasValue(45001);
        assertThat(CalConPorts.of(45001, 45002).agreedPort()).isEmpty();
        assertThat(CalConPorts.absent().agreedPort()).isEmpty();
    }
}
