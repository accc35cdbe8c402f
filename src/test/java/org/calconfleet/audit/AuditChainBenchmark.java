package org.calconfleet.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: prints figures. {@code mvn verify -Pbenchmark -Dtest=AuditChainBenchmark} fills a real H2 file
 * database with 1,000,000 chained audit entries and times, interleaved, median of {@value #RUNS}: the bare SELECT of
 * the hashed columns, the chain read (the same rows made into entries), the walk (read + hash + link checks), the
 * whole {@link AuditTrail#verify()}, and SHA-256 over the very bytes the walk hashes, entry by entry. It prints the
 * split (fetch vs hash), the ratios, and the heap after a full GC taken inside the walk at 100,000 and 1,000,000
 * entries.
 */
@SpringBootTest(properties = "calcon.drift-scan.enabled=false")
@ActiveProfiles("test")
@WithMockUser(roles = "AUDITOR")
class AuditChainBenchmark {

    static final int ENTRIES = Integer.getInteger("benchmark.auditEntries", 1_000_000);
    static final int FIRST_PROBE = 100_000;
    static final int RUNS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        // -Dbenchmark.db=target/benchmark-db/chain-… reuses a database an earlier run filled.
        Path file = Path.of(System.getProperty("benchmark.db", "target/benchmark-db/chain-" + System.nanoTime()));
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file.toAbsolutePath()
                + System.getProperty("benchmark.h2options", ""));
    }

    @Autowired
    AuditTrail audit;

    @Autowired
    ChainReader chain;

    @Autowired
    CheckpointStore checkpoints;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void print_chain_verification_against_sha256_of_the_same_bytes() throws Exception {
        if (jdbc.queryForObject("select last_seq from audit_head", Long.class) < ENTRIES) {
            long fillStart = System.nanoTime();
            String head = AuditEntries.appendChain(jdbc, 1, ENTRIES, AuditChain.GENESIS, 100_000);
            jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", (long) ENTRIES, head);
            System.out.printf(Locale.ROOT, "%nfilled %,d chained audit entries in %.1f s%n", ENTRIES,
                    (System.nanoTime() - fillStart) / 1e9);
        }

        printHeapInsideTheWalk();
        List<byte[]> hashed = hashedBytes();
        long bytes = hashed.stream().mapToLong(b -> b.length).sum();
        System.out.printf(Locale.ROOT, "the walk hashes %,d bytes (%.0f per entry)%n", bytes, (double) bytes / ENTRIES);

        Map<String, LongSupplier> work = new LinkedHashMap<>();
        work.put("bare SELECT of the hashed columns", this::select);
        work.put("chain read (rows into entries)", this::read);
        work.put("walk (read + hash + links)", this::walk);
        work.put("AuditTrail.verify()", () -> audit.verify().checked());
        work.put("SHA-256 of the same bytes", () -> sha256(hashed));
        Map<String, Timings> timings = new LinkedHashMap<>();
        work.keySet().forEach(name -> timings.put(name, new Timings()));
        List<String> names = new ArrayList<>(work.keySet());
        for (int run = 0; run < RUNS; run++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + run) % names.size());
                timings.get(name).time(work.get(name));
            }
        }
        timings.forEach((name, t) -> System.out.printf(Locale.ROOT, "%-36s wall %8.0f ms   cpu %8.0f ms%n", name,
                t.wall(), t.cpu()));
        double sha = timings.get("SHA-256 of the same bytes").wall();
        double select = timings.get("bare SELECT of the hashed columns").wall();
        double read = timings.get("chain read (rows into entries)").wall();
        double walk = timings.get("walk (read + hash + links)").wall();
        double verify = timings.get("AuditTrail.verify()").wall();
        System.out.printf(Locale.ROOT, "split of the walk: fetch %.0f ms (%.0f %%), hash and checks %.0f ms%n", read,
                100 * read / walk, walk - read);
        System.out.printf(Locale.ROOT, "verify / SHA-256 of the same bytes: %.1f×%n", verify / sha);
        System.out.printf(Locale.ROOT, "bare SELECT alone / SHA-256: %.1f×%n", select / sha);
        System.out.printf(Locale.ROOT, "verify / (bare SELECT + SHA-256): %.2f×%n", verify / (select + sha));
    }

    private void printHeapInsideTheWalk() {
        ChainCheck check = ChainCheck.fromGenesis(checkpoints.read());
        long[] seen = {0};
        transactions.executeWithoutResult(status -> chain.read(entry -> {
            boolean more = check.accept(entry);
            if (++seen[0] == FIRST_PROBE || seen[0] == ENTRIES) {
                System.out.printf(Locale.ROOT, "heap after GC inside the walk at %,d entries: %.1f MB%n", seen[0],
                        heapAfterGc() / 1e6);
            }
            return more;
        }));
        ChainVerification result = check.finish(null);
        // A reused database keeps the entries of earlier runs' checkpoints, not their folder: only links count here.
        if (!result.isIntact() && result.brokenAtSeq() != null) {
            throw new IllegalStateException("The benchmark chain does not verify: " + result);
        }
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private List<byte[]> hashedBytes() {
        List<byte[]> bytes = new ArrayList<>(ENTRIES);
        AuditChain hasher = new AuditChain();
        transactions.executeWithoutResult(status -> chain.read(entry -> bytes.add(
                hasher.hashedBytes(entry.getPrevHash(), entry))));
        return bytes;
    }

    /** The chain reader's query, streamed as the reader streams it, each column fetched and nothing made of it. */
    private long select() {
        long[] rows = {0};
        transactions.executeWithoutResult(status -> chain.query(ChainReader.CHAIN, row -> {
            while (row.next()) {
                row.getLong(1);
                row.getObject(2, OffsetDateTime.class);
                for (int column = 3; column <= 10; column++) {
                    row.getString(column);
                }
                rows[0]++;
            }
        }));
        return rows[0];
    }

    private long read() {
        long[] rows = {0};
        transactions.executeWithoutResult(status -> chain.read(entry -> ++rows[0] > 0));
        return rows[0];
    }

    private long walk() {
        ChainCheck check = ChainCheck.fromGenesis(checkpoints.read());
        transactions.executeWithoutResult(status -> chain.read(check::accept));
        return check.finish(null).checked();
    }

    private static long sha256(List<byte[]> hashed) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long sum = 0;
            for (byte[] bytes : hashed) {
                sum += digest.digest(bytes)[0];
            }
            return sum;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wall-clock and thread CPU time (H2 runs embedded, in this thread) of repeated runs of one piece of work. */
    private static final class Timings {

        private final double[] wall = new double[RUNS];
        private final double[] cpu = new double[RUNS];
        private int runs;

        void time(LongSupplier work) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.getAsLong();
            wall[runs] = (System.nanoTime() - start) / 1e6;
            cpu[runs] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            runs++;
        }

        double wall() {
            return median(wall);
        }

        double cpu() {
            return median(cpu);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }
}
