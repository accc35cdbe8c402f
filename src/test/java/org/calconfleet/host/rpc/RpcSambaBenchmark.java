package org.calconfleet.host.rpc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.rpc.SambaServer.EventRecord;
import org.junit.jupiter.api.Test;

/**
 * Figures, not a test: how long one host's steps take over the rpc backend against a local Samba (loopback, so
 * this is the protocol's and the libraries' cost, not the network's). Run with
 * {@code mvn -q -B test -Pbenchmark -Dtest=RpcSambaBenchmark}; prints the median and the slowest of each step.
 */
@SambaTest
class RpcSambaBenchmark {

    private static final int ROUNDS = 20;
    private static final int WARM_UP = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void one_hosts_steps_against_samba() {
        try (SambaServer samba = new SambaServer("SMB2_10"); RpcHostBackends backends = new RpcHostBackends()) {
            List<EventRecord> log = new ArrayList<>();
            Instant old = Instant.now().minus(Duration.ofDays(1));
            for (int i = 0; i < 500; i++) {
                log.add(EventRecord.information("Filler", 1, old.plusSeconds(i), "older record " + i));
            }
            log.add(EventRecord.information(CalConEvents.SOURCE_NOTES_CAL, 6001, Instant.now(),
                    CalConEvents.rpcPortText(45001)));
            samba.writeEvents(log);
            HostBackend backend = backends.backend(samba.target(), SambaServer.admin(), SambaServer.SPOOLER);
            Instant since = Instant.now().minusSeconds(60);

            long coldStart = System.nanoTime();
            backend.readCalConPorts().orElseThrow();
            Duration cold = Duration.ofNanos(System.nanoTime() - coldStart);

            Map<String, List<Duration>> steps = new LinkedHashMap<>();
            for (int round = 0; round < WARM_UP + ROUNDS; round++) {
                boolean counted = round >= WARM_UP;
                int port = 45001 + round % 2;
                time(steps, counted, "read both values", backend::readCalConPorts);
                time(steps, counted, "write both values", () -> backend.writeCalConPorts(port, port));
                time(steps, counted, "stop service", () -> backend.stopService(TIMEOUT));
                time(steps, counted, "start service", () -> backend.startService(TIMEOUT));
                time(steps, counted, "read events since (500 older)", () -> backend.readCalConEvents(since));
                time(steps, counted, "query service", backend::queryServiceState);
            }

            System.out.printf(Locale.ROOT, "%nrpc backend against Samba (SMB 2.1, loopback), %d rounds after %d warm-up%n",
                    ROUNDS, WARM_UP);
            System.out.printf(Locale.ROOT, "  first call, connect + NTLM + bind + read: %.1f ms%n", cold.toNanos() / 1e6);
            steps.forEach((step, times) -> {
                List<Duration> sorted = times.stream().sorted().toList();
                System.out.printf(Locale.ROOT, "  %-32s median %6.2f ms   max %6.2f ms%n", step,
                        sorted.get(sorted.size() / 2).toNanos() / 1e6, sorted.getLast().toNanos() / 1e6);
            });
        }
    }

    private static void time(Map<String, List<Duration>> steps, boolean counted, String step,
            Supplier<HostResult<?>> call) {
        long start = System.nanoTime();
        call.get().orElseThrow();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (counted) {
            steps.computeIfAbsent(step, s -> new ArrayList<>()).add(took);
        }
    }
}
