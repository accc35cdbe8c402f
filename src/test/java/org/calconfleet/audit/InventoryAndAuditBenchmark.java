package org.calconfleet.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: prints figures. {@code mvn verify -Pbenchmark} fills a real H2 file database with 100,000 servers and
 * 1,000,000 audit entries, then times a filtered, sorted page of the servers grid and of the audit view through
 * the service layer, next to the bare SQL for the same page, median of repeated runs.
 *
 * <p>The two sides run interleaved, in alternating order, so that a burst of load on a shared machine or the JIT
 * warming up one of them does not land on one side only; next to the wall-clock medians it prints the medians of the
 * measuring thread's CPU time (H2 runs embedded, in that thread), which other processes on the machine hardly move.
 * The drift scan is off: on 100,000 servers it would otherwise run beside the measurement and write the same rows.
 */
@SpringBootTest(properties = "calcon.drift-scan.enabled=false")
@ActiveProfiles("test")
@WithMockUser(roles = "AUDITOR")
class InventoryAndAuditBenchmark {

    static final int SERVERS = Integer.getInteger("benchmark.servers", 100_000);
    static final int ENTRIES = Integer.getInteger("benchmark.auditEntries", 1_000_000);
    static final int SITES = 40;
    static final int WARMUP = 20;
    static final int RUNS = 31;
    static final int PAGE = 50;

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        Path file = Path.of("target", "benchmark-db", "calcon-" + System.nanoTime());
        // H2 would otherwise hand the bare query its cached result and time nothing but the cache.
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:" + file.toAbsolutePath() + ";OPTIMIZE_REUSE_RESULTS=FALSE");
    }

    @Autowired
    FleetService fleet;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void print_page_times_against_the_bare_queries() {
        long fillStart = System.nanoTime();
        fillServers();
        fillAudit();
        System.out.printf(Locale.ROOT, "%nfilled %,d servers and %,d audit entries in %.1f s%n", SERVERS, ENTRIES,
                (System.nanoTime() - fillStart) / 1e9);

        ServerFilter filter = new ServerFilter("exc1", "Site-07");
        var serverPage = PageRequest.of(2, PAGE, Sort.by("hostName"));
        report("servers grid: text 'exc1' + site, by host, page 3",
                () -> fleet.list(filter, serverPage).size() + fleet.count(filter),
                () -> jdbc.queryForList("select * from exchange_server where (lower(host_name) like ? escape '\\' "
                        + "or lower(domino_server) like ? escape '\\') and site = ? order by host_name "
                        + "offset 100 rows fetch next 50 rows only", "%exc1%", "%exc1%", "Site-07").size()
                        + jdbc.queryForObject("select count(*) from exchange_server where (lower(host_name) like ? "
                        + "escape '\\' or lower(domino_server) like ? escape '\\') and site = ?", Long.class,
                        "%exc1%", "%exc1%", "Site-07"));

        AuditFilter auditFilter = new AuditFilter(null, "operator-3", AuditAction.SERVER_UPDATED, null, null);
        var auditPage = PageRequest.of(0, PAGE);
        report("audit view: actor + action, newest first, page 1",
                () -> audit.search(auditFilter, auditPage).size() + audit.count(auditFilter),
                () -> jdbc.queryForList("select * from audit_entry where actor = ? and action = ? order by seq desc "
                        + "fetch first 50 rows only", "operator-3", "SERVER_UPDATED").size()
                        + jdbc.queryForObject("select count(*) from audit_entry where actor = ? and action = ?",
                        Long.class, "operator-3", "SERVER_UPDATED"));

        AuditFilter subjectFilter = AuditFilter.forSubject("server:SRV-004242");
        report("server history: one subject, newest first",
                () -> audit.historyOf("server:SRV-004242", PAGE).size(),
                () -> jdbc.queryForList("select * from audit_entry where subject = ? order by seq desc "
                        + "fetch first 50 rows only", "server:SRV-004242").size());
        audit.count(subjectFilter);
    }

    private void report(String name, Supplier<Object> service, Supplier<Object> bare) {
        for (int i = 0; i < WARMUP; i++) {
            service.get();
            bare.get();
        }
        Timings serviceTimes = new Timings();
        Timings bareTimes = new Timings();
        for (int i = 0; i < RUNS; i++) {
            if (i % 2 == 0) {
                serviceTimes.time(service);
                bareTimes.time(bare);
            } else {
                bareTimes.time(bare);
                serviceTimes.time(service);
            }
        }
        double serviceWall = serviceTimes.medianWall();
        double bareWall = bareTimes.medianWall();
        double serviceCpu = serviceTimes.medianCpu();
        double bareCpu = bareTimes.medianCpu();
        System.out.printf(Locale.ROOT, "%-52s wall: service %7.2f ms, bare SQL %7.2f ms, ratio %.2f×   "
                        + "cpu: service %7.2f ms, bare SQL %7.2f ms, ratio %.2f×%n", name, serviceWall, bareWall,
                serviceWall / bareWall, serviceCpu, bareCpu, serviceCpu / bareCpu);
    }

    /** Wall-clock and thread CPU time of repeated runs of one piece of work. */
    private static final class Timings {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final double[] wall = new double[RUNS];
        private final double[] cpu = new double[RUNS];
        private int runs;

        void time(Supplier<Object> work) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.get();
            wall[runs] = (System.nanoTime() - start) / 1e6;
            cpu[runs] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            runs++;
        }

        double medianWall() {
            return median(wall);
        }

        double medianCpu() {
            return median(cpu);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    private void fillServers() {
        List<Object[]> batch = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 1; i <= SERVERS; i++) {
            int port = i % 5 == 0 ? 0 : 45_000 + i % 900;
            batch.add(new Object[] {"SRV-%06d".formatted(i), "Site-%02d".formatted(i % SITES), "2007 SP3",
                    "LOTUS_DOMINO", "DOM-%05d".formatted(i / 2), "ExchangeFreeBusy", "MSExchangeCalCon", "SIMULATED",
                    port, port, i % 17 == 0 ? 0 : port, "RUNNING", now, "benchmark"});
            if (batch.size() == 5_000 || i == SERVERS) {
                jdbc.batchUpdate("insert into exchange_server (host_name, site, exchange_version, connector_kind, "
                        + "domino_server, calendar_system, service_name, backend_kind, desired_port, "
                        + "observed_exchange_port, observed_notes_port, service_state, updated_at, updated_by, version) "
                        + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)", batch);
                batch.clear();
            }
        }
    }

    private void fillAudit() {
        String head = AuditEntries.appendChain(jdbc, 1, ENTRIES, AuditChain.GENESIS, SERVERS);
        jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", (long) ENTRIES, head);
    }
}
