package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.calconfleet.host.HostArrangement.ArrangedValue;
import org.junit.jupiter.api.Test;

/**
 * A value of a type a host tool cannot always seed (REG_QWORD) reads as the wrong type, naming it. Part of {@link
 * HostBackendContract}.
 */
public interface RegistryQwordContract extends HostContract {

    @Test
    default void a_qword_reads_as_wrong_type_naming_the_type_found() {
        Fixture f = host(HostSetup.defaults().withParameter(CalConRegistry.NOTES_SIDE_PORT_VALUE,
                new ArrangedValue(RegistryValueType.REG_QWORD, "45001")));

        assertThat(f.backend().readCalConPorts().orElseThrow().notesSide())
                .isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_QWORD, "45001"));
    }
}
