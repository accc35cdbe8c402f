package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.calconfleet.host.HostArrangement.ArrangedValue;
import org.junit.jupiter.api.Test;

/**
 * Writes as the host counts them: one per call, none for reads, none when refused. Needs a host that counts. Part
 * of {@link HostBackendContract}.
 */
public interface WriteCountingContract extends HostContract {

    @Test
    default void one_write_of_both_values_is_counted_once_and_reads_are_not_counted() {
        Fixture f = host(HostSetup.defaults());

        f.backend().readCalConPorts().orElseThrow();
        f.backend().writeCalConPorts(PORT, PORT).orElseThrow();
        f.backend().readCalConPorts().orElseThrow();

        assertThat(f.host().calConWrites()).isEqualTo(1);
    }

    @Test
    default void a_previous_value_whose_data_was_not_kept_cannot_be_restored_and_nothing_is_written() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.string("45001")));
        CalConPorts before = f.backend().readCalConPorts().orElseThrow();
        f.backend().writeCalConPorts(PORT, PORT).orElseThrow();
        CalConPorts dataNotKept = new CalConPorts(
                new RegistryRead.WrongType(RegistryValueType.REG_SZ, null), before.notesSide());

        HostResult<Done> restored = f.backend().restoreCalConPorts(dataNotKept);

        assertFailure(restored, HostFailure.WRONG_VALUE_TYPE, false);
        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(PORT, PORT));
        assertThat(f.host().calConWrites()).isEqualTo(1);
    }

    @Test
    default void a_port_outside_the_tcp_range_is_a_programming_error() {
        Fixture f = host(HostSetup.defaults());

        assertThatThrownBy(() -> f.backend().writeCalConPorts(65536, 65536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(f.host().calConWrites()).isZero();
    }
}
