package org.calconfleet.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.DiagnosticLevelContract;
import org.calconfleet.host.HostArrangement.ArrangedValue;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostSetup;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.RegistryReadContract;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.RegistryWriteContract;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpProbe;
import org.calconfleet.host.rpc.SambaServer.EventRecord;
import org.calconfleet.host.windows.WindowsApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rpc backend against a real Samba: the registry parts of the host contract (arranged with {@code net
 * registry}), and beyond them Samba's Spooler over svcctl, the Application log over eventlog (seeded with
 * {@code eventlogadm}), and the failures a real peer produces (refused credential, missing right, closed port).
 * The connector's own behaviour (6001 on restart, pending states, listeners) needs a host that runs it: the
 * simulated and agent contract tests cover that, and the pending-state polling has unit tests of its own.
 */
@SambaTest
class RpcHostBackendSambaTest implements RegistryReadContract, RegistryWriteContract, DiagnosticLevelContract {

    private static SambaServer samba;
    private static RpcHostBackends backends;
    private static SambaArrangement arrangement;

    private HostBackend backend;

    @BeforeAll
    static void startSamba() {
        samba = new SambaServer("SMB3");
        backends = new RpcHostBackends();
        arrangement = new SambaArrangement(samba);
    }

    @AfterAll
    static void stopSamba() {
        if (backends != null) {
            backends.close();
        }
        if (samba != null) {
            samba.close();
        }
    }

    @BeforeEach
    void freshKey() {
        samba.deleteKeyTree(CalConRegistry.SERVICE_KEY);
        backend = backends.backend(samba.target(), SambaServer.admin(), SambaServer.SPOOLER);
    }

    @Override
    public Fixture host(HostSetup setup) {
        arrangement.reset(setup);
        return new Fixture(backend, arrangement);
    }

    // ------------------------------------------------------------------ registry

