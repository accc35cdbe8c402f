package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Failures injected into the host on demand: time-outs, unreachable, access denied. Part of {@link
 * HostBackendContract}.
 */
public interface FaultInjectionContract extends HostContract {

    @Test
    default void a_call_that_times_out_is_timed_out_and_retryable() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT));
        f.host().injectFault(HostFailure.TIMED_OUT, Set.of(HostOperation.READ_CALCON_PORTS), 1, SHORT_TIMEOUT);

        assertFailure(f.backend().readCalConPorts(), HostFailure.TIMED_OUT, true);
        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(PORT, PORT));
    }

    @Test
    default void an_unreachable_host_fails_every_call_as_unreachable_and_retryable() {
        Fixture f = host(HostSetup.defaults());
        f.host().injectFault(HostFailure.UNREACHABLE, Set.of(), -1, Duration.ZERO);

        assertFailure(f.backend().readCalConPorts(), HostFailure.UNREACHABLE, true);
        assertFailure(f.backend().writeCalConPorts(PORT, PORT), HostFailure.UNREACHABLE, true);
        assertFailure(f.backend().queryServiceState(), HostFailure.UNREACHABLE, true);
        assertFailure(f.backend().stopService(TIMEOUT), HostFailure.UNREACHABLE, true);
        assertFailure(f.backend().readCalConEvents(f.host().now()), HostFailure.UNREACHABLE, true);
        assertThat(f.host().calConWrites()).isZero();
        assertThat(f.host().stopRequests()).isZero();

        f.host().clearFaults();
        assertThat(f.backend().queryServiceState().orElseThrow()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    default void access_denied_on_a_write_is_not_retryable_and_writes_nothing() {
        Fixture f = host(HostSetup.defaults());
        f.host().injectFault(HostFailure.ACCESS_DENIED, Set.of(HostOperation.WRITE_CALCON_PORTS), -1, Duration.ZERO);

        assertFailure(f.backend().writeCalConPorts(PORT, PORT), HostFailure.ACCESS_DENIED, false);
        assertThat(f.host().calConWrites()).isZero();
        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.absent());
    }
}
