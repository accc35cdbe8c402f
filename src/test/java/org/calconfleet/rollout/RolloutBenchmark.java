package org.calconfleet.rollout;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.calconfleet.CalConFleetApplication;
import org.calconfleet.access.Role;
import org.calconfleet.backend.SimulatedFleet;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.common.DatabaseKind;
import org.calconfleet.common.DurableCommits;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.simulated.SimulatedHostBackend;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.testdb.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.FileSystemUtils;

/**
 * Rolls a port change out to N simulated hosts and prints the time next to the ideal: the number of batches (each
 * wave in slices of the concurrency limit) times the per-host minimum (the backend calls one host needs, each one
 * round trip, plus the service's stop and start), both from the same settings. Also the bytes allocated per host from
 * the approval to the end (every thread's, the simulated hosts' included): the garbage the GC threads' CPU follows,
 * steadier from run to run than CPU time. Also the heap: in use before, its peak (garbage included), and in use after
 * a full GC once the rollout is done, per host; on the in-memory database
 * the last holds its rows, so a figure per host that stays flat from 1,000 to 10,000 hosts means memory grows with
 * the rows only (on a file or on PostgreSQL it holds what the console keeps, and H2's cache of its file).
 *
 * <p>Run (after {@code mvn -q -o test-compile}):
 * <pre>
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -XX:+UseParallelGC -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.calconfleet.rollout.RolloutBenchmark 1000 10000
 * </pre>
 * Arguments: host counts (default 1000 10000). System properties: {@code rtt} (50ms), {@code stop} (1s),
 * {@code start} (1s), {@code concurrency} (500), {@code canary} (10), {@code wave} (1000), {@code warmup} (1000: a
 * rollout on that many hosts first, not reported, so that the JIT has compiled the engine's paths), {@code details}
 * (false; true prints per wave its length, the gap before it, the average host and how long a freed slot waited for
 * its successor, per step and outcome when it was logged on average, and the SQL statements the rollout ran per
 * host, most frequent first, from H2's query statistics; H2 only), {@code nodes} (1; 2 runs the rollout on two
 * console nodes in this JVM, each with its own job engine, over one fresh PostgreSQL database
 * {@code calcon_bench_<random>} on the server of {@link TestDatabase}, dropped at the end, and adds how many host runs
 * each node finished), {@code database} ({@code h2}, in memory; {@code h2file} puts the console on a fresh H2 file
 * database in a temporary directory with the settings the console itself runs with, and adds
 * the file's size at the end; {@code postgres} puts even one node on such a fresh PostgreSQL database, to tell what the
 * database costs from what the second node costs), {@code hog} (0: that many platform threads
 * spin beside the rollout, from its approval to its end, so that the job engine's heartbeats and the lease renewals
 * compete for the CPU), {@code rollout} (true; false stops after the approval: only the plan, submit and approve times
 * are printed), {@code again} (false; true rolls the same hosts out a second time, to another port, in the same
 * console, and prints both lines, {@code first} and {@code again}: the JIT compiles each new console's generated
 * classes afresh, so the second is what a console that has rolled out before takes).
 *
 * <p>Every line also sets the engine's CPU against what the cores offer per host while the rollout keeps to the
 * ideal, with the ratio to the ideal the CPU alone holds it to; over a PostgreSQL server on this machine, whose
 * processes take turns with the console on the same cores, the server's CPU per host is added to the engine's
 * ({@link DatabaseServerCpu}).
 *
 * <p>Every line also says whether a host run ever had two runners: the heartbeat and lease settings in force, the
 * executions db-scheduler found dead and revived, the executions fenced out (a lease held by another runner; a run
 * taken over by another runner), the most runners inside one host run's steps at once, and the hosts written, stopped
 * or started more than once.
 */
public final class RolloutBenchmark {

