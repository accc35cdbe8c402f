package org.calconfleet.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pool of SMB sessions against a real Samba: reuse, idle close, a connection the host dropped, a host that hangs. */
@SambaTest
class RpcSessionPoolSambaTest {

    private static SambaServer samba;

    @BeforeAll
    static void startSamba() {
        samba = new SambaServer("SMB3");
    }

    @AfterAll
    static void stopSamba() {
        if (samba != null) {
            samba.close();
        }
    }

    @Test
    void calls_to_one_host_share_one_connection_until_it_is_idle() {
        try (RpcHostBackends backends = new RpcHostBackends(RpcSettings.defaults().withIdleTimeout(Duration.ofMillis(400)))) {
            HostBackend backend = backends.backend(samba.target(), SambaServer.admin(), SambaServer.SPOOLER);
            backend.readCalConPorts().orElseThrow();
            backend.queryServiceState().orElseThrow();
            backends.backend(samba.target(), SambaServer.admin(), SambaServer.SPOOLER).readDiagnosticLevel().orElseThrow();
            assertThat(backends.openConnections()).isEqualTo(1);

            await("connections closed after the idle time-out").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50)).until(() -> backends.openConnections() == 0);
            assertThat(backend.queryServiceState().orElseThrow()).isEqualTo(ServiceState.RUNNING);
            assertThat(backends.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void a_connection_the_host_dropped_is_reopened_by_the_next_call() {
        try (RpcHostBackends backends = new RpcHostBackends()) {
            HostBackend backend = backends.backend(samba.target(), SambaServer.admin(), SambaServer.SPOOLER);
            backend.writeCalConPorts(45001, 45001).orElseThrow();

            assertThat(samba.dropClientConnections()).isPositive();

            assertThat(backend.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(45001, 45001));
            assertThat(backend.queryServiceState().orElseThrow()).isEqualTo(ServiceState.RUNNING);
        }
    }

    @Test
    void a_host_that_never_answers_times_out_and_holds_up_no_other_host() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0);
                RpcHostBackends backends = new RpcHostBackends(RpcSettings.defaults()
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)))) {
            Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            HostBackend hanging = backends.backend(new RpcTarget("127.0.0.1", silent.getLocalPort()),
                    SambaServer.admin(), SambaServer.SPOOLER);
            HostBackend healthy = backends.backend(samba.target(), SambaServer.admin(), SambaServer.SPOOLER);

            CompletableFuture<HostResult<CalConPorts>> stuck = CompletableFuture.supplyAsync(hanging::readCalConPorts,
                    runnable -> Thread.ofVirtual().start(runnable));
            await("the silent host's connection accepted").atMost(Duration.ofSeconds(30))
                    .until(() -> !accepted.isEmpty());
            long start = System.nanoTime();
            healthy.readCalConPorts().orElseThrow();
            healthy.queryServiceState().orElseThrow();
            Duration healthyTook = Duration.ofNanos(System.nanoTime() - start);

            assertThat(stuck).as("the silent host's call is still waiting").isNotDone();
            assertThat(healthyTook).isLessThan(Duration.ofSeconds(2));
            HostResult<CalConPorts> timedOut = stuck.get();
            assertThat(timedOut.failure().orElseThrow().kind()).isEqualTo(HostFailure.TIMED_OUT);
            assertThat(timedOut.failure().orElseThrow().retryable()).isTrue();
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
