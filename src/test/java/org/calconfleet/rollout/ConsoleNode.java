package org.calconfleet.rollout;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.calconfleet.CalConFleetApplication;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.backend.SharedHostBackends;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeService;
import org.calconfleet.fleet.ConnectorServiceState;
import org.calconfleet.fleet.FleetObservations;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.Observation;
import org.calconfleet.testdb.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One console as its own JVM, for tests of several nodes and of restarts: the console of the test class path on the
 * given database, its hosts those of a {@code SharedHostAgents} in the test's JVM, or without them its own simulated
 * fleet. With {@value #ROLLOUT_HOSTS} set, it first puts that many servers into the inventory and starts a rollout of
 * them (port 45001 → 45002), printing its id. With {@value #AWAIT_ROLLOUT} set to a rollout's id, once ready it waits
 * for that rollout to finish and for the audit outbox to drain, verifies the audit chain and prints the outcome.
 */
public final class ConsoleNode implements AutoCloseable {

    static final String SHARED_HOSTS = "calcon.test.shared-hosts";
    static final String ROLLOUT_HOSTS = "calcon.test.rollout-hosts";
    static final String AWAIT_ROLLOUT = "calcon.test.await-rollout";
    static final String AUDIT_CHAIN = "CONSOLE-NODE-AUDIT-CHAIN-INTACT=";
    static final String READY = "CONSOLE-NODE-READY";
    static final String ROLLOUT = "CONSOLE-NODE-ROLLOUT=";
    static final int CONCURRENCY = 50;

    private final String name;
    private final Process process;
    private final Path log;

    private ConsoleNode(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a console process named {@code node} (its scheduler name) and waits until it is ready; its hosts those
     * of the agents listed in {@code sharedHosts}, or its own simulated fleet when that is null.
     */
    static ConsoleNode start(String node, TestDatabase database, @Nullable Path sharedHosts, Path dir,
            String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (sharedHosts != null) {
            command.add("-D" + SHARED_HOSTS + "=" + sharedHosts);
        }
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConsoleNode.class.getName()));
        command.addAll(List.of(database.arguments()));
        command.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--db-scheduler.scheduler-name=" + node, "--calcon.drift-scan.enabled=false",
                "--calcon.rollout.verify-delay=100ms", "--calcon.rollout.initial-backoff=50ms",
                "--logging.level.org.calconfleet=WARN"));
        Path log = dir.resolve(node + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ConsoleNode console = new ConsoleNode(node, process, log);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        try {
            await(node + " started").atMost(Duration.ofMinutes(10))
                    .failFast(node + " exited", () -> !process.isAlive())
                    .until(() -> console.log().contains(READY));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            process.destroyForcibly();
            throw new IllegalStateException(node + " did not start:\n" + console.log(), e);
        }
        return console;
    }

    String name() {
        return name;
    }

    long rolloutId() {
        return log().lines().filter(l -> l.startsWith(ROLLOUT)).findFirst()
                .map(l -> Long.parseLong(l.substring(ROLLOUT.length()).strip()))
                .orElseThrow(() -> new IllegalStateException(name + " started no rollout:\n" + log()));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop of the scheduler, no last heartbeat. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String sharedHosts = System.getProperty(SHARED_HOSTS);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CalConFleetApplication.class).profiles("test");
        if (sharedHosts != null) {
            builder.initializers(context -> {
                RootBeanDefinition backends = new RootBeanDefinition(SharedHostBackends.class,
                        () -> SharedHostBackends.from(Path.of(sharedHosts)));
                backends.setPrimary(true);
                ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("sharedHostBackends",
                        backends);
            });
        }
        ConfigurableApplicationContext console = builder.run(args);
        String hosts = System.getProperty(ROLLOUT_HOSTS);
        if (hosts != null) {
            System.out.println(ROLLOUT + startRollout(console, Integer.parseInt(hosts)));
        }
        System.out.println(READY);
        String awaited = System.getProperty(AWAIT_ROLLOUT);
        if (awaited != null) {
            System.out.println(AUDIT_CHAIN + auditAfter(console, Long.parseLong(awaited)));
        }
    }

    private static boolean auditAfter(ConfigurableApplicationContext console, long rolloutId) {
        Fleets.awaitFinished(console.getBean(RolloutService.class), rolloutId, Duration.ofMinutes(5));
        JdbcTemplate jdbc = console.getBean(JdbcTemplate.class);
        await("audit outbox drained").atMost(Duration.ofMinutes(1))
                .until(() -> jdbc.queryForObject("select count(*) from audit_outbox", Long.class), count -> count == 0);
        AuditTrail audit = console.getBean(AuditTrail.class);
        return Users.as("auditor", Role.AUDITOR, () -> audit.verify()).isIntact();
    }

    private static long startRollout(ConfigurableApplicationContext console, int hosts) {
        List<Long> ids = Fleets.create(console.getBean(FleetService.class), TwoConsoleNodesTest.PREFIX, hosts);
        FleetObservations observations = console.getBean(FleetObservations.class);
        for (Long id : ids) {
            observations.record(id, Observation.by("test").ports(45001, 45001).service(ConnectorServiceState.RUNNING)
                    .diagnosticsHigh(true));
        }
        ChangeService changes = console.getBean(ChangeService.class);
        ChangeDraft draft = ChangeDraft.now(ids, 45002, "two console nodes", "CHG-TWO",
                new ChangeDraft.Waves(0, hosts, CONCURRENCY, 0));
        long id = Users.as("oscar", Role.OPERATOR, () -> changes.submit(draft)).id();
        Users.as("olivia", Role.OPERATOR, () -> changes.approve(id, "go"));
        return id;
    }
}
