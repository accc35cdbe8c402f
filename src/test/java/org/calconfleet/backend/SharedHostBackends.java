package org.calconfleet.backend;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.calconfleet.agent.SharedHostAgents;
import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.agent.AgentDominoConsole;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.rpc.RpcHostBackends;
import org.calconfleet.host.agent.AgentConnection;
import org.calconfleet.host.agent.AgentHostBackend;
import org.calconfleet.host.agent.CertificateFingerprint;

/**
 * For a console process of a multi-node test: every server's host and Domino console are the agents of
 * {@link SharedHostAgents} (whose addresses file it reads), whatever the server's backend kind, so that two consoles
 * act on the same hosts. One connection per host, kept for the process's life.
 */
public final class SharedHostBackends extends HostBackends {

    private final Properties addresses;
    private final CertificateFingerprint pin;
    private final String token;
    private final DominoConsole domino;
    private final ConcurrentMap<String, AgentConnection> connections = new ConcurrentHashMap<>();

    private SharedHostBackends(Properties addresses) {
        super(new SimulatedFleet(SimulatedFleet.Settings.DEFAULT), new FakeCredentialSecrets(),
                new RpcHostBackends(), ConsolePlatform.current(), new SimpleMeterRegistry());
        this.addresses = addresses;
        this.pin = CertificateFingerprint.require(addresses.getProperty(SharedHostAgents.FINGERPRINT));
        this.token = addresses.getProperty(SharedHostAgents.TOKEN);
        this.domino = new AgentDominoConsole(connect(addresses.getProperty(SharedHostAgents.DOMINO)),
                Duration.ofSeconds(10));
    }

    public static SharedHostBackends from(Path file) {
        Properties addresses = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            addresses.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SharedHostBackends(addresses);
    }

    @Override
    public HostBackend backend(ExchangeServer server) {
        String url = addresses.getProperty(SharedHostAgents.HOST_PREFIX + server.getHostName());
        if (url == null) {
            return new UnavailableHostBackend(server.getHostName(), server.getServiceName(), "not a shared host");
        }
        AgentConnection connection = connections.computeIfAbsent(server.getHostName().toLowerCase(Locale.ROOT),
                k -> connect(url));
        return new AgentHostBackend(server.getHostName(), server.getServiceName(), connection);
    }

    @Override
    public DominoConsole domino(ExchangeServer server) {
        return domino;
    }

    private AgentConnection connect(String url) {
        return new AgentConnection(URI.create(url), pin, token, AgentConnection.Settings.defaults()
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60)));
    }
}
