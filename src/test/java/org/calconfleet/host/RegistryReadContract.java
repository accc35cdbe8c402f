package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.calconfleet.host.HostArrangement.ArrangedValue;
import org.junit.jupiter.api.Test;

/**
 * Reading the two port values: present, absent (value or key), of another type. Part of {@link
 * HostBackendContract}.
 */
public interface RegistryReadContract extends HostContract {

    @Test
    default void both_port_values_read_as_present_dwords() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT));

        CalConPorts ports = f.backend().readCalConPorts().orElseThrow();

        assertThat(ports).isEqualTo(CalConPorts.of(PORT, PORT));
        assertThat(ports.agreedPort()).hasValue(PORT);
    }

    @Test
    default void a_missing_parameters_key_reads_as_both_values_absent() {
        Fixture f = host(HostSetup.defaults().withoutParametersKey());

        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.absent());
    }

    @Test
    default void a_missing_value_reads_as_absent_beside_a_present_one() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.dword(PORT)));

        CalConPorts ports = f.backend().readCalConPorts().orElseThrow();

        assertThat(ports.exchangeSide()).isEqualTo(RegistryRead.present(PORT));
        assertThat(ports.notesSide()).isEqualTo(RegistryRead.absent());
        assertThat(ports.agreedPort()).isEmpty();
    }

    @Test
    default void a_dword_written_as_string_reads_as_wrong_type() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.string("45001"))
                .withParameter(CalConRegistry.NOTES_SIDE_PORT_VALUE, ArrangedValue.dword(PORT)));

        CalConPorts ports = f.backend().readCalConPorts().orElseThrow();

        assertThat(ports.exchangeSide()).isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_SZ, "45001"));
        assertThat(ports.exchangeSide().require(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .isInstanceOfSatisfying(HostResult.Failure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(HostFailure.WRONG_VALUE_TYPE));
    }
}
