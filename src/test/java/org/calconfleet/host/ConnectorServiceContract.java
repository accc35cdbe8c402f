package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/**
 * The connector service as a Calendar Connector host runs it: states, restarts, the 6001 evidence they write,
 * start failures, pending states that outlast their time-out, its listener. Needs a host that runs the connector
 * (or simulates it). Part of {@link HostBackendContract}.
 */
public interface ConnectorServiceContract extends HostContract {

    @Test
    default void a_running_connector_reports_running() {
        Fixture f = host(HostSetup.defaults());

        assertThat(f.backend().queryServiceState().orElseThrow()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    default void a_host_without_the_service_reports_not_installed_and_cannot_start_it() {
        Fixture f = host(HostSetup.defaults().withService(ServiceState.NOT_INSTALLED));

        assertThat(f.backend().queryServiceState().orElseThrow()).isEqualTo(ServiceState.NOT_INSTALLED);
        assertFailure(f.backend().startService(TIMEOUT), HostFailure.NOT_FOUND, false);
        assertFailure(f.backend().stopService(TIMEOUT), HostFailure.NOT_FOUND, false);
    }

    @Test
    default void the_service_name_is_found_by_its_display_name() {
        Fixture f = host(HostSetup.defaults());

        assertThat(f.backend().findServiceName(CalConRegistry.SERVICE_DISPLAY_NAME).orElseThrow())
                .isEqualToIgnoringCase(CalConRegistry.DEFAULT_SERVICE_NAME);
        assertFailure(f.backend().findServiceName("No Such Service"), HostFailure.NOT_FOUND, false);
    }

    @Test
    default void stopping_a_stopped_service_sends_nothing() {
        Fixture f = host(HostSetup.defaults().withService(ServiceState.STOPPED));

        assertThat(f.backend().stopService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.STOPPED);
        assertThat(f.host().stopRequests()).isZero();
    }

    @Test
    default void starting_a_running_service_sends_nothing() {
        Fixture f = host(HostSetup.defaults());

        assertThat(f.backend().startService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);
        assertThat(f.host().startAttempts()).isZero();
    }

    @Test
    default void a_restart_at_high_logging_writes_6001_with_the_configured_port() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT).withDiagnosticLevel(DiagnosticLevel.HIGH));
        Instant since = f.host().now();

        HostResult<ServiceState> restarted = f.backend().restartService(TIMEOUT, TIMEOUT);

