package org.calconfleet.agent;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

import org.calconfleet.host.agent.AgentAddress;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything the agent runs, and nothing else: no auto-configuration, no component scan. Deliberately not a
 * {@code @Configuration} (its {@code @Bean} methods work in Spring's "lite" mode), so the console's component
 * scan of {@code org.calconfleet} can never pick it up; {@link AgentApplication} names it as the only source.
 */
@EnableConfigurationProperties(AgentProperties.class)
public class AgentConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AgentConfiguration.class);

    @Bean
    AgentIdentity agentIdentity(AgentProperties properties) {
        AgentIdentity identity = AgentIdentity.loadOrCreate(properties.home(), localHostName(properties));
        if (identity.created()) {
            LOG.info("Made a new key pair and self-signed certificate in {}: pin the fingerprint below in the console",
                    properties.home().toAbsolutePath());
        }
        LOG.info("Agent certificate SHA-256 fingerprint: {}", identity.fingerprint());
        return identity;
    }

    @Bean
    AgentToken agentToken(AgentProperties properties, AgentIdentity identity) {
        AgentToken.Start start = AgentToken.loadOrCreate(properties.home(), properties.token());
        if (start.generated() != null) {
            printOnce(System.out, localHostName(properties), properties.port(), identity, start.generated());
        }
        Path file = properties.home().resolve(AgentToken.FILE).toAbsolutePath();
        if (start.given()) {
            LOG.info("Bearer token given in CALCON_AGENT_TOKEN; its hash is in {}{}", file,
                    start.replaced() ? " (it replaced the previous token)" : "");
        } else if (start.generated() == null) {
            LOG.info("Bearer token: the one made on first start (its hash is in {})", file);
        }
        return start.token();
    }

    @Bean
    AgentHost agentHost(AgentProperties properties) {
        String hostName = localHostName(properties);
        return switch (properties.effectiveMode()) {
            case WINDOWS -> {
                if (!AgentProperties.isWindows()) {
                    throw new IllegalStateException("calcon.agent.mode=windows needs Windows; use simulated elsewhere");
                }
                if (properties.simulatedAdmin()) {
                    throw new IllegalStateException("calcon.agent.simulated-admin is for a simulated host only");
                }
                yield new WindowsAgentHost(hostName);
            }
            case SIMULATED, AUTO -> new SimulatedAgentHost(hostName, ScaledTime.of(properties.simulatedTimeScale()));
        };
    }

    @Bean(destroyMethod = "stop")
    AgentHttpServer agentHttpServer(AgentProperties properties, AgentIdentity identity, AgentToken token, AgentHost host)
            throws UnknownHostException {
        Routes routes = new Routes();
        boolean domino = properties.domino().enabled();
        routes.get(AgentApi.INFO, r -> {
            ObjectNode info = AgentJson.object();
            info.put("mode", host.mode());
            info.put("hostName", host.hostName());
            info.put("exchange", properties.exchangeEnabled());
            info.put("domino", domino);
            return AgentJson.ok(info);
        });
        if (properties.exchangeEnabled()) {
            new HostEndpoints(host).register(routes);
        }
        if (domino) {
            AgentProperties.Domino d = properties.domino();
            Path program = Objects.requireNonNull(d.program(), "calcon.agent.domino.program is required with the Domino side");
            new DominoEndpoints(new ServerProgramDominoConsole(program, d.commandOption(), d.workingDirectory(), d.timeout(),
                    d.serverName())).register(routes);
        }
        if (properties.simulatedAdmin()) {
            if (!(host instanceof SimulatedAgentHost simulated)) {
                throw new IllegalStateException("calcon.agent.simulated-admin is for a simulated host only");
            }
            LOG.warn("The simulated host's admin channel is ON ({}/…): anyone with the token can rearrange the host."
                    + " For tests only.", AgentApi.ADMIN);
            new SimulatedAdmin(simulated).register(routes);
        }
        LOG.info("CalCon agent: host {} ({}), Exchange side {}, Domino side {}", host.hostName(), host.mode(),
                properties.exchangeEnabled() ? "on" : "off", domino ? "on (" + properties.domino().program() + ")" : "off");
        AgentHttpServer server = new AgentHttpServer(
                new InetSocketAddress(InetAddress.getByName(properties.bindAddress()), properties.port()),
                identity.serverContext(), routes, token, properties.maxConcurrentRequests(), properties.home());
        server.start(identity.fingerprint().toString());
        return server;
    }

    /**
     * Shows a token made on this start, once, on standard output (not through the log, whose files and shipping
     * it should not reach), with the backend address for the console's server record.
     */
    static void printOnce(PrintStream out, String hostName, int port, AgentIdentity identity, String token) {
        String address = new AgentAddress(URI.create("https://" + hostName + ":" + (port == 0 ? 8443 : port)),
                identity.fingerprint()).format();
        out.println();
        out.println("==== CalCon agent: new bearer token, shown only this once =====================================");
        out.println("Backend address for the console's server record (kind AGENT):");
        out.println("  " + address);
        out.println("Token: store it in the console under Credentials (kind agent token) and choose it on the server:");
        out.println("  " + token);
        out.println("Only its hash is stored. Lost it? Delete " + AgentToken.FILE + " and restart to make a new one.");
        out.println("================================================================================================");
        out.println();
    }

    static String localHostName(AgentProperties properties) {
        if (properties.hostName() != null && !properties.hostName().isBlank()) {
            return properties.hostName();
        }
        String computerName = System.getenv("COMPUTERNAME");
        if (computerName != null && !computerName.isBlank()) {
            return computerName;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
