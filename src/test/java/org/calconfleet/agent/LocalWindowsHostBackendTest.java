package org.calconfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ManualTime;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.simulated.SimulatedHostBackend;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.junit.jupiter.api.Test;

/** The agent's Windows backend: the remote backend's answers, except the listener table, which is read locally. */
class LocalWindowsHostBackendTest {

    @Test
    void everything_but_the_listener_table_comes_from_the_windows_backend() {
        SimulatedWindowsHost host = SimulatedWindowsHost.builder("EXCH01").time(new ManualTime())
                .calConPorts(45001, 45001).listener(135, 900, "svchost.exe").build();
        List<TcpListener> local = List.of(new TcpListener(8443, 4000, "java.exe"));
        LocalWindowsHostBackend backend = new LocalWindowsHostBackend(new SimulatedHostBackend(host),
                () -> HostResult.ok(local));

        assertThat(backend.hostName()).isEqualTo("EXCH01");
        assertThat(backend.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(45001, 45001));
        assertThat(backend.writeCalConPorts(45002, 45002).isOk()).isTrue();
        assertThat(host.calConWrites()).isEqualTo(1);
        assertThat(backend.restartService(Duration.ofMinutes(1), Duration.ofMinutes(1)).orElseThrow())
                .isEqualTo(ServiceState.RUNNING);
        assertThat(backend.listTcpListeners().orElseThrow()).isEqualTo(local);
    }

    @Test
    void the_table_port_is_read_in_network_byte_order() {
        assertThat(WindowsTcpTable.port(0x901F)).isEqualTo(8080);
        assertThat(WindowsTcpTable.port(0xC9AF)).isEqualTo(45001);
        assertThat(WindowsTcpTable.port(0xFFFF_8700)).isEqualTo(135);
    }
}
