package org.calconfleet.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.calconfleet.domino.simulated.SimulatedDominoConsole;
import org.calconfleet.domino.simulated.SimulatedDominoServer;
import org.calconfleet.host.simulated.SimulatedWindowsHost;

/**
 * Simulated hosts that several console processes reach, as real hosts would be reached: one agent endpoint per
 * host (the agent's own HTTPS server, routes and simulated host) and one for all Domino servers, all in the test's
 * JVM, so that the test counts what each host was asked to do whichever console asked. One certificate and one
 * token for all of them. {@link #writeAddresses} leaves where they listen in a file for the consoles
 * (see {@code backend.SharedHostBackends}).
 */
public final class SharedHostAgents implements AutoCloseable {

    public static final String FINGERPRINT = "fingerprint";
    public static final String TOKEN = "token";
    public static final String DOMINO = "domino";
    public static final String HOST_PREFIX = "host.";

    private final Map<String, SimulatedWindowsHost> hosts = new LinkedHashMap<>();
    private final List<AgentHttpServer> servers = new ArrayList<>();
    private final Properties addresses = new Properties();

    private SharedHostAgents() {
    }

    public static SharedHostAgents start(Path home, List<SimulatedWindowsHost> hosts, List<SimulatedDominoServer> domino) {
        SharedHostAgents agents = new SharedHostAgents();
        try {
            AgentIdentity identity = AgentIdentity.loadOrCreate(home, "shared-hosts");
            String token = AgentToken.generate();
            AgentToken check = AgentToken.loadOrCreate(home, token).token();
            agents.addresses.setProperty(FINGERPRINT, identity.fingerprint().toString());
            agents.addresses.setProperty(TOKEN, token);
            for (SimulatedWindowsHost host : hosts) {
                SimulatedAgentHost agentHost = new SimulatedAgentHost(host.hostName(), host.time());
                agentHost.replace(host);
                Routes routes = new Routes();
                new HostEndpoints(agentHost).register(routes);
                String url = agents.serve(home.resolve("host-" + agents.servers.size()), identity, check, routes);
                agents.hosts.put(host.hostName(), host);
                agents.addresses.setProperty(HOST_PREFIX + host.hostName(), url);
            }
            SimulatedDominoConsole console = new SimulatedDominoConsole();
            domino.forEach(console::add);
            Routes routes = new Routes();
            new DominoEndpoints(console).register(routes);
            agents.addresses.setProperty(DOMINO, agents.serve(home.resolve("domino"), identity, check, routes));
            return agents;
        } catch (IOException | RuntimeException e) {
            agents.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private String serve(Path home, AgentIdentity identity, AgentToken token, Routes routes) throws IOException {
        Files.createDirectories(home);
        AgentHttpServer server = new AgentHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                identity.serverContext(), routes, token, 64, home);
        servers.add(server);
        server.start(identity.fingerprint().toString());
        return server.url();
    }

    public Path writeAddresses(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            addresses.store(out, "shared simulated hosts");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, SimulatedWindowsHost> hosts() {
        return hosts;
    }

    @Override
    public void close() {
        servers.forEach(AgentHttpServer::stop);
    }
}
