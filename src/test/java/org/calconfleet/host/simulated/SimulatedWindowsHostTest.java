package org.calconfleet.host.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.EventType;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.ManualTime;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.TcpProbe;
import org.calconfleet.host.WindowsErrors;
import org.junit.jupiter.api.Test;

class SimulatedWindowsHostTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ManualTime time = new ManualTime();

    private SimulatedHostBuilder host() {
        return SimulatedWindowsHost.builder("EXCH01").time(time).serviceTimings(Duration.ofSeconds(2),
                Duration.ofSeconds(3));
    }

    @Test
    void the_service_state_is_a_function_of_the_clock_and_needs_no_thread() {
        SimulatedWindowsHost host = host().build();
        SimulatedHostBackend backend = new SimulatedHostBackend(host);

        assertThat(host.sendStop(CalConRegistry.DEFAULT_SERVICE_NAME)).isZero();
        assertThat(host.serviceState()).isEqualTo(ServiceState.STOP_PENDING);
        time.advance(Duration.ofMillis(1999));
        assertThat(backend.queryServiceState().orElseThrow()).isEqualTo(ServiceState.STOP_PENDING);
        time.advance(Duration.ofMillis(1));
        assertThat(backend.queryServiceState().orElseThrow()).isEqualTo(ServiceState.STOPPED);

        assertThat(host.sendStart(CalConRegistry.DEFAULT_SERVICE_NAME)).isZero();
        assertThat(host.serviceState()).isEqualTo(ServiceState.START_PENDING);
        time.advance(Duration.ofSeconds(3));
        assertThat(host.serviceState()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void a_wait_sleeps_exactly_until_the_pending_state_ends() {
        SimulatedWindowsHost host = host().build();
        Instant before = time.now();

        new SimulatedHostBackend(host).restartService(TIMEOUT, TIMEOUT).orElseThrow();

        assertThat(Duration.between(before, time.now())).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_timed_out_wait_spends_exactly_the_timeout() {
        SimulatedWindowsHost host = host().serviceTimings(Duration.ofMinutes(10), Duration.ofSeconds(3)).build();
        Instant before = time.now();

        HostResult<ServiceState> stopped = new SimulatedHostBackend(host).stopService(Duration.ofSeconds(7));

        assertThat(stopped.failure().orElseThrow().kind()).isEqualTo(HostFailure.TIMED_OUT);
        assertThat(Duration.between(before, time.now())).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void the_effects_of_a_start_are_dated_at_its_end_however_late_it_is_observed() {
        SimulatedWindowsHost host = host().calConPorts(45001, 45001).diagnosticLevel(DiagnosticLevel.HIGH)
                .serviceState(ServiceState.STOPPED).build();
        Instant started = time.now();
        host.sendStart(CalConRegistry.DEFAULT_SERVICE_NAME);

        time.advance(Duration.ofHours(1));

        assertThat(host.events(CalConEvents.LOG)).singleElement()
                .satisfies(e -> assertThat(e.time()).isEqualTo(started.plusSeconds(3).truncatedTo(
                        java.time.temporal.ChronoUnit.SECONDS)));
    }

    @Test
    void a_listener_added_after_a_start_completed_does_not_fail_that_start() {
        SimulatedWindowsHost host = host().calConPorts(45001, 45001).serviceState(ServiceState.STOPPED).build();
        host.sendStart(CalConRegistry.DEFAULT_SERVICE_NAME);
        time.advance(Duration.ofSeconds(10));

        host.addListener(new TcpListener(45001, 999, "late.exe"));

        assertThat(host.serviceState()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void a_start_blocked_by_a_taken_port_logs_why_and_reports_the_duplicate_endpoint() {
        SimulatedWindowsHost host = host().calConPorts(45001, 45001).serviceState(ServiceState.STOPPED)
                .listener(45001, 4242, "java.exe").build();

        HostResult<ServiceState> started = new SimulatedHostBackend(host).startService(TIMEOUT);

        HostResult.Failure<ServiceState> failure = started.failure().orElseThrow();
        assertThat(failure.windowsErrorCode()).isEqualTo(WindowsErrors.RPC_S_DUPLICATE_ENDPOINT);
        assertThat(failure.detail()).contains("45001").contains("java.exe");
        assertThat(host.events(CalConEvents.LOG)).singleElement().satisfies(e -> {
            assertThat(e.is(CalConEvents.SOURCE_CALCON, CalConEvents.SHUTTING_DOWN)).isTrue();
            assertThat(e.type()).isEqualTo(EventType.ERROR);
        });
        assertThat(host.events("System")).extracting(HostEvent::eventId).containsExactly(7024);
    }

    @Test
    void a_logon_failure_fails_at_once_without_a_pending_state() {
        SimulatedWindowsHost host = host().serviceState(ServiceState.STOPPED)
                .failNextStarts(1, WindowsErrors.ERROR_SERVICE_LOGON_FAILED).build();
        Instant before = time.now();

        HostResult<ServiceState> started = new SimulatedHostBackend(host).startService(TIMEOUT);

        assertThat(started.failure().orElseThrow().windowsErrorCode()).isEqualTo(1069);
        assertThat(time.now()).isEqualTo(before);
        assertThat(host.events("System")).extracting(HostEvent::eventId).containsExactly(7000);
    }

    @Test
    void a_start_told_to_fail_with_an_exit_code_stops_during_start_pending() {
        SimulatedWindowsHost host = host().serviceState(ServiceState.STOPPED).failStartsAlways(3).build();
        SimulatedHostBackend backend = new SimulatedHostBackend(host);

        for (int i = 0; i < 3; i++) {
            HostResult.Failure<ServiceState> failure = backend.startService(TIMEOUT).failure().orElseThrow();
            assertThat(failure.kind()).isEqualTo(HostFailure.FAILED);
            assertThat(failure.windowsErrorCode()).isEqualTo(3);
        }
        assertThat(host.startAttempts()).isEqualTo(3);
        host.clearStartFailures();
        assertThat(backend.startService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void a_connector_without_a_pinned_port_listens_on_a_free_dynamic_port() {
        SimulatedWindowsHost host = host().listener(49152, 1, "other.exe").connectorProcess("mad.exe").build();

        assertThat(host.listeners()).contains(new TcpListener(49152, 1, "other.exe"))
                .anyMatch(l -> l.port() == 49153 && l.processName().equals("mad.exe"));
    }

    @Test
    void the_tcp_probe_answers_from_the_listener_table() {
        SimulatedHostBackend backend = new SimulatedHostBackend(host().calConPorts(45001, 45001).build());

        assertThat(backend.probeTcpPort(45001, TIMEOUT).orElseThrow()).isEqualTo(TcpProbe.ACCEPTED);
        assertThat(backend.probeTcpPort(45002, TIMEOUT).orElseThrow()).isEqualTo(TcpProbe.REFUSED);
    }

    @Test
    void a_backend_configured_with_another_service_name_sees_no_service() {
        SimulatedWindowsHost host = host().service("CalConRenamed", ServiceState.RUNNING).build();

        assertThat(new SimulatedHostBackend(host).queryServiceState().orElseThrow()).isEqualTo(ServiceState.NOT_INSTALLED);
        assertThat(new SimulatedHostBackend(host, "calconrenamed").queryServiceState().orElseThrow())
                .isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void other_services_are_found_by_display_name() {
        SimulatedWindowsHost host = host().otherService("RemoteRegistry", "Remote Registry").build();

        assertThat(new SimulatedHostBackend(host).findServiceName("remote registry").orElseThrow())
                .isEqualTo("RemoteRegistry");
    }

    @Test
    void a_fault_on_named_operations_leaves_the_others_alone_and_ends_after_its_count() {
        SimulatedWindowsHost host = host().fault(HostFault.accessDenied().on(HostOperation.WRITE_CALCON_PORTS).times(2))
                .build();
        SimulatedHostBackend backend = new SimulatedHostBackend(host);

        assertThat(backend.readCalConPorts().isOk()).isTrue();
        assertThat(backend.writeCalConPorts(45001, 45001).failure().orElseThrow().kind())
                .isEqualTo(HostFailure.ACCESS_DENIED);
        assertThat(backend.writeCalConPorts(45001, 45001).failure().orElseThrow().windowsErrorCode()).isEqualTo(5);
        assertThat(backend.writeCalConPorts(45001, 45001).isOk()).isTrue();
        assertThat(host.calls(HostOperation.WRITE_CALCON_PORTS)).isEqualTo(3);
        assertThat(host.calConWrites()).isEqualTo(1);
    }

    @Test
    void latency_and_a_timeout_fault_spend_time_on_the_callers_clock() {
        SimulatedWindowsHost host = host().latency(Duration.ofMillis(200))
                .fault(HostFault.timeout(Duration.ofSeconds(20)).on(HostOperation.READ_EVENTS)).build();
        SimulatedHostBackend backend = new SimulatedHostBackend(host);
        Instant before = time.now();

        backend.readCalConPorts().orElseThrow();
        assertThat(Duration.between(before, time.now())).isEqualTo(Duration.ofMillis(200));
        HostResult.Failure<?> failure = backend.readCalConEvents(before).failure().orElseThrow();

        assertThat(failure.kind()).isEqualTo(HostFailure.TIMED_OUT);
        assertThat(failure.retryable()).isTrue();
        assertThat(Duration.between(before, time.now())).isEqualTo(Duration.ofMillis(20_400));
    }

    @Test
    void an_interrupted_wait_is_reported_and_keeps_the_interrupt() {
        SimulatedWindowsHost host = SimulatedWindowsHost.builder("EXCH01").time(HostTime.system())
                .latency(Duration.ofSeconds(30)).build();

        Thread.currentThread().interrupt();
        HostResult<?> result = new SimulatedHostBackend(host).readCalConPorts();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(result.failure().orElseThrow().kind()).isEqualTo(HostFailure.INTERRUPTED);
    }

    @Test
    void other_value_types_read_as_wrong_type_with_their_data_and_the_registry_is_case_insensitive() {
        SimulatedWindowsHost host = host()
                .parameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE.toUpperCase(), RegistryValue.binary(new byte[] {1}))
                .parameter(CalConRegistry.NOTES_SIDE_PORT_VALUE, RegistryValue.multiString(List.of("45001")))
                .build();

        var ports = new SimulatedHostBackend(host).readCalConPorts().orElseThrow();

        assertThat(ports.exchangeSide()).isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_BINARY, "01"));
        assertThat(ports.notesSide()).isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_MULTI_SZ, "45001"));
    }

    @Test
    void deleting_the_service_key_removes_the_parameters_below_it() {
        SimulatedWindowsHost host = host().calConPorts(45001, 45001).build();

        host.deleteRegistryKey(CalConRegistry.SERVICE_KEY);

        assertThat(host.registryKeyExists(CalConRegistry.PARAMETERS_KEY)).isFalse();
        assertThat(new SimulatedHostBackend(host).readCalConPorts().orElseThrow().agreedPort()).isEmpty();
    }

    @Test
    void the_event_log_keeps_whole_seconds_and_drops_its_oldest_entries_when_full() {
        SimulatedWindowsHost host = host().build();
        for (int i = 0; i < SimulatedEventLog.CAPACITY + 5; i++) {
            host.logApplicationEvent(CalConEvents.SOURCE_NOTES_CAL, 2001, EventType.ERROR, "n" + i);
        }

        List<HostEvent> events = host.events(CalConEvents.LOG);

        assertThat(events).hasSize(SimulatedEventLog.CAPACITY);
        assertThat(events.getFirst().text()).isEqualTo("n5");
        assertThat(events.getFirst().time().getNano()).isZero();
    }

    @Test
    void concurrent_writes_from_many_virtual_threads_are_all_counted() throws Exception {
        SimulatedWindowsHost host = host().build();
        SimulatedHostBackend backend = new SimulatedHostBackend(host);

        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.range(0, 1000).forEach(i -> pool.submit(() -> {
                backend.writeCalConPorts(40000 + i % 100, 40000 + i % 100).orElseThrow();
                return backend.readCalConPorts().orElseThrow();
            }));
        }

        assertThat(host.calConWrites()).isEqualTo(1000);
        assertThat(backend.readCalConPorts().orElseThrow().agreedPort()).isPresent();
    }

    @Test
    void two_thousand_hosts_restart_at_once_in_real_time_without_a_platform_thread_each() throws Exception {
        int hosts = 2000;
        List<SimulatedHostBackend> fleet = IntStream.range(0, hosts)
                .mapToObj(i -> new SimulatedHostBackend(SimulatedWindowsHost.builder("EXCH" + i)
                        .time(HostTime.system())
                        .serviceTimings(Duration.ofMillis(150), Duration.ofMillis(150))
                        .calConPorts(45001, 45001)
                        .build()))
                .toList();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int platformThreadsBefore = threads.getThreadCount();
        threads.resetPeakThreadCount();
        long start = System.nanoTime();

        List<HostResult<ServiceState>> results;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HostResult<ServiceState>>> futures = fleet.stream()
                    .map(b -> pool.submit(() -> b.restartService(TIMEOUT, TIMEOUT)))
                    .toList();
            results = futures.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(results).allSatisfy(r -> assertThat(r.orElseThrow()).isEqualTo(ServiceState.RUNNING));
        assertThat(elapsed).as("one after another would take %s", Duration.ofMillis(300L * hosts))
                .isLessThan(Duration.ofSeconds(20));
        assertThat(threads.getPeakThreadCount() - platformThreadsBefore)
                .as("platform threads added while %d hosts waited", hosts)
                .isLessThan(Runtime.getRuntime().availableProcessors() + 64);
    }

    @Test
    void a_host_can_log_6001_with_another_port_or_none_and_keep_an_older_6001_in_its_place() {
        SimulatedWindowsHost host = host().calConPorts(45002, 45002).diagnosticLevel(DiagnosticLevel.HIGH).build();
        SimulatedHostBackend backend = new SimulatedHostBackend(host);
        Instant earlierStart = time.now().minus(Duration.ofHours(1));
        host.logApplicationEvent(CalConEvents.SOURCE_NOTES_CAL, CalConEvents.RPC_PORT_CONFIGURED,
                EventType.INFORMATION, earlierStart, CalConEvents.rpcPortText(45002));

        host.reportRpcPortAs(45001);
        Instant firstRestart = time.now();
        backend.restartService(TIMEOUT, TIMEOUT).orElseThrow();
        host.reportRpcPortAs(null);
        host.suppressRpcPortEvent(true);
        time.advance(Duration.ofSeconds(1));
        Instant secondRestart = time.now();
        backend.restartService(TIMEOUT, TIMEOUT).orElseThrow();

        assertThat(host.events(CalConEvents.LOG)).extracting(HostEvent::time, HostEvent::text).containsExactly(
                tuple(earlierStart.truncatedTo(ChronoUnit.SECONDS),
                        CalConEvents.rpcPortText(45002)),
                tuple(firstRestart.plusSeconds(5).truncatedTo(ChronoUnit.SECONDS), CalConEvents.rpcPortText(45001)));
        assertThat(backend.readCalConEvents(firstRestart).orElseThrow()).extracting(HostEvent::text)
                .containsExactly(CalConEvents.rpcPortText(45001));
        assertThat(backend.readCalConEvents(secondRestart).orElseThrow()).isEmpty();
        assertThat(host.eventReadsSince()).containsExactly(firstRestart, secondRestart);
    }
}
