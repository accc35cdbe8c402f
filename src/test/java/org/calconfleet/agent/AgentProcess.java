package org.calconfleet.agent;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.calconfleet.host.agent.AgentConnection;
import org.calconfleet.host.agent.CertificateFingerprint;

/**
 * A real agent, started as its own JVM from the test class path: simulated host, admin channel on, host clock ten
 * times real time, loopback only, a fresh home, the Domino side on with a {@link FakeDominoServer} for Domino server
 * {@value #DOMINO_SERVER} (command time-out 1 s). The identity is made here first (so the test knows the fingerprint
 * independently of what the agent says) and the token is given in {@code CALCON_AGENT_TOKEN}. Ready when the agent
 * has written its endpoint file; stopped (and, failing that, killed) on {@link #close()} or when the test JVM ends.
 */
public final class AgentProcess implements AutoCloseable {

    public static final double TIME_SCALE = 10;
    public static final String DOMINO_SERVER = "DOMINO01";
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final Process process;
    private final Path home;
    private final String token;
    private final CertificateFingerprint fingerprint;
    private final URI baseUri;
    private final Thread killer;
    private final FakeDominoServer domino;

    private AgentProcess(Process process, Path home, String token, CertificateFingerprint fingerprint, URI baseUri,
            Thread killer, FakeDominoServer domino) {
        this.domino = domino;
        this.process = process;
        this.home = home;
        this.token = token;
        this.fingerprint = fingerprint;
        this.baseUri = baseUri;
        this.killer = killer;
    }

    /** Starts an agent in {@code home} with the test options and {@code extraOptions} ({@code --name=value}). */
    public static AgentProcess start(Path home, String... extraOptions) {
        long started = System.nanoTime();
        try {
            String token = AgentToken.generate();
            CertificateFingerprint fingerprint = AgentIdentity.loadOrCreate(home, "agent-under-test").fingerprint();
            FakeDominoServer domino = FakeDominoServer.in(home.resolve("domino"));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k",
                    "-cp", System.getProperty("java.class.path"),
                    AgentApplication.class.getName(),
                    "--calcon.agent.home=" + home,
                    "--calcon.agent.port=0",
                    "--calcon.agent.bind-address=127.0.0.1",
                    "--calcon.agent.mode=simulated",
                    "--calcon.agent.host-name=EXCH01",
                    "--calcon.agent.simulated-admin=true",
                    "--calcon.agent.simulated-time-scale=" + TIME_SCALE,
                    "--calcon.agent.domino.enabled=true",
                    "--calcon.agent.domino.program=" + domino.program(),
                    "--calcon.agent.domino.server-name=" + DOMINO_SERVER,
                    "--calcon.agent.domino.timeout=1s"));
            command.addAll(List.of(extraOptions));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("agent.log").toFile());
            builder.environment().put("CALCON_AGENT_TOKEN", token);
            Process process = builder.start();
            Thread killer = new Thread(process::destroyForcibly, "kill-agent-" + process.pid());
            Runtime.getRuntime().addShutdownHook(killer);
            Path endpoint = home.resolve(AgentHttpServer.ENDPOINT_FILE);
            try {
                await("the agent started").atMost(READY_WITHIN).pollInterval(Duration.ofMillis(50))
                        .failFast("the agent exited", () -> !process.isAlive())
                        .until(() -> Files.exists(endpoint));
            } catch (ConditionTimeoutException | TerminalFailureException e) {
                process.destroyForcibly();
                throw new IllegalStateException("the agent did not start:\n"
                        + Files.readString(home.resolve("agent.log")), e);
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(endpoint)) {
                properties.load(in);
            }
            if (!fingerprint.equals(CertificateFingerprint.require(properties.getProperty("fingerprint")))) {
                throw new IllegalStateException("the agent reports another fingerprint than its identity's");
            }
            System.out.printf("agent pid %d ready at %s in %d ms%n", process.pid(), properties.getProperty("url"),
                    (System.nanoTime() - started) / 1_000_000);
            return new AgentProcess(process, home, token, fingerprint, URI.create(properties.getProperty("url")), killer,
                    domino);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }

    public String token() {
        return token;
    }

    public FakeDominoServer domino() {
        return domino;
    }

    public Path home() {
        return home;
    }

    public String log() {
        try {
            return Files.readString(home.resolve("agent.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public AgentConnection connect(AgentConnection.Settings settings) {
        return new AgentConnection(baseUri, fingerprint, token, settings);
    }

    /** Settings for tests: short time-outs, reads retried without waiting. */
    public static AgentConnection.Settings quickSettings() {
        return AgentConnection.Settings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
                .withSleeper(d -> { });
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }
}
