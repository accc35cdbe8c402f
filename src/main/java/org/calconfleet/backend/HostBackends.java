package org.calconfleet.backend;

import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.RunbookDominoConsole;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.windows.WindowsHostBackend;
import org.springframework.stereotype.Service;

/** The host backend and the Domino console for a server, by its backend kind. */
@Service
public class HostBackends {

    /** Why AGENT servers cannot be reached in this build; replaced when the agent client is wired. */
    public static final String AGENT_NOT_WIRED = "the agent backend is not available in this build";

    private final SimulatedFleet simulated;
    private final RunbookDominoConsole runbook = new RunbookDominoConsole();

    HostBackends(SimulatedFleet simulated) {
        this.simulated = simulated;
    }

    public HostBackend backend(ExchangeServer server) {
        return switch (server.getBackendKind()) {
            case SIMULATED -> simulated.backend(server);
            case WINDOWS -> WindowsHostBackend.remote(windowsMachine(server), server.getServiceName());
            case AGENT -> new UnavailableHostBackend(server.getHostName(), server.getServiceName(), AGENT_NOT_WIRED);
        };
    }

    /** Simulated partners answer through the simulated Domino servers; Windows hosts' partners through the runbook. */
    public DominoConsole domino(ExchangeServer server) {
        return switch (server.getBackendKind()) {
            case SIMULATED -> simulated.dominoConsole(server);
            case WINDOWS -> runbook;
            case AGENT -> new UnavailableDominoConsole(AGENT_NOT_WIRED);
        };
    }

    private static String windowsMachine(ExchangeServer server) {
        String address = server.getBackendAddress();
        return address == null || address.isBlank() ? server.getHostName() : address.strip();
    }
}
