package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/**
 * The root of the host contract: how a contract test gets a host. The contract is split by capability into
 * interfaces with default {@code @Test} methods ({@link RegistryReadContract}, {@link RegistryWriteContract},
 * {@link ConnectorServiceContract}, ...), so that an adapter whose test peer can arrange only part of a host (a real
 * Samba has a registry but no Calendar Connector) runs exactly that part; {@link HostBackendContract} is all of it.
 *
 * <p>The host must behave like a Calendar Connector host: these tests arrange only through {@link HostSetup} and
 * {@link HostArrangement}. Waits are short (a few seconds of host time, time-outs of one second), so an adapter on
 * real time passes too, only slower.
 */
public interface HostContract {

    Duration TIMEOUT = Duration.ofSeconds(30);
    Duration SHORT_TIMEOUT = Duration.ofSeconds(1);
    int PORT = 45001;

    /** A backend for a fresh host arranged as {@code setup}; released after the test. */
    Fixture host(HostSetup setup);

    /** The backend under test, the arrangement of its host, and how to release both. */
    record Fixture(HostBackend backend, HostArrangement host, AutoCloseable resources) {
        public Fixture(HostBackend backend, HostArrangement host) {
            this(backend, host, () -> { });
        }
    }

    default void assertFailure(HostResult<?> result, HostFailure kind, boolean retryable) {
        assertThat(result).isInstanceOfSatisfying(HostResult.Failure.class, failure -> {
            assertThat(failure.kind()).as(failure.detail()).isEqualTo(kind);
            assertThat(failure.retryable()).as("retryable").isEqualTo(retryable);
            assertThat(failure.detail()).isNotBlank();
        });
    }
}
