package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.calconfleet.host.HostArrangement.ArrangedValue;
import org.junit.jupiter.api.Test;

/**
 * The diagnostic logging level that decides whether 6001 is written. Part of {@link HostBackendContract}.
 */
public interface DiagnosticLevelContract extends HostContract {

    @Test
    default void the_diagnostic_level_reads_as_set_and_absent_reads_as_none() {
        assertThat(host(HostSetup.defaults().withDiagnosticLevel(DiagnosticLevel.HIGH)).backend()
                .readDiagnosticLevel().orElseThrow()).isEqualTo(DiagnosticLevel.HIGH);
        assertThat(host(HostSetup.defaults()).backend().readDiagnosticLevel().orElseThrow())
                .isEqualTo(DiagnosticLevel.NONE);
    }

    @Test
    default void a_diagnostic_level_written_as_string_is_wrong_value_type() {
        Fixture f = host(HostSetup.defaults().withDiagnostics(ArrangedValue.string("5")));

        assertFailure(f.backend().readDiagnosticLevel(), HostFailure.WRONG_VALUE_TYPE, false);
    }
}
