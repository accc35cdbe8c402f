package org.calconfleet.host.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.EventType;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ManualTime;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.WindowsErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedHostFilesTest {

    @TempDir
    Path directory;

    private final ManualTime time = new ManualTime();

    private SimulatedHostBuilder host(SimulatedHostStore store) {
        return SimulatedWindowsHost.builder("TKY-EXC01").time(time).store(store)
                .serviceTimings(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    private SimulatedWindowsHost reload(SimulatedHostFiles files, String hostName) {
        return SimulatedWindowsHost.restore(files.load(hostName).orElseThrow(), time, files);
    }

    @Test
    void a_host_comes_back_from_its_file_with_every_value_of_every_type_and_all_it_is() {
        SimulatedHostFiles files = SimulatedHostFiles.in(directory);
        SimulatedWindowsHost host = host(files)
                .parameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, RegistryValue.string("45001"))
                .parameter(CalConRegistry.NOTES_SIDE_PORT_VALUE, RegistryValue.dword(-2))
                .parameter("Quad", RegistryValue.qword(-5L))
                .parameter("Path", RegistryValue.expandString("%SystemRoot%\\calcon"))
                .parameter("Lines", RegistryValue.multiString(List.of("a", "", "b")))
                .parameter("Blob", RegistryValue.binary(new byte[] {0, 1, (byte) 0xff}))
                .parameter("Odd", new RegistryValue(RegistryValueType.UNKNOWN, new byte[] {7}))
                .diagnosticLevel(DiagnosticLevel.HIGH)
                .otherService("W32Time", "Windows Time")
                .listener(45003, 2412, "backupagent.exe")
                .fault(HostFault.unreachable().on(HostOperation.READ_EVENTS).times(2))
                .failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED)
                .dominoLinkFailing(true)
                .latency(Duration.ofMillis(50))
                .build();
        host.reportRpcPortAs(45009);
        host.logApplicationEvent(CalConEvents.SOURCE_NOTES_CAL, 6001, EventType.INFORMATION, "an earlier start");

        SimulatedWindowsHost back = reload(files, "tky-exc01");

        assertThat(back.state()).usingRecursiveComparison().isEqualTo(host.state());
        assertThat(back.registryValue(CalConRegistry.PARAMETERS_KEY, "blob").orElseThrow().data())
                .isEqualTo(new byte[] {0, 1, (byte) 0xff});
        assertThat(back.registryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .contains(RegistryValue.string("45001"));
        assertThat(back.registryValue(CalConRegistry.PARAMETERS_KEY, "Lines").orElseThrow().data())
                .isEqualTo(List.of("a", "", "b"));
    }

    @Test
    void the_counters_and_a_transition_under_way_outlive_the_process_and_end_on_time() {
        SimulatedHostFiles files = SimulatedHostFiles.in(directory);
        SimulatedWindowsHost host = host(files).calConPorts(45001, 45001).diagnosticLevel(DiagnosticLevel.HIGH).build();
        host.writeCalConPorts(45002, 45002);
        assertThat(host.sendStop(CalConRegistry.DEFAULT_SERVICE_NAME)).isZero();
        time.advance(Duration.ofSeconds(2));
        assertThat(host.serviceState()).isEqualTo(ServiceState.STOPPED);
        assertThat(host.sendStart(CalConRegistry.DEFAULT_SERVICE_NAME)).isZero();

        time.advance(Duration.ofMinutes(5));
        SimulatedWindowsHost back = reload(files, "TKY-EXC01");

        assertThat(back.serviceState()).isEqualTo(ServiceState.RUNNING);
        assertThat(back.calConWrites()).isEqualTo(1);
        assertThat(back.stopRequests()).isEqualTo(1);
        assertThat(back.startAttempts()).isEqualTo(1);
        assertThat(back.events(CalConEvents.LOG)).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo(CalConEvents.rpcPortText(45002));
            assertThat(e.time()).as("written when the start ended, not when it was looked at")
                    .isEqualTo(ManualTime.START.plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        });
        assertThat(back.listeners()).singleElement().satisfies(l -> assertThat(l.port()).isEqualTo(45002));
    }

    @Test
    void a_fault_used_up_in_one_process_stays_used_up_in_the_next() {
        SimulatedHostFiles files = SimulatedHostFiles.in(directory);
        SimulatedWindowsHost host = host(files).fault(HostFault.unreachable().times(1)).build();

        assertThat(new SimulatedHostBackend(host).queryServiceState()).isInstanceOf(HostResult.Failure.class);

        assertThat(new SimulatedHostBackend(reload(files, "TKY-EXC01")).queryServiceState().orElseThrow())
                .isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void a_save_cut_short_leaves_the_last_whole_state_and_its_leftover_is_removed() throws IOException {
        SimulatedHostFiles files = SimulatedHostFiles.in(directory);
        SimulatedWindowsHost host = host(files).calConPorts(45001, 45001).build();
        host.writeCalConPorts(45002, 45002);
        Path file = files.file("TKY-EXC01");
        Path leftover = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(leftover, "{\"hostName\":\"TKY-EXC01\",\"regis");

        SimulatedHostFiles reopened = SimulatedHostFiles.in(directory);

        assertThat(leftover).doesNotExist();
        assertThat(reload(reopened, "TKY-EXC01").registryValue(CalConRegistry.PARAMETERS_KEY,
                CalConRegistry.EXCHANGE_SIDE_PORT_VALUE)).contains(RegistryValue.dword(45002));
        try (var names = Files.list(directory)) {
            assertThat(names).containsExactly(file);
        }
    }

    @Test
    void each_host_has_its_own_file_whatever_its_name() {
        SimulatedHostFiles files = SimulatedHostFiles.in(directory);

        assertThat(files.file("TKY-EXC01.corp.example").getFileName()).hasToString("tky-exc01.corp.example.json");
        assertThat(files.file("../etc/passwd").getParent()).isEqualTo(directory);
        assertThat(files.file("a/b")).isNotEqualTo(files.file("a_b"));
        assertThat(files.load("never-saved")).isEmpty();
    }

    @Test
    void without_a_store_nothing_is_written() throws IOException {
        SimulatedWindowsHost host = host(SimulatedHostStore.NONE).build();
        host.writeCalConPorts(45002, 45002);
        host.injectFault(HostFault.unreachable().on(HostOperation.QUERY_SERVICE));

        try (var names = Files.list(directory)) {
            assertThat(names).isEmpty();
        }
    }
}