    @Test
    void a_dword_written_as_string_reads_as_wrong_type_and_stays_on_the_host() {
        samba.setValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.string("45001"));
        samba.setValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE, ArrangedValue.dword(PORT));

        CalConPorts ports = backend.readCalConPorts().orElseThrow();

        assertThat(ports.exchangeSide()).isEqualTo(RegistryRead.wrongType(RegistryValueType.REG_SZ, "45001"));
        assertThat(ports.notesSide()).isEqualTo(RegistryRead.present(PORT));
        assertThat(samba.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .contains(ArrangedValue.string("45001"));
    }

    @Test
    void writing_creates_the_absent_key_and_stores_both_values_as_dwords() {
        assertThat(samba.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE)).isEmpty();

        assertThat(backend.writeCalConPorts(PORT, 45002)).isEqualTo(HostResult.done());

        assertThat(samba.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(PORT));
        assertThat(samba.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(45002));
    }

    @Test
    void the_diagnostic_level_is_read_from_the_general_value() {
        assertThat(backend.readDiagnosticLevel().orElseThrow()).isEqualTo(DiagnosticLevel.NONE);
        samba.setValue(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY, ArrangedValue.dword(5));

        assertThat(backend.readDiagnosticLevel().orElseThrow()).isEqualTo(DiagnosticLevel.HIGH);
    }

    // ------------------------------------------------------------------ service

    @Test
    void the_spooler_stops_and_starts() {
        assertThat(backend.startService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);

        assertThat(backend.stopService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.STOPPED);
        assertThat(backend.queryServiceState().orElseThrow()).isEqualTo(ServiceState.STOPPED);
        assertThat(backend.startService(TIMEOUT).orElseThrow()).isEqualTo(ServiceState.RUNNING);
        assertThat(backend.queryServiceState().orElseThrow()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void a_service_samba_does_not_have_is_not_installed() {
        HostBackend connector = backends.backend(samba.target(), SambaServer.admin(), CalConRegistry.DEFAULT_SERVICE_NAME);

        assertThat(connector.queryServiceState().orElseThrow()).isEqualTo(ServiceState.NOT_INSTALLED);
        assertFailure(connector.startService(TIMEOUT), HostFailure.NOT_FOUND, false);
    }

    @Test
    void the_service_name_is_found_by_its_display_name() {
        List<WindowsApi.ServiceEntry> services = listServices();
        assertThat(services).extracting(WindowsApi.ServiceEntry::serviceName).contains(SambaServer.SPOOLER);
        String displayName = services.stream().filter(s -> s.serviceName().equals(SambaServer.SPOOLER))
                .findFirst().orElseThrow().displayName();

        assertThat(backend.findServiceName(displayName).orElseThrow()).isEqualTo(SambaServer.SPOOLER);
        assertFailure(backend.findServiceName("No Such Service"), HostFailure.NOT_FOUND, false);
    }

    private static List<WindowsApi.ServiceEntry> listServices() {
        try {
            return backends.windowsApi(samba.port(), SambaServer.admin()).listServices(samba.target().host());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ event log

    @Test
    void a_6001_newer_than_the_restart_is_returned_and_an_older_one_is_not() {
        Instant restart = Instant.now().minusSeconds(600);
        samba.writeEvents(List.of(
                EventRecord.information(CalConEvents.SOURCE_NOTES_CAL, 6001, restart.minusSeconds(60),
                        CalConEvents.rpcPortText(40000)),
                EventRecord.information("SomethingElse", 6001, restart.plusSeconds(5), "not the connector"),
                EventRecord.information(CalConEvents.SOURCE_NOTES_CAL, 6001, restart.plusSeconds(10),
                        CalConEvents.rpcPortText(PORT))));

        List<HostEvent> events = backend.readCalConEvents(restart).orElseThrow();

        assertThat(events).filteredOn(e -> e.time().isBefore(restart.plusSeconds(60)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.is(CalConEvents.SOURCE_NOTES_CAL, CalConEvents.RPC_PORT_CONFIGURED)).isTrue();
                    assertThat(CalConEvents.configuredPort(e)).hasValue(PORT);
                    assertThat(e.time()).isEqualTo(restart.plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                });
    }

    @Test
    void events_are_read_newest_first_and_the_read_stops_early() throws Exception {
        Instant base = Instant.now().minusSeconds(100_000);
        List<EventRecord> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(EventRecord.information("Filler", 1, base.plusSeconds(i), "record " + i));
        }
        samba.writeEvents(many);
        List<WindowsApi.RawEvent> visited = new ArrayList<>();

        backends.windowsApi(samba.port(), SambaServer.admin()).readEventLogBackwards(samba.target().host(),
                CalConEvents.LOG, e -> {
                    visited.add(e);
                    return visited.size() < 3;
                });

        assertThat(visited).hasSize(3);
        assertThat(visited).extracting(WindowsApi.RawEvent::timeGeneratedEpochSeconds)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    // ------------------------------------------------------------------ failures of a real peer

    @Test
    void a_non_administrator_may_read_but_is_denied_the_write() {
        samba.setValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.dword(PORT));
        HostBackend reader = backends.backend(samba.target(), SambaServer.reader(), SambaServer.SPOOLER);

        assertThat(reader.readCalConPorts().orElseThrow().exchangeSide()).isEqualTo(RegistryRead.present(PORT));
        HostResult<?> write = reader.writeCalConPorts(40000, 40000);

        assertFailure(write, HostFailure.ACCESS_DENIED, false);
        assertThat(write.failure().orElseThrow().windowsErrorCode()).isEqualTo(5);
        assertThat(samba.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(PORT));
    }

    @Test
    void a_non_administrator_is_denied_the_service_stop() {
        HostBackend reader = backends.backend(samba.target(), SambaServer.reader(), SambaServer.SPOOLER);

        assertFailure(reader.stopService(TIMEOUT), HostFailure.ACCESS_DENIED, false);
        assertThat(backend.queryServiceState().orElseThrow()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void a_wrong_password_is_a_logon_failure_naming_the_nt_status() {
        HostBackend wrong = backends.backend(samba.target(), new RpcAccount("", SambaServer.ADMIN, "wrong"),
                SambaServer.SPOOLER);

        HostResult<CalConPorts> read = wrong.readCalConPorts();

        assertFailure(read, HostFailure.LOGON_FAILURE, false);
        assertThat(read.failure().orElseThrow().detail()).contains("STATUS_LOGON_FAILURE").doesNotContain("wrong");
    }

    @Test
    void a_closed_port_is_unreachable_and_retryable() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HostBackend nowhere = backends.backend(new RpcTarget("127.0.0.1", closed), SambaServer.admin(),
                SambaServer.SPOOLER);

        assertFailure(nowhere.readCalConPorts(), HostFailure.UNREACHABLE, true);
        assertFailure(nowhere.queryServiceState(), HostFailure.UNREACHABLE, true);
        assertThat(nowhere.probeTcpPort(closed, Duration.ofSeconds(1)).orElseThrow()).isEqualTo(TcpProbe.REFUSED);
    }
}
