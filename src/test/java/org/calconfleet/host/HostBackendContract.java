package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.calconfleet.host.HostArrangement.ArrangedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HostBackend} must do, whatever carries the calls. An adapter test extends this class and
 * implements {@link #newHost(HostSetup)}: make a host in the given state, return a backend for it and a
 * {@link HostArrangement} to change and inspect the host during the test. The host must behave like a
 * Calendar Connector host: these tests arrange only through {@link HostSetup} and {@link HostArrangement}.
 *
 * <p>Waits are short (a few seconds of host time, time-outs of one second), so an adapter on real time,
 * such as an agent process running a simulated host, passes too, only slower.
 */
public abstract class HostBackendContract {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    protected static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);
    protected static final int PORT = 45001;

    private final List<Fixture> fixtures = new ArrayList<>();

    /** A backend for a fresh host arranged as {@code setup}; closed after the test. */
    protected abstract Fixture newHost(HostSetup setup);

    /** The backend under test, the arrangement of its host, and how to release both. */
    public record Fixture(HostBackend backend, HostArrangement host, AutoCloseable resources) {
        public Fixture(HostBackend backend, HostArrangement host) {
            this(backend, host, () -> { });
        }
    }

    protected final Fixture host(HostSetup setup) {
        Fixture fixture = newHost(setup);
        fixtures.add(fixture);
        return fixture;
    }

    @AfterEach
    void closeFixtures() throws Exception {
        for (Fixture f : fixtures) {
            f.resources().close();
        }
    }

    // ------------------------------------------------------------------ reads

    @Test
    void both_port_values_read_as_present_dwords() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT));

        CalConPorts ports = f.backend().readCalConPorts().orElseThrow();

        assertThat(ports).isEqualTo(CalConPorts.of(PORT, PORT));
        assertThat(ports.agreedPort()).hasValue(PORT);
    }

    @Test
    void a_missing_parameters_key_reads_as_both_values_absent() {
        Fixture f = host(HostSetup.defaults().withoutParametersKey());

        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.absent());
    }

    @Test
    void a_missing_value_reads_as_absent_beside_a_present_one() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.dword(PORT)));

        CalConPorts ports = f.backend().readCalConPorts().orElseThrow();

        assertThat(ports.exchangeSide()).isEqualTo(RegistryRead.present(PORT));
        assertThat(ports.notesSide()).isEqualTo(RegistryRead.absent());
        assertThat(ports.agreedPort()).isEmpty();
    }

    @Test
    void a_dword_written_as_string_reads_as_wrong_type() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.string("45001"))
                .withParameter(CalConRegistry.NOTES_SIDE_PORT_VALUE, ArrangedValue.dword(PORT)));

        CalConPorts ports = f.backend().readCalConPorts().orElseThrow();

        assertThat(ports.exchangeSide()).isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_SZ));
        assertThat(ports.exchangeSide().require(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .isInstanceOfSatisfying(HostResult.Failure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(HostFailure.WRONG_VALUE_TYPE));
    }

    @Test
    void a_qword_reads_as_wrong_type_naming_the_type_found() {
        Fixture f = host(HostSetup.defaults().withParameter(CalConRegistry.NOTES_SIDE_PORT_VALUE,
                new ArrangedValue(RegistryValueType.REG_QWORD, "45001")));

        assertThat(f.backend().readCalConPorts().orElseThrow().notesSide())
                .isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_QWORD));
    }

    // ------------------------------------------------------------------ writes

    @Test
    void writing_the_ports_creates_the_key_and_stores_both_as_dwords() {
        Fixture f = host(HostSetup.defaults().withoutParametersKey());

        assertThat(f.backend().writeCalConPorts(PORT, PORT)).isEqualTo(HostResult.done());

        assertThat(f.host().value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(PORT));
        assertThat(f.host().value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(PORT));
        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(PORT, PORT));
    }

    @Test
    void writing_replaces_a_string_value_with_a_dword() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.string("45001")));

        f.backend().writeCalConPorts(PORT, PORT).orElseThrow();

        assertThat(f.host().value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(PORT));
    }

    @Test
    void one_write_of_both_values_is_counted_once_and_reads_are_not_counted() {
        Fixture f = host(HostSetup.defaults());

        f.backend().readCalConPorts().orElseThrow();
        f.backend().writeCalConPorts(PORT, PORT).orElseThrow();
        f.backend().readCalConPorts().orElseThrow();

        assertThat(f.host().calConWrites()).isEqualTo(1);
    }

    @Test
    void restoring_writes_back_present_values_and_deletes_absent_ones() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.dword(40000)));
        CalConPorts before = f.backend().readCalConPorts().orElseThrow();
        f.backend().writeCalConPorts(PORT, PORT).orElseThrow();

        assertThat(f.backend().restoreCalConPorts(before)).isEqualTo(HostResult.done());

        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(before);
        assertThat(f.host().value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE)).isEmpty();
    }

    @Test
    void a_previous_value_of_the_wrong_type_cannot_be_restored_and_nothing_is_written() {
        Fixture f = host(HostSetup.defaults()
                .withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.string("45001")));
        CalConPorts before = f.backend().readCalConPorts().orElseThrow();
        f.backend().writeCalConPorts(PORT, PORT).orElseThrow();

        HostResult<Done> restored = f.backend().restoreCalConPorts(before);

        assertFailure(restored, HostFailure.WRONG_VALUE_TYPE, false);
        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(PORT, PORT));
        assertThat(f.host().calConWrites()).isEqualTo(1);
    }

    @Test
    void a_port_outside_the_tcp_range_is_a_programming_error() {
        Fixture f = host(HostSetup.defaults());

        assertThatThrownBy(() -> f.backend().writeCalConPorts(65536, 65536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(f.host().calConWrites()).isZero();
    }

    // ------------------------------------------------------------------ service

    @Test
    void a_running_connector_reports_running() {
        Fixture f = host(HostSetup.defaults());

        assertThat(f.backend().queryServiceState().orElseThrow()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void a_host_without_the_service_reports_not_installed_and_cannot_start_it() {
        Fixture f = host(HostSetup.defaults().withService(ServiceState.NOT_INSTALLED));

        assertThat(f.backend().queryServiceState().orElseThrow()).isEqualTo(ServiceState.NOT_INSTALLED);
        assertFailure(f.backend().startService(TIMEOUT), HostFailure.NOT_FOUND, false);
        assertFailure(f.backend().stopService(TIMEOUT), HostFailure.NOT_FOUND, false);
    }

    @Test
    void the_service_name_is_found_by_its_display_name() {
        Fixture f = host(HostSetup.defaults());

        assertThat(f.backend().findServiceName(CalConRegistry.SERVICE_DISPLAY_NAME).orElseThrow())
                .isEqualToIgnoringCase(CalConRegistry.DEFAULT_SERVICE_NAME);
        assertFailure(f.backend().findServiceName("No Such Service"), HostFailure.NOT_FOUND, false);
    }

    @Test
    void stopping_a_stopped_service_sends_nothing() {
        Fixture f = host(HostSetup.defaults().withService(ServiceState.STOPPED));

        assertThat(f.backend().stopService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.STOPPED);
        assertThat(f.host().stopRequests()).isZero();
    }

    @Test
    void starting_a_running_service_sends_nothing() {
        Fixture f = host(HostSetup.defaults());

        assertThat(f.backend().startService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);
        assertThat(f.host().startAttempts()).isZero();
    }

    @Test
    void a_restart_at_high_logging_writes_6001_with_the_configured_port() {
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
    void a_restart_below_high_logging_writes_no_6001() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT).withDiagnosticLevel(DiagnosticLevel.MEDIUM));
        Instant since = f.host().now();

        assertThat(f.backend().restartService(TIMEOUT, TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);

        assertThat(f.backend().readCalConEvents(since).orElseThrow())
                .noneMatch(e -> CalConEvents.configuredPort(e).isPresent());
    }

    @Test
    void each_start_writes_its_own_6001_and_events_before_since_are_not_returned() {
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
    void the_diagnostic_level_reads_as_set_and_absent_reads_as_none() {
        assertThat(host(HostSetup.defaults().withDiagnosticLevel(DiagnosticLevel.HIGH)).backend()
                .readDiagnosticLevel().orElseThrow()).isEqualTo(DiagnosticLevel.HIGH);
        assertThat(host(HostSetup.defaults()).backend().readDiagnosticLevel().orElseThrow())
                .isEqualTo(DiagnosticLevel.NONE);
    }

    @Test
    void a_diagnostic_level_written_as_string_is_wrong_value_type() {
        Fixture f = host(HostSetup.defaults().withDiagnostics(ArrangedValue.string("5")));

        assertFailure(f.backend().readDiagnosticLevel(), HostFailure.WRONG_VALUE_TYPE, false);
    }

    @Test
    void a_start_fails_when_the_port_is_held_by_another_process() {
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
    void a_logon_failure_on_start_is_failed_with_1069_and_not_retryable() {
        Fixture f = host(HostSetup.defaults().withService(ServiceState.STOPPED));
        f.host().failNextStarts(1, WindowsErrors.ERROR_SERVICE_LOGON_FAILED);

        HostResult<ServiceState> started = f.backend().startService(TIMEOUT);

        assertFailure(started, HostFailure.FAILED, false);
        assertThat(started.failure().orElseThrow().windowsErrorCode()).isEqualTo(WindowsErrors.ERROR_SERVICE_LOGON_FAILED);
        assertThat(f.backend().queryServiceState().orElseThrow()).isEqualTo(ServiceState.STOPPED);
        assertThat(f.backend().startService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void a_stop_that_outlasts_its_timeout_is_timed_out_and_retryable() {
        Fixture f = host(HostSetup.defaults().withServiceTimings(Duration.ofMinutes(5), Duration.ofSeconds(3)));

        HostResult<ServiceState> stopped = f.backend().stopService(SHORT_TIMEOUT);

        assertFailure(stopped, HostFailure.TIMED_OUT, true);
        assertThat(f.host().serviceState()).isEqualTo(ServiceState.STOP_PENDING);
    }

    @Test
    void a_start_that_outlasts_its_timeout_is_timed_out_and_the_service_is_still_starting() {
        Fixture f = host(HostSetup.defaults().withService(ServiceState.STOPPED)
                .withServiceTimings(Duration.ofSeconds(2), Duration.ofMinutes(5)));

        assertFailure(f.backend().startService(SHORT_TIMEOUT), HostFailure.TIMED_OUT, true);
        assertThat(f.host().serviceState()).isEqualTo(ServiceState.START_PENDING);
        assertThat(f.host().startAttempts()).isEqualTo(1);
    }

    @Test
    void a_call_that_times_out_is_timed_out_and_retryable() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT));
        f.host().injectFault(HostFailure.TIMED_OUT, Set.of(HostOperation.READ_CALCON_PORTS), 1, SHORT_TIMEOUT);

        assertFailure(f.backend().readCalConPorts(), HostFailure.TIMED_OUT, true);
        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(PORT, PORT));
    }

    @Test
    void an_unreachable_host_fails_every_call_as_unreachable_and_retryable() {
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
    void access_denied_on_a_write_is_not_retryable_and_writes_nothing() {
        Fixture f = host(HostSetup.defaults());
        f.host().injectFault(HostFailure.ACCESS_DENIED, Set.of(HostOperation.WRITE_CALCON_PORTS), -1, Duration.ZERO);

        assertFailure(f.backend().writeCalConPorts(PORT, PORT), HostFailure.ACCESS_DENIED, false);
        assertThat(f.host().calConWrites()).isZero();
        assertThat(f.backend().readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.absent());
    }

    @Test
    void a_failing_domino_link_logs_5010_after_the_start() {
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
    void a_healthy_domino_link_logs_no_5010() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT).withService(ServiceState.STOPPED));
        Instant since = f.host().now();

        f.backend().startService(TIMEOUT).orElseThrow();

        assertThat(f.backend().readCalConEvents(since).orElseThrow()).noneMatch(CalConEvents::isNotesLinkFailure);
    }

    @Test
    void a_running_connector_with_a_pinned_port_holds_a_listener_on_it() {
        Fixture f = host(HostSetup.defaults().withPorts(PORT, PORT).withService(ServiceState.STOPPED));
        assertThat(f.backend().listTcpListeners().orElseThrow()).noneMatch(l -> l.port() == PORT);

        f.backend().startService(TIMEOUT).orElseThrow();

        assertThat(f.backend().listTcpListeners().orElseThrow()).anyMatch(l -> l.port() == PORT);
    }

    // ------------------------------------------------------------------

    protected static void assertFailure(HostResult<?> result, HostFailure kind, boolean retryable) {
        assertThat(result).isInstanceOfSatisfying(HostResult.Failure.class, failure -> {
            assertThat(failure.kind()).as(failure.detail()).isEqualTo(kind);
            assertThat(failure.retryable()).as("retryable").isEqualTo(retryable);
            assertThat(failure.detail()).isNotBlank();
        });
    }
}
