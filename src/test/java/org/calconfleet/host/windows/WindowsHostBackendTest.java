package org.calconfleet.host.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.EventType;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ManualTime;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpProbe;
import org.calconfleet.host.WindowsErrors;
import org.junit.jupiter.api.Test;

/** The logic of the remote Windows backend over a fake {@link WindowsApi}: no native code is loaded. */
class WindowsHostBackendTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String KEY = CalConRegistry.PARAMETERS_KEY;
    private static final String EXCHANGE = CalConRegistry.EXCHANGE_SIDE_PORT_VALUE;
    private static final String NOTES = CalConRegistry.NOTES_SIDE_PORT_VALUE;

    private final ManualTime time = new ManualTime();
    private final FakeWindowsApi windows = new FakeWindowsApi(time);
    private final WindowsHostBackend backend = new WindowsHostBackend("EXCH01", "MSExchangeCalCon", windows, time);

    // ------------------------------------------------------------------ registry

    @Test
    void both_dwords_read_as_present_and_the_remote_registry_handle_is_closed() {
        windows.put(KEY, EXCHANGE, RegistryValueType.REG_DWORD, 45001);
        windows.put(KEY, NOTES, RegistryValueType.REG_DWORD, 45001);

        assertThat(backend.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(45001, 45001));
        assertThat(windows.closedHandles).isEqualTo(windows.openedHandles).isEqualTo(1);
    }

    @Test
    void a_dword_written_as_string_reads_as_wrong_type_with_its_data() {
        windows.put(KEY, EXCHANGE, RegistryValueType.REG_SZ, "45001");
        windows.put(KEY, NOTES, RegistryValueType.REG_DWORD_BIG_ENDIAN, 45001);

        CalConPorts ports = backend.readCalConPorts().orElseThrow();

        assertThat(ports.exchangeSide()).isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_SZ, "45001"));
        assertThat(ports.notesSide())
                .isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_DWORD_BIG_ENDIAN, "0000afc9"));
    }

    @Test
    void values_of_other_types_are_restored_with_the_bytes_they_had() {
        windows.put(KEY, EXCHANGE, RegistryValueType.REG_MULTI_SZ, "45001\n45002");
        windows.put(KEY, NOTES, RegistryValueType.REG_QWORD, "45001");
        WindowsApi.RawValue exchangeBefore = windows.value(KEY, EXCHANGE);
        WindowsApi.RawValue notesBefore = windows.value(KEY, NOTES);
        CalConPorts before = backend.readCalConPorts().orElseThrow();
        backend.writeCalConPorts(45001, 45001).orElseThrow();

        backend.restoreCalConPorts(before).orElseThrow();

        assertThat(windows.value(KEY, EXCHANGE)).isEqualTo(exchangeBefore);
        assertThat(windows.value(KEY, NOTES)).isEqualTo(notesBefore);
        assertThat(before.notesSide()).isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_QWORD, "45001"));
    }

    @Test
    void a_missing_key_reads_as_both_values_absent() {
        assertThat(backend.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.absent());
    }

    @Test
    void a_remote_registry_service_that_does_not_run_is_unreachable_and_retryable() {
        windows.connectError = WindowsErrors.ERROR_BAD_NETPATH;

        HostResult.Failure<CalConPorts> failure = backend.readCalConPorts().failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.UNREACHABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.detail()).startsWith("Remote Registry service not running or host unreachable")
                .contains("EXCH01");
        assertThat(failure.windowsErrorCode()).isEqualTo(53);
    }

    @Test
    void an_unavailable_rpc_server_is_unreachable() {
        windows.connectError = WindowsErrors.RPC_S_SERVER_UNAVAILABLE;

        assertThat(backend.writeCalConPorts(45001, 45001).failure().orElseThrow().kind())
                .isEqualTo(HostFailure.UNREACHABLE);
    }

    @Test
    void access_denied_on_the_registry_is_not_retryable() {
        windows.connectError = WindowsErrors.ERROR_ACCESS_DENIED;

        HostResult.Failure<?> failure = backend.readCalConPorts().failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.ACCESS_DENIED);
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void writing_sets_both_values_as_dwords_replacing_a_string() {
        windows.put(KEY, EXCHANGE, RegistryValueType.REG_SZ, "1");

        assertThat(backend.writeCalConPorts(45001, 45001).isOk()).isTrue();

        assertThat(windows.value(KEY, EXCHANGE)).isEqualTo(FakeWindowsApi.dword(45001));
        assertThat(windows.value(KEY, NOTES)).isEqualTo(FakeWindowsApi.dword(45001));
        assertThat(windows.closedHandles).isEqualTo(1);
    }

    @Test
    void a_write_refused_by_the_host_is_access_denied_and_the_handle_is_still_closed() {
        windows.registryWriteError = WindowsErrors.ERROR_ACCESS_DENIED;

        assertThat(backend.writeCalConPorts(45001, 45001).failure().orElseThrow().kind())
                .isEqualTo(HostFailure.ACCESS_DENIED);
        assertThat(windows.closedHandles).isEqualTo(1);
    }

    @Test
    void restoring_deletes_values_that_were_absent() {
        backend.writeCalConPorts(45001, 45001).orElseThrow();

        backend.restoreCalConPorts(new CalConPorts(RegistryRead.present(40000), RegistryRead.absent())).orElseThrow();

        assertThat(windows.value(KEY, EXCHANGE)).isEqualTo(FakeWindowsApi.dword(40000));
        assertThat(windows.value(KEY, NOTES)).isNull();
    }

    @Test
    void the_diagnostic_level_reads_from_the_general_category() {
        assertThat(backend.readDiagnosticLevel().orElseThrow()).isEqualTo(DiagnosticLevel.NONE);
        windows.put(CalConRegistry.DIAGNOSTICS_KEY, "General", RegistryValueType.REG_DWORD, 5);
        assertThat(backend.readDiagnosticLevel().orElseThrow().isHighOrAbove()).isTrue();
        windows.put(CalConRegistry.DIAGNOSTICS_KEY, "General", RegistryValueType.REG_SZ, "5");
        assertThat(backend.readDiagnosticLevel().failure().orElseThrow().kind()).isEqualTo(HostFailure.WRONG_VALUE_TYPE);
    }

    // ------------------------------------------------------------------ service

    @Test
    void a_missing_service_queries_as_not_installed_and_cannot_be_started() {
        windows.serviceInstalled = false;

        assertThat(backend.queryServiceState().orElseThrow()).isEqualTo(ServiceState.NOT_INSTALLED);
        HostResult.Failure<ServiceState> failure = backend.startService(TIMEOUT).failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(HostFailure.NOT_FOUND);
        assertThat(failure.windowsErrorCode()).isEqualTo(1060);
    }

    @Test
    void an_unreachable_service_control_manager_is_unreachable() {
        windows.serviceError = WindowsErrors.RPC_S_SERVER_UNAVAILABLE;

        assertThat(backend.queryServiceState().failure().orElseThrow().kind()).isEqualTo(HostFailure.UNREACHABLE);
        assertThat(backend.stopService(TIMEOUT).failure().orElseThrow().retryable()).isTrue();
    }

    @Test
    void a_stop_waits_out_stop_pending_polling_a_tenth_of_the_wait_hint() {
        Instant before = time.now();

        assertThat(backend.stopService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.STOPPED);

        assertThat(windows.stopsSent).isEqualTo(1);
        assertThat(Duration.between(before, time.now())).isEqualTo(Duration.ofSeconds(4));
        assertThat(windows.queries).containsExactly(before, before, before.plusSeconds(2), before.plusSeconds(4));
    }

    @Test
    void a_stop_that_stays_pending_times_out_after_exactly_the_timeout() {
        windows.stopTime = Duration.ofMinutes(10);
        Instant before = time.now();

        HostResult.Failure<ServiceState> failure = backend.stopService(Duration.ofSeconds(15)).failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.TIMED_OUT);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.detail()).contains("STOP_PENDING");
        assertThat(Duration.between(before, time.now())).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void a_start_waits_out_start_pending_polling_a_tenth_of_the_wait_hint() {
        windows.state = FakeWindowsApi.STOPPED;
        windows.waitHintMillis = 30_000;
        Instant before = time.now();

        assertThat(backend.startService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);

        assertThat(windows.startsSent).isEqualTo(1);
        assertThat(windows.queries).containsExactly(before, before, before.plusSeconds(3), before.plusSeconds(6));
    }

    @Test
    void a_start_that_stays_pending_times_out_after_exactly_the_timeout_and_is_retryable() {
        windows.state = FakeWindowsApi.STOPPED;
        windows.startTime = Duration.ofMinutes(10);
        Instant before = time.now();

        HostResult.Failure<ServiceState> failure = backend.startService(Duration.ofSeconds(20)).failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.TIMED_OUT);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.detail()).contains("START_PENDING");
        assertThat(Duration.between(before, time.now())).isEqualTo(Duration.ofSeconds(20));
        assertThat(windows.startsSent).isEqualTo(1);
    }

    @Test
    void a_service_that_stops_while_starting_reports_its_win32_exit_code() {
        windows.state = FakeWindowsApi.STOPPED;
        windows.startEndsStopped = true;
        windows.exitCodeOnFailedStart = WindowsErrors.ERROR_PROCESS_ABORTED;

        HostResult.Failure<ServiceState> failure = backend.startService(TIMEOUT).failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.FAILED);
        assertThat(failure.windowsErrorCode()).isEqualTo(WindowsErrors.ERROR_PROCESS_ABORTED);
        assertThat(failure.detail()).contains("exit code 1067");
    }

    @Test
    void a_failure_detail_keeps_the_reason_the_host_gave() {
        windows.serviceError = WindowsErrors.ERROR_LOGON_FAILURE;

        HostResult.Failure<ServiceState> failure = backend.queryServiceState().failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.LOGON_FAILURE);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.detail()).contains("OpenSCManager").contains("Win32 error 1326");
    }

    @Test
    void stopping_a_stopped_service_sends_no_control() {
        windows.state = FakeWindowsApi.STOPPED;

        assertThat(backend.stopService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.STOPPED);
        assertThat(windows.stopsSent).isZero();
    }

    @Test
    void a_start_first_waits_out_a_stop_in_progress() {
        backend.stopService(Duration.ZERO);
        assertThat(windows.state).isEqualTo(FakeWindowsApi.STOP_PENDING);

        assertThat(backend.startService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);
        assertThat(windows.startsSent).isEqualTo(1);
    }

    @Test
    void a_restart_stops_then_starts() {
        assertThat(backend.restartService(TIMEOUT, TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);
        assertThat(windows.stopsSent).isEqualTo(1);
        assertThat(windows.startsSent).isEqualTo(1);
    }

    @Test
    void a_logon_failure_on_start_is_failed_with_1069_and_not_retryable() {
        windows.state = FakeWindowsApi.STOPPED;
        windows.startError = WindowsErrors.ERROR_SERVICE_LOGON_FAILED;

        HostResult.Failure<ServiceState> failure = backend.startService(TIMEOUT).failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.FAILED);
        assertThat(failure.windowsErrorCode()).isEqualTo(1069);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.detail()).contains("logon failure");
    }

    @Test
    void a_service_that_does_not_answer_the_start_request_is_timed_out() {
        windows.state = FakeWindowsApi.STOPPED;
        windows.startError = WindowsErrors.ERROR_SERVICE_REQUEST_TIMEOUT;

        HostResult.Failure<ServiceState> failure = backend.startService(TIMEOUT).failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.TIMED_OUT);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void a_service_that_stops_while_starting_reports_its_service_specific_exit_code() {
        windows.state = FakeWindowsApi.STOPPED;
        windows.startEndsStopped = true;
        windows.exitCodeOnFailedStart = WindowsErrors.ERROR_SERVICE_SPECIFIC_ERROR;
        windows.serviceSpecificExitCode = WindowsErrors.RPC_S_DUPLICATE_ENDPOINT;

        HostResult.Failure<ServiceState> failure = backend.startService(TIMEOUT).failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.FAILED);
        assertThat(failure.windowsErrorCode()).isEqualTo(1740);
        assertThat(failure.detail()).contains("stopped while starting");
    }

    @Test
    void an_unknown_state_code_is_a_failure_not_an_exception() {
        windows.state = 99;

        assertThat(backend.queryServiceState().failure().orElseThrow().kind()).isEqualTo(HostFailure.FAILED);
        assertThat(backend.startService(TIMEOUT).failure().orElseThrow().kind()).isEqualTo(HostFailure.FAILED);
    }

    @Test
    void the_poll_interval_is_a_tenth_of_the_wait_hint_between_one_and_ten_seconds() {
        assertThat(backend.pollInterval(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backend.pollInterval(30_000)).isEqualTo(Duration.ofSeconds(3));
        assertThat(backend.pollInterval(600_000)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backend.pollInterval(-1)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void the_service_name_is_found_by_display_name_ignoring_case() {
        assertThat(backend.findServiceName("microsoft exchange free busy connector for lotus domino").orElseThrow())
                .isEqualTo("MSExchangeCalCon");
        assertThat(backend.findServiceName("Nothing").failure().orElseThrow().kind()).isEqualTo(HostFailure.NOT_FOUND);
    }

    // ------------------------------------------------------------------ event log

    @Test
    void events_of_the_connector_sources_since_a_time_come_oldest_first_with_joined_strings() {
        Instant since = Instant.parse("2026-11-25T09:00:00.700Z");
        long t = since.getEpochSecond();
        windows.eventLog.addAll(List.of(
                raw("MSExchangeNotesCal", 6001, 4, t + 5, "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT", ": 45001"),
                raw("SomethingElse", 6001, 4, t + 4, "x"),
                raw("MSExchangeCalCon", 5006, 1, t + 3, "shutting", "down"),
                raw("MSExchangeNotesCal", 5010, 1, t, "same second as since"),
                raw("MSExchangeNotesCal", 2001, 1, t - 1, "a second too early")));

        List<HostEvent> events = backend.readCalConEvents(since).orElseThrow();

        assertThat(events).extracting(HostEvent::eventId).containsExactly(5010, 5006, 6001);
        assertThat(events.get(1).text()).isEqualTo("shutting down");
        assertThat(events.get(1).type()).isEqualTo(EventType.ERROR);
        assertThat(events.get(2).time()).isEqualTo(Instant.ofEpochSecond(t + 5));
        assertThat(CalConEvents.configuredPort(events.get(2))).hasValue(45001);
    }

    @Test
    void reading_stops_once_records_are_well_older_than_since() {
        Instant since = Instant.parse("2026-11-25T09:00:00Z");
        long t = since.getEpochSecond();
        windows.eventLog.add(raw("MSExchangeNotesCal", 6001, 4, t + 1, "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 45001"));
        windows.eventLog.add(raw("MSExchangeNotesCal", 6001, 4, t - 60, "slightly older, read but not kept"));
        for (int i = 0; i < 1000; i++) {
            windows.eventLog.add(raw("MSExchangeNotesCal", 6001, 4, t - 3600 - i, "an hour older"));
        }

        List<HostEvent> events = backend.readCalConEvents(since).orElseThrow();

        assertThat(events).hasSize(1);
        assertThat(windows.eventsVisited).isEqualTo(3);
    }

    @Test
    void an_event_log_that_cannot_be_opened_is_a_typed_failure() {
        windows.eventLogError = WindowsErrors.ERROR_ACCESS_DENIED;

        assertThat(backend.readCalConEvents(Instant.EPOCH).failure().orElseThrow().kind())
                .isEqualTo(HostFailure.ACCESS_DENIED);
    }

    // ------------------------------------------------------------------ TCP

    @Test
    void the_listener_table_of_a_remote_host_is_unsupported_and_a_probe_is_offered() {
        HostResult.Failure<?> failure = backend.listTcpListeners().failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.UNSUPPORTED);
        assertThat(failure.retryable()).isFalse();
        windows.probe = TcpProbe.ACCEPTED;
        assertThat(backend.probeTcpPort(45001, Duration.ofSeconds(2)).orElseThrow()).isEqualTo(TcpProbe.ACCEPTED);
    }

    @Test
    void a_probe_of_an_unknown_host_is_unreachable() {
        windows.probeError = new WindowsApiException(WindowsErrors.ERROR_BAD_NETPATH, "unknown host");

        HostResult.Failure<?> failure = backend.probeTcpPort(45001, Duration.ofSeconds(2)).failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.UNREACHABLE);
        assertThat(failure.detail()).startsWith("host unreachable");
    }

    private static WindowsApi.RawEvent raw(String source, int id, int type, long epochSecond, String... strings) {
        return new WindowsApi.RawEvent(source, id, type, epochSecond, List.of(strings));
    }
}
