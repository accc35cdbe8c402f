package org.calconfleet.backend;

import io.micrometer.core.instrument.MeterRegistry;
import org.calconfleet.credential.AgentToken;
import org.calconfleet.credential.CredentialSecrets;
import org.calconfleet.credential.MissingCredentialException;
import org.calconfleet.credential.SecretUnreadableException;
import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.RunbookDominoConsole;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.agent.AgentAddress;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentConnection;
import org.calconfleet.host.agent.AgentHostBackend;
import org.calconfleet.host.windows.WindowsHostBackend;
import org.springframework.stereotype.Service;

/** The host backend and the Domino console for a server, by its backend kind; every backend call is timed. */
@Service
public class HostBackends {

    private final SimulatedFleet simulated;
    private final CredentialSecrets secrets;
    private final BackendCallTimers timers;
    private final RunbookDominoConsole runbook = new RunbookDominoConsole();

    HostBackends(SimulatedFleet simulated, CredentialSecrets secrets, MeterRegistry meters) {
        this.simulated = simulated;
        this.secrets = secrets;
        this.timers = new BackendCallTimers(meters);
    }

    public HostBackend backend(ExchangeServer server) {
        return new TimedHostBackend(adapter(server), server.getBackendKind(), timers);
    }

    /** The adapter for the server's backend kind, untimed. */
    HostBackend adapter(ExchangeServer server) {
        return switch (server.getBackendKind()) {
            case SIMULATED -> simulated.backend(server);
            case WINDOWS -> WindowsHostBackend.remote(windowsMachine(server), server.getServiceName());
            case AGENT -> agent(server);
        };
    }

    /**
     * An agent address that does not parse, or a token credential that is not named, not there or not a token,
     * makes a backend that says why, so a plan shows it per host.
     */
    private HostBackend agent(ExchangeServer server) {
        String text = server.getBackendAddress() == null ? "" : server.getBackendAddress();
        var problem = AgentAddress.problem(text);
        if (problem.isPresent()) {
            return unavailable(server, "agent address: " + problem.get());
        }
        String credential = server.getCredentialName();
        if (credential == null) {
            return unavailable(server, "agent token: the server names no credential");
        }
        AgentToken token;
        try {
            token = secrets.agentToken(credential);
        } catch (MissingCredentialException | SecretUnreadableException e) {
            return unavailable(server, "agent token: " + e.getMessage());
        }
        if (!AgentApi.TOKEN.matcher(token.value()).matches()) {
            return unavailable(server, "agent token: credential '" + credential + "' does not hold an agent token"
                    + " (32 to 256 characters A-Z a-z 0-9 . _ ~ + / -)");
        }
        return new AgentHostBackend(server.getHostName(), server.getServiceName(), AgentConnection.to(
                AgentAddress.parse(text), token.value(), AgentConnection.Settings.defaults()));
    }

    private static HostBackend unavailable(ExchangeServer server, String why) {
        return new UnavailableHostBackend(server.getHostName(), server.getServiceName(), why);
    }

    /**
     * Simulated partners answer through the simulated Domino servers; the partners of real hosts through the runbook
     * (the operator runs the commands shown and confirms), since the inventory holds no Domino agent address yet.
     */
    public DominoConsole domino(ExchangeServer server) {
        return switch (server.getBackendKind()) {
            case SIMULATED -> simulated.dominoConsole(server);
            case WINDOWS, AGENT -> runbook;
        };
    }

    private static String windowsMachine(ExchangeServer server) {
        String address = server.getBackendAddress();
        return address == null || address.isBlank() ? server.getHostName() : address.strip();
    }
}
