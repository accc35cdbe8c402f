package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.calconfleet.host.HostArrangement.ArrangedValue;
import org.junit.jupiter.api.Test;

/**
 * Writing the two values as DWORDs (creating the key) and putting earlier values back. Part of {@link
 * HostBackendContract}.
 */
public interface RegistryWriteContract extends HostContract {

    @Test
    default void writing_the_ports_creates_the_key_and_stores_both_as_dwords() {
        Fixture f = host(HostSetup.defaults().withoutParametersKey());

        assertThat(f.backend().writeCalConPorts(PORT, PORT)).isEqualTo(HostResult.done());

        assertThat(f.host().value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(PORT));
        assertThat(f.host().value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(PORT));
        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(PORT, PORT));
    }

    @Test
    default void writing_replaces_a_string_value_with_a_dword() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.string("45001")));

        f.backend().writeCalConPorts(PORT, PORT).orElseThrow();

        assertThat(f.host().value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(PORT));
    }

    @Test
    default void restoring_writes_back_present_values_and_deletes_absent_ones() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.dword(40000)));
        CalConPorts before = f.backend().readCalConPorts().orElseThrow();
        f.backend().writeCalConPorts(PORT, PORT).orElseThrow();

        assertThat(f.backend().restoreCalConPorts(before)).isEqualTo(HostResult.done());

        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(before);
        assertThat(f.host().value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE)).isEmpty();
    }

    @Test
    default void restoring_puts_a_string_value_back_as_that_string() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.string("45001"))
                .withParameter(CalConRegistry.NOTES_SIDE_PORT_VALUE, ArrangedValue.dword(45001)));
        CalConPorts before = f.backend().readCalConPorts().orElseThrow();
        f.backend().writeCalConPorts(PORT, PORT).orElseThrow();

        assertThat(f.backend().restoreCalConPorts(before)).isEqualTo(HostResult.done());

        assertThat(f.host().value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .contains(ArrangedValue.string("45001"));
        assertThat(f.host().value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(45001));
        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(before);
    }
}