        assertThat(restarted.orElseThrow()).isEqualTo(ServiceState.RUNNING);
        assertThat(f.host().stopRequests()).isEqualTo(1);
        assertThat(f.host().startAttempts()).isEqualTo(1);
        List<HostEvent> events = f.backend().readCalConEvents(since).orElseThrow();
        assertThat(events).filteredOn(e -> e.is(CalConEvents.SOURCE_NOTES_CAL, CalConEvents.RPC_PORT_CONFIGURED))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(EventType.INFORMATION);
                    assertThat(e.text()).isEqualTo(CalConEvents.rpcPortText(PORT));
                    assertThat(CalConEvents.configuredPort(e)).hasValue(PORT);
                    assertThat(e.time()).isAfterOrEqualTo(since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                });
    }

    @Test
    default void a_restart_below_high_logging_writes_no_6001() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT).withDiagnosticLevel(DiagnosticLevel.MEDIUM));
        Instant since = f.host().now();

        assertThat(f.backend().restartService(TIMEOUT, TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);

        assertThat(f.backend().readCalConEvents(since).orElseThrow())
                .noneMatch(e -> CalConEvents.configuredPort(e).isPresent());
    }

    @Test
    default void each_start_writes_its_own_6001_and_events_before_since_are_not_returned() {
        Fixture f = host(HostSetup.defaults().withPorts(40000, 40000).withDiagnosticLevel(DiagnosticLevel.EXPERT));
        f.backend().restartService(TIMEOUT, TIMEOUT).orElseThrow();
        f.backend().writeCalConPorts(PORT, PORT).orElseThrow();
        Instant since = f.host().now().plusSeconds(1);
        f.backend().stopService(TIMEOUT).orElseThrow();

        f.backend().startService(TIMEOUT).orElseThrow();

        List<OptionalInt> ports = f.backend().readCalConEvents(since).orElseThrow().stream()
                .map(CalConEvents::configuredPort).filter(OptionalInt::isPresent).toList();
        assertThat(ports).containsExactly(OptionalInt.of(PORT));
    }

    @Test
    default void a_start_fails_when_the_port_is_held_by_another_process() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT).withDiagnosticLevel(DiagnosticLevel.HIGH)
                .withService(ServiceState.STOPPED).withListener(PORT, 4242, "java.exe"));
        Instant since = f.host().now();

        HostResult<ServiceState> started = f.backend().startService(TIMEOUT);

        assertFailure(started, HostFailure.FAILED, false);
        assertThat(f.backend().queryServiceState().orElseThrow()).isEqualTo(ServiceState.STOPPED);
        List<HostEvent> events = f.backend().readCalConEvents(since).orElseThrow();
        assertThat(events).anyMatch(e -> e.type() == EventType.ERROR);
        assertThat(events).noneMatch(e -> CalConEvents.configuredPort(e).isPresent());
    }

    @Test
    default void a_logon_failure_on_start_is_failed_with_1069_and_not_retryable() {
        Fixture f = host(HostSetup.defaults().withService(ServiceState.STOPPED));
        f.host().failNextStarts(1, WindowsErrors.ERROR_SERVICE_LOGON_FAILED);

        HostResult<ServiceState> started = f.backend().startService(TIMEOUT);

        assertFailure(started, HostFailure.FAILED, false);
        assertThat(started.failure().orElseThrow().windowsErrorCode()).isEqualTo(WindowsErrors.ERROR_SERVICE_LOGON_FAILED);
        assertThat(f.backend().queryServiceState().orElseThrow()).isEqualTo(ServiceState.STOPPED);
        assertThat(f.backend().startService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    default void a_stop_that_outlasts_its_timeout_is_timed_out_and_retryable() {
        Fixture f = host(HostSetup.defaults().withServiceTimings(Duration.ofMinutes(5), Duration.ofSeconds(3)));

        HostResult<ServiceState> stopped = f.backend().stopService(SHORT_TIMEOUT);

        assertFailure(stopped, HostFailure.TIMED_OUT, true);
        assertThat(f.host().serviceState()).isEqualTo(ServiceState.STOP_PENDING);
    }

    @Test
    default void a_start_that_outlasts_its_timeout_is_timed_out_and_the_service_is_still_starting() {
        Fixture f = host(HostSetup.defaults().withService(ServiceState.STOPPED)
                .withServiceTimings(Duration.ofSeconds(2), Duration.ofMinutes(5)));

        assertFailure(f.backend().startService(SHORT_TIMEOUT), HostFailure.TIMED_OUT, true);
        assertThat(f.host().serviceState()).isEqualTo(ServiceState.START_PENDING);
        assertThat(f.host().startAttempts()).isEqualTo(1);
    }

    @Test
    default void a_failing_domino_link_logs_5010_after_the_start() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT).withDiagnosticLevel(DiagnosticLevel.HIGH)
                .withService(ServiceState.STOPPED).withDominoLinkFailing());
        Instant since = f.host().now();

        assertThat(f.backend().startService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);

        List<HostEvent> events = f.backend().readCalConEvents(since).orElseThrow();
        assertThat(events).filteredOn(CalConEvents::isNotesLinkFailure).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EventType.ERROR));
        assertThat(events).anyMatch(e -> CalConEvents.configuredPort(e).isPresent());
    }

    @Test
    default void a_healthy_domino_link_logs_no_5010() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT).withService(ServiceState.STOPPED));
        Instant since = f.host().now();

        f.backend().startService(TIMEOUT).orElseThrow();

        assertThat(f.backend().readCalConEvents(since).orElseThrow()).noneMatch(CalConEvents::isNotesLinkFailure);
    }

    @Test
    default void a_running_connector_with_a_pinned_port_holds_a_listener_on_it() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT).withService(ServiceState.STOPPED));
        assertThat(f.backend().listTcpListeners().orElseThrow()).noneMatch(l -> l.port() == PORT);

        f.backend().startService(TIMEOUT).orElseThrow();

        assertThat(f.backend().listTcpListeners().orElseThrow()).anyMatch(l -> l.port() == PORT);
    }
}