    /** Backend calls of one host in the happy path: read values, query service, read level, list listeners,
     * write, stop, start, query service, read events. */
    static final int CALLS_PER_HOST = 9;
    private static final String SERVICE = CalConRegistry.DEFAULT_SERVICE_NAME;

    public static void main(String[] args) throws Exception {
        CalConFleetApplication.widenVirtualThreadCarriers();
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1000, 10000);
        }
        Duration rtt = Duration.parse("PT" + System.getProperty("rtt", "0.05S").toUpperCase(Locale.ROOT));
        Duration stop = Duration.parse("PT" + System.getProperty("stop", "1S").toUpperCase(Locale.ROOT));
        Duration start = Duration.parse("PT" + System.getProperty("start", "1S").toUpperCase(Locale.ROOT));
        int concurrency = Integer.getInteger("concurrency", 500);
        int canary = Integer.getInteger("canary", 10);
        int wave = Integer.getInteger("wave", 1000);
        List<String> lines = new ArrayList<>();
        int warmup = Integer.getInteger("warmup", 1000);
        if (warmup > 0) {
            System.out.println("warm-up (not reported): " + run(warmup, rtt, stop, start,
                    new ChangeDraft.Waves(canary, wave, concurrency, warmup)));
            System.gc();
        }
        for (int n : sizes) {
            lines.add(run(n, rtt, stop, start, new ChangeDraft.Waves(canary, wave, concurrency, n)));
            System.gc();
        }
        System.out.println();
        lines.forEach(System.out::println);
        System.exit(0);
    }

    static String run(int n, Duration rtt, Duration stop, Duration start, ChangeDraft.Waves waves) throws Exception {
        int nodes = Integer.getInteger("nodes", 1);
        String kind = System.getProperty("database", "h2");
        boolean postgres = nodes > 1 || "postgres".equals(kind);
        TestDatabase database = postgres ? TestDatabase.createPostgres("calcon_bench_") : null;
        Path fileDatabase = "h2file".equals(kind) ? Files.createTempDirectory("calcon-bench-") : null;
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--calcon.drift-scan.enabled=false",
                "--calcon.simulated.latency=" + rtt.toMillis() + "ms",
                "--calcon.simulated.stop-duration=" + stop.toMillis() + "ms",
                "--calcon.simulated.start-duration=" + start.toMillis() + "ms",
                "--calcon.change.plan-concurrency=2000",
                "--logging.level.root=WARN", "--logging.level.org.calconfleet=WARN",
                "--spring.main.banner-mode=off"));
        arguments.addAll(database != null ? List.of(database.arguments())
                : List.of("--spring.datasource.url=" + (fileDatabase != null ? consoleDatabaseIn(fileDatabase)
                        : System.getProperty("db", "jdbc:h2:mem:bench-" + java.util.UUID.randomUUID()))));
        List<ConfigurableApplicationContext> consoles = new ArrayList<>();
        try {
            for (int node = 1; node <= nodes; node++) {
                consoles.add(console(node, arguments,
                        consoles.isEmpty() ? null : consoles.getFirst().getBean(SimulatedFleet.class)));
            }
            String heapHolds = database != null ? "what the console keeps; the rows are in PostgreSQL"
                    : fileDatabase != null ? "what the console keeps and H2's cache of its file"
                    : "the log lines and audit entries the rollout added to the in-memory database on H2";
            String line = run(consoles, n, rtt, stop, start, waves, heapHolds);
            return fileDatabase == null ? line : line + String.format(Locale.ROOT,
                    "; database file %,d MB after the rollout(s)", sizeOf(fileDatabase) / 1_048_576);
        } finally {
            consoles.forEach(ConfigurableApplicationContext::close);
            if (database != null) {
                database.close();
            }
            if (fileDatabase != null) {
                FileSystemUtils.deleteRecursively(fileDatabase);
            }
        }
    }

    /**
     * The console's own H2 file database URL (application.properties, with its settings), with the file in
     * {@code directory} instead of ./data.
     */
    private static String consoleDatabaseIn(Path directory) throws IOException {
        String url = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"))
                .getProperty("spring.datasource.url");
        String path = "./data/calcon";
        if (url == null || !url.contains(path)) {
            throw new IllegalStateException("the console's database URL no longer names " + path + ": " + url);
        }
        return url.replace(path, directory.resolve("calcon").toString());
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /**
     * Console node {@code node} (its scheduler name {@code node-<node>}); with {@code fleet} given, its hosts are
     * those of that fleet (another node's), so that every node acts on the same simulated hosts.
     */
    private static ConfigurableApplicationContext console(int node, List<String> arguments,
            @Nullable SimulatedFleet fleet) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CalConFleetApplication.class).profiles("test");
        if (fleet != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("simulatedFleet", fleet));
        }
        List<String> args = new ArrayList<>(arguments);
        args.add("--db-scheduler.scheduler-name=node-" + node);
        return builder.run(args.toArray(String[]::new));
    }

    private static String run(List<ConfigurableApplicationContext> consoles, int n, Duration rtt, Duration stop,
            Duration start, ChangeDraft.Waves waves, String heapHolds) throws Exception {
        ConfigurableApplicationContext context = consoles.getFirst();
        // every console installs its own strategy as the JVM-wide one; the users below act on the first console
        context.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
        insertServers(context.getBean(JdbcTemplate.class), n);
        ChangeService changes = context.getBean(ChangeService.class);
        RolloutService rollouts = context.getBean(RolloutService.class);
        SimulatedFleet simulated = context.getBean(SimulatedFleet.class);
        List<Long> ids = context.getBean(JdbcTemplate.class)
                .queryForList("select id from exchange_server order by id", Long.class);
        if (!Boolean.parseBoolean(System.getProperty("rollout", "true"))) {
            return decisionsTwice(changes, rollouts, ids, n, waves);
        }
        String first = rollout(consoles, changes, rollouts, simulated, ids, 45002, n, rtt, stop, start, waves,
                heapHolds);
        if (!Boolean.getBoolean("again")) {
            return first;
        }
        System.out.println("first: " + first);
        return "again: " + rollout(consoles, changes, rollouts, simulated, ids, 45003, n, rtt, stop, start, waves,
                heapHolds);
    }

    /** One rollout of the {@code n} servers {@code ids} to {@code port}, planned, submitted and approved first. */
    private static String rollout(List<ConfigurableApplicationContext> consoles, ChangeService changes,
            RolloutService rollouts, SimulatedFleet simulated, List<Long> ids, int port, int n, Duration rtt,
            Duration stop, Duration start, ChangeDraft.Waves waves, String heapHolds) throws Exception {
        ConfigurableApplicationContext context = consoles.getFirst();
        ChangeDraft draft = ChangeDraft.now(ids, port, "benchmark", "BENCH-" + n + "-" + port, waves);
        Mark planStart = Mark.now();
        ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft));
        Mark submitStart = Mark.now();
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft, plan));
        Mark approveStart = Mark.now();
        boolean details = Boolean.getBoolean("details");
        if (details) {
            context.getBean(JdbcTemplate.class).execute("set query_statistics_max_entries 1000");
            context.getBean(JdbcTemplate.class).execute("set query_statistics true");
        }
        long callsBefore = calls(simulated, n);
        Timer checkpoints = context.getBean(MeterRegistry.class).timer(DurableCommits.CHECKPOINTS);
        long checkpointsBefore = checkpoints.count();
        double checkpointMillisBefore = checkpoints.totalTime(TimeUnit.MILLISECONDS);
        long before = usedHeap();
        long cpuBefore = cpuNanos();
        long allocatedBefore = allocatedBytes();
        JvmThreadsCpu jvmBefore = JvmThreadsCpu.now();
        long gcBefore = gcMillis();
        Optional<DatabaseServerCpu> server = DatabaseServerCpu.of(context.getBean(JdbcTemplate.class),
                context.getBean(DatabaseKind.class));
        long serverBefore = server.map(DatabaseServerCpu::nanos).orElse(0L);
        CpuHog hog = new CpuHog(Integer.getInteger("hog", 0));
        Instant approved = Instant.now();
        Mark approving = Mark.now();
        Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), "go"));
        String decisions = decisions(planStart, submitStart, approveStart, approving, Mark.now());
        try {
            awaitFinished(context.getBean(JdbcTemplate.class), submitted.id());
        } finally {
            hog.stop();
        }
        ChangeSummary done = Users.as("auditor", Role.AUDITOR, () -> rollouts.rollout(submitted.id()).orElseThrow());
        Duration wall = Duration.between(approved, Instant.now());
        double cpu = (cpuNanos() - cpuBefore) / 1e9;
        long allocated = allocatedBytes() - allocatedBefore;
        JvmThreadsCpu jvm = JvmThreadsCpu.now().since(jvmBefore);
        double gc = (gcMillis() - gcBefore) / 1e3;
        Optional<Double> serverCpu = server.map(cpuOf -> (cpuOf.nanos() - serverBefore) / 1e9);
        // after the rollout's figures: the simulated hosts measured apart are not the rollout's work
        double hostsCpu = simulatedHostsCpuNanos(n, waves.concurrency()) / 1e9;
        Duration engine = Duration.between(done.startedAt(), done.finishedAt());
        long peak = peakHeap();
        long after = usedHeap();
        double callsPerHost = (double) (calls(simulated, n) - callsBefore) / n;
        int batches = batches(n, waves);
        Duration perHost = rtt.multipliedBy(CALLS_PER_HOST).plus(stop).plus(start);
        Duration ideal = perHost.multipliedBy(batches);
        String line = String.format(Locale.ROOT,
                "N=%,d: %s; rollout %.2f s (approve to last host %.2f s), ideal %.2f s = %d batches x %.3f s"
                        + " (%d calls x %d ms + stop %d ms + start %d ms); ratio %.3f; calls per host %.2f;"
                        + " done %d, failed %d;"
                        + " heap used %d MB before, peak %d MB, %d MB after a full GC (%,d bytes per host: %s);"
                        + " %s; CPU %.1f s (%.1f ms per host), GC %.1f s (%s), allocated %,d KB per host;"
                        + " engine CPU %.2f ms per host (goal 1 ms:"
                        + " the process's CPU less the simulated hosts' own %.2f ms per host, measured apart), %s;"
                        + " load %.1f",
                n, waves, seconds(engine), seconds(wall), seconds(ideal), batches, seconds(perHost),
                CALLS_PER_HOST, rtt.toMillis(), stop.toMillis(), start.toMillis(),
                seconds(engine) / seconds(ideal), callsPerHost, done.counts().done(), done.counts().failures(),
                before / 1_048_576, peak / 1_048_576, after / 1_048_576, (after - before) / n, heapHolds, decisions,
                cpu, cpu * 1000 / n, gc, collectors(), allocated / 1024 / n,
                (cpu - hostsCpu) * 1000 / n, hostsCpu * 1000 / n, jvm.describe(cpu - hostsCpu, hostsCpu, n),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        line += "; " + cpuBudget(cpu - hostsCpu, serverCpu, seconds(ideal), n);
        long checkpointsRun = checkpoints.count() - checkpointsBefore;
        if (checkpointsRun > 0) {
            line += String.format(Locale.ROOT, "; checkpoints (the engine waiting for its steps to be on disk) %.2f per"
                    + " host, %.2f ms each", (double) checkpointsRun / n,
                    (checkpoints.totalTime(TimeUnit.MILLISECONDS) - checkpointMillisBefore) / checkpointsRun);
        }
        line += "; " + runners(consoles, simulated, n, hog);
        if (consoles.size() > 1) {
            line += "; " + split(consoles);
        }
        System.out.println(line);
        if (details) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            statementsPerHost(jdbc, n).forEach(System.out::println);
            waveTimeline(jdbc, submitted.id(), waves.concurrency()).forEach(System.out::println);
            jdbc.queryForList("select l.step, l.outcome, count(*) c,"
                    + " avg(datediff('MILLISECOND', r.started_at, l.at)) since_start"
                    + " from host_run_log l join host_run r on r.id = l.host_run_id group by l.step, l.outcome"
                    + " order by since_start").forEach(System.out::println);
        }
        return line;
    }

    /**
     * The engine's CPU (and a PostgreSQL server's on this machine, which takes turns with the consoles on the same
     * cores) against what the machine's cores offer per host while the rollout takes its ideal time: above it, the
     * ideal cannot be reached on this machine whatever the engine waits for.
     */
    static String cpuBudget(double engineSeconds, Optional<Double> serverSeconds, double idealSeconds, int n) {
        int cores = Runtime.getRuntime().availableProcessors();
        double offered = cores * idealSeconds;
        double used = engineSeconds + serverSeconds.orElse(0.0);
        String budget = String.format(Locale.ROOT, "the %d cores offer %.2f ms per host at the ideal, so the CPU alone"
                + " holds the rollout to %.2fx the ideal or more", cores, offered * 1000 / n, Math.max(1, used / offered));
        return serverSeconds.map(server -> String.format(Locale.ROOT, "database server CPU %.2f ms per host"
                        + " (PostgreSQL on this machine, all its processes), engine and server together %.2f ms per host;"
                        + " %s", server * 1000 / n, used * 1000 / n, budget))
                .orElse(budget);
    }

    /** How many host runs each console node finished (its own counter), e.g. "node-1 5,012, node-2 4,988". */
    static String split(List<ConfigurableApplicationContext> consoles) {
        List<String> counts = new ArrayList<>();
        for (ConfigurableApplicationContext console : consoles) {
            double finished = console.getBean(MeterRegistry.class).find(RolloutMetrics.HOST_RUNS_FINISHED).counters()
                    .stream().mapToDouble(Counter::count).sum();
            counts.add(String.format(Locale.ROOT, "%s %,.0f", console.getEnvironment()
                    .getProperty("db-scheduler.scheduler-name"), finished));
        }
        return "host runs finished per node: " + String.join(", ", counts);
    }

    /**
     * The CPU the simulated hosts themselves take for the happy path of {@code n} hosts, apart from the engine: on
     * {@code n} fresh hosts the same {@value #CALLS_PER_HOST} calls, each host on a virtual thread of its own and
     * {@code concurrency} at once, as the engine makes them. Every latency and service transition lasts 1 ms (a
     * sleep costs the same CPU however long it lasts). A virtual thread has no CPU time of its own in the JDK, so
     * this is the process's CPU while nothing else runs.
     */
    static long simulatedHostsCpuNanos(int n, int concurrency) throws InterruptedException {
        Duration ms = Duration.ofMillis(1);
        List<SimulatedHostBackend> hosts = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            hosts.add(new SimulatedHostBackend(SimulatedWindowsHost.builder("C%05d".formatted(i)).latency(ms)
                    .serviceTimings(ms, ms).calConPorts(45001, 45001).diagnosticLevel(DiagnosticLevel.HIGH)
                    .service(SERVICE, ServiceState.RUNNING).build(), SERVICE));
        }
        Semaphore slots = new Semaphore(concurrency);
        long before = cpuNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SimulatedHostBackend host : hosts) {
                slots.acquire();
                threads.execute(() -> {
                    try {
                        Instant since = Instant.now();
                        host.readCalConPorts();
                        host.queryServiceState();
                        host.readDiagnosticLevel();
                        host.listTcpListeners();
                        host.writeCalConPorts(45002, 45002);
                        host.stopService(Duration.ofSeconds(30));
                        host.startService(Duration.ofSeconds(30));
                        host.queryServiceState();
                        host.readCalConEvents(since);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return cpuNanos() - before;
    }

    /**
     * The steps before the rollout, each as long as the console takes for it: the plan the wizard shows, the submit
     * of that plan (as the wizard submits it) and the approval. Issue 18's goal: plan, submit and approve of 10,000
     * hosts within 2 s; the plan alone waits 1 s at the benchmark's settings (4 reads of 50 ms per host, 2,000 hosts
     * at once).
     */
    private static String decisions(Mark plan, Mark submit, Mark submitted, Mark approve, Mark approved) {
        double submitAndApprove = (submitted.wall - submit.wall + approved.wall - approve.wall) / 1e9;
        return String.format(Locale.ROOT, "plan %s, submit %s, approve %s; submit + approve %.2f s, plan + submit +"
                        + " approve %.2f s (goal for 10,000 hosts: 2 s)", plan.until(submit), submit.until(submitted),
                approve.until(approved), submitAndApprove, (submit.wall - plan.wall) / 1e9 + submitAndApprove);
    }

    /**
     * Plan, submit and approve without the rollout, twice in the same console: the second time is what a console
     * that has decided on a change this large before takes (each benchmark console is a new Spring context, whose
     * generated classes the JIT compiles afresh, so the first figure carries compilation a running console paid
     * long ago). The change waits for a maintenance window, so nothing runs, and is cancelled between the two.
     */
    private static String decisionsTwice(ChangeService changes, RolloutService rollouts, List<Long> ids, int n,
            ChangeDraft.Waves waves) {
        Instant window = Instant.now().plus(Duration.ofHours(2));
        ChangeDraft draft = new ChangeDraft(ids, 45002, "benchmark", "BENCH-" + n,
                ChangeDraft.Schedule.window(window, window.plus(Duration.ofHours(1))), waves);
        List<String> sittings = new ArrayList<>();
        long toChange = 0;
        for (String sitting : List.of("first", "again")) {
            Mark planStart = Mark.now();
            ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft));
            Mark submitStart = Mark.now();
            ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft, plan));
            Mark approveStart = Mark.now();
            Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), "go"));
            sittings.add(sitting + ": " + decisions(planStart, submitStart, approveStart, approveStart, Mark.now()));
            Users.as("oscar", Role.OPERATOR, () -> rollouts.cancel(submitted.id(), "benchmark"));
            toChange = plan.changes();
        }
        return String.format(Locale.ROOT, "N=%,d: %,d hosts to change; rollout skipped%n  %s", n, toChange,
                String.join(System.lineSeparator() + "  ", sittings));
    }

    /** A moment, by the wall clock, the CPU time the process has used and what the JVM's own threads took of it. */
    private record Mark(long wall, long cpu, JvmThreadsCpu jvm) {

        static Mark now() {
            return new Mark(System.nanoTime(), cpuNanos(), JvmThreadsCpu.now());
        }

        String until(Mark later) {
            JvmThreadsCpu jvmSince = later.jvm.since(jvm);
            return String.format(Locale.ROOT, "%.2f s (CPU %.2f s, of it JIT %.2f s, GC %.2f s)",
                    (later.wall - wall) / 1e9, (later.cpu - cpu) / 1e9, jvmSince.compilerNanos() / 1e9,
                    jvmSince.gcNanos() / 1e9);
        }
    }

    private record Span(long start, long end) {
    }

    /** Platform threads that spin until stopped: a CPU hog beside the console. */
    static final class CpuHog {
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean spinning = true;

        CpuHog(int threadCount) {
            for (int i = 0; i < threadCount; i++) {
                threads.add(Thread.ofPlatform().daemon().name("cpu-hog-" + i).start(this::spin));
            }
        }

        private void spin() {
            while (spinning) {
                // a volatile read per turn: the loop keeps its core busy and cannot be compiled away
            }
        }

        int size() {
            return threads.size();
        }

        void stop() throws InterruptedException {
            spinning = false;
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    /** Whether any host run had two runners, and what the job engine and the leases did about it. */
    static String runners(List<ConfigurableApplicationContext> consoles, SimulatedFleet simulated, int n, CpuHog hog) {
        ConfigurableApplicationContext context = consoles.getFirst();
        Environment env = context.getEnvironment();
        int twice = 0;
        for (String host : hostNames(n)) {
            SimulatedWindowsHost h = simulated.existingHost(host).orElseThrow();
            if (h.calConWrites() > 1 || h.stopRequests() > 1 || h.startAttempts() > 1) {
                twice++;
            }
        }
        return String.format(Locale.ROOT, "CPU hog %d busy threads on %d cores; heartbeat %s, %s missed make an"
                        + " execution dead, lease %s; executions revived %.0f; fenced out: %.0f found the lease held,"
                        + " %.0f taken over; most runners inside one host run at once %.0f; hosts acted on twice %d",
                hog.size(), Runtime.getRuntime().availableProcessors(),
                env.getProperty("db-scheduler.heartbeat-interval"), env.getProperty("db-scheduler.missed-heartbeats-limit"),
                context.getBean(RolloutSettings.class).getHostRunLease(),
                sum(consoles, m -> m.get(RolloutMetrics.HOST_RUNS_REVIVED).counter().count()),
                sum(consoles, m -> m.get(RolloutMetrics.HOST_RUNS_FENCED).tag("reason", "lease-held").counter().count()),
                sum(consoles, m -> m.get(RolloutMetrics.HOST_RUNS_FENCED).tag("reason", "taken-over").counter().count()),
                consoles.stream().mapToDouble(c -> c.getBean(MeterRegistry.class)
                        .get(RolloutMetrics.HOST_RUN_RUNNERS_MAX).gauge().value()).max().orElse(0), twice);
    }

    private static double sum(List<ConfigurableApplicationContext> consoles, ToDoubleFunction<MeterRegistry> count) {
        return consoles.stream().mapToDouble(c -> count.applyAsDouble(c.getBean(MeterRegistry.class))).sum();
    }

    /**
     * The SQL statements run since the query statistics were switched on (the approval on), per host: all of them,
     * then the most frequent ones, each with its executions per host and its database time.
     */
    static List<String> statementsPerHost(JdbcTemplate jdbc, int n) {
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> rows = jdbc.queryForList("select sql_statement, execution_count,"
                + " cumulative_execution_time from information_schema.query_statistics order by execution_count desc");
        jdbc.execute("set query_statistics false");
        long total = rows.stream().mapToLong(r -> ((Number) r.get("EXECUTION_COUNT")).longValue()).sum();
        double ms = rows.stream().mapToDouble(r -> ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue()).sum();
        lines.add(String.format(Locale.ROOT, "SQL statements per host %.1f (%d distinct), database time %.2f ms per"
                + " host; the most frequent:", (double) total / n, rows.size(), ms / n));
        rows.stream().limit(20).forEach(r -> lines.add(String.format(Locale.ROOT, "  %5.2f per host, %.3f ms per host: %s",
                ((Number) r.get("EXECUTION_COUNT")).doubleValue() / n,
                ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue() / n,
                String.valueOf(r.get("SQL_STATEMENT")).replaceAll("\\s+", " "))));
        return lines;
    }

    /**
     * Per wave: its length, the gap since the previous wave ended, the average host (admission to end), and how long
     * a freed slot waited for its successor: the k-th host of the first batch to end is paired with the k-th host to
     * start after the first batch.
     */
    static List<String> waveTimeline(JdbcTemplate jdbc, long changeId, int concurrency) {
        Map<Integer, List<Span>> byWave = new TreeMap<>();
        jdbc.query("select wave, started_at, finished_at from host_run where change_request_id = ? order by started_at",
                (RowCallbackHandler) rs -> byWave.computeIfAbsent(rs.getInt(1), w -> new ArrayList<>()).add(new Span(
                        rs.getTimestamp(2).getTime(), rs.getTimestamp(3).getTime())), changeId);
        List<String> lines = new ArrayList<>();
        long previousEnd = -1;
        for (var wave : byWave.entrySet()) {
            List<Span> hosts = wave.getValue();
            long start = hosts.getFirst().start();
            long end = hosts.stream().mapToLong(Span::end).max().orElseThrow();
            List<Span> first = hosts.subList(0, Math.min(concurrency, hosts.size()));
            List<Span> rest = hosts.subList(first.size(), hosts.size());
            long[] freed = first.stream().mapToLong(Span::end).sorted().toArray();
            double slotGap = 0;
            for (int k = 0; k < rest.size(); k++) {
                slotGap += rest.get(k).start() - freed[Math.min(k, freed.length - 1)];
            }
            lines.add(String.format(Locale.ROOT, "wave %d: %d hosts, %d ms (%s), host %.0f ms on average, a freed slot"
                            + " taken after %.0f ms on average", wave.getKey(), hosts.size(), end - start,
                    previousEnd < 0 ? "first" : (start - previousEnd) + " ms after the wave before",
                    hosts.stream().mapToLong(h -> h.end() - h.start()).average().orElse(0),
                    rest.isEmpty() ? 0 : slotGap / rest.size()));
            previousEnd = end;
        }
        return lines;
    }

    /** Polls the state only (cheap), not the counts, so that watching does not slow the rollout down. */
    private static void awaitFinished(JdbcTemplate jdbc, long id) {
        await("rollout " + id + " finished").atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("DONE", "FAILED", "CANCELLED").contains(
                        jdbc.queryForObject("select state from change_request where id = ?", String.class, id)));
    }

    static int batches(int n, ChangeDraft.Waves waves) {
        int batches = 0;
        int left = n;
        int canary = Math.min(waves.canarySize(), left);
        if (canary > 0) {
            batches += ceil(canary, waves.concurrency());
            left -= canary;
        }
        while (left > 0) {
            int size = Math.min(waves.waveSize(), left);
            batches += ceil(size, waves.concurrency());
            left -= size;
        }
        return batches;
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static List<String> hostNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add("B%05d".formatted(i));
        }
        return names;
    }

    private static long calls(SimulatedFleet simulated, int n) {
        long calls = 0;
        for (String host : hostNames(n)) {
            SimulatedWindowsHost h = simulated.existingHost(host).orElseThrow();
            for (HostOperation op : HostOperation.values()) {
                calls += h.calls(op);
            }
        }
        return calls;
    }

    private static void insertServers(JdbcTemplate jdbc, int n) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            rows.add(new Object[] {"B%05d".formatted(i), "10.%d.%d.%d".formatted(i / 62500 + 1, i / 250 % 250, i % 250 + 1),
                    "Bench", "DOM%05d".formatted(i), "10.200.%d.%d".formatted(i / 250 % 250, i % 250 + 1), now});
        }
        jdbc.batchUpdate("insert into exchange_server (host_name, ip_address, site, exchange_version, connector_kind,"
                + " domino_server, domino_address, calendar_system, service_name, backend_kind, desired_port,"
                + " observed_exchange_port, observed_notes_port, service_state, diagnostics_high, updated_at,"
                + " updated_by, version) values (?, ?, ?, '2007 SP3', 'LOTUS_DOMINO', ?, ?, 'ExchangeFreeBusy',"
                + " 'MSExchangeCalCon', 'SIMULATED', 45001, 45001, 45001, 'RUNNING', true, ?, 'bench', 0)", rows);
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** The collector's own names ("PS Scavenge", "G1 Young Generation", ...): the GC threads' CPU depends on it. */
    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Bytes allocated on the heap by every thread since the JVM started, ended threads included. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
