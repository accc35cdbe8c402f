package org.calconfleet.backend;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.calconfleet.credential.CredentialSecrets;
import org.calconfleet.credential.MissingCredentialException;
import org.calconfleet.credential.SecretUnreadableException;
import org.calconfleet.credential.WindowsAccount;
import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;
import org.calconfleet.domino.RunbookDominoConsole;
import org.calconfleet.domino.agent.AgentDominoConsole;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.agent.AgentAddress;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentConnection;
import org.calconfleet.host.agent.AgentHostBackend;
import org.calconfleet.host.rpc.RpcAccount;
import org.calconfleet.host.rpc.RpcHostBackends;
import org.calconfleet.host.rpc.RpcTarget;
import org.calconfleet.host.windows.WindowsHostBackend;
import org.springframework.stereotype.Service;

/**
 * The host backend and the Domino console for a server, by its backend kind; every backend call is timed. A server
 * whose path this console cannot take (a WINDOWS server on a console that is not on Windows, an address that does
 * not parse, no credential named, a credential that cannot be read) gets a backend that says why, so a plan shows it
 * per host and nothing is touched.
 */
@Service
public class HostBackends {

    static final String WINDOWS_NEEDS_WINDOWS_CONSOLE = "the WINDOWS backend calls the Windows API and needs a console"
            + " running on Windows; this console runs on %s: choose the RPC backend (SMB2 named pipes, any OS) for"
            + " this server";

    private final SimulatedFleet simulated;
    private final CredentialSecrets secrets;
    private final RpcHostBackends rpc;
    private final ConsolePlatform platform;
    private final BackendCallTimers timers;
    /** How long the Domino agent may take per console command (quit or load of EXCALCON). */
    static final Duration DOMINO_COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private final RunbookDominoConsole runbook = new RunbookDominoConsole();

    HostBackends(SimulatedFleet simulated, CredentialSecrets secrets, RpcHostBackends rpc, ConsolePlatform platform,
            MeterRegistry meters) {
        this.simulated = simulated;
        this.secrets = secrets;
        this.rpc = rpc;
        this.platform = platform;
        this.timers = new BackendCallTimers(meters);
    }

    public HostBackend backend(ExchangeServer server) {
        return new TimedHostBackend(adapter(server), server.getBackendKind(), timers);
    }

    /** The adapter for the server's backend kind, untimed. */
    HostBackend adapter(ExchangeServer server) {
        Optional<PathProblem> problem = pathProblem(server);
        if (problem.isPresent()) {
            return unavailable(server, problem.get().detail());
        }
        return switch (server.getBackendKind()) {
            case SIMULATED -> simulated.backend(server);
            case WINDOWS -> WindowsHostBackend.remote(address(server), server.getServiceName());
            case AGENT -> agent(server);
            case RPC -> rpc(server);
        };
    }

    /**
     * Why this console cannot take the server's path, from the server record alone (no host is asked and no secret is
     * read, so a screen may show it): empty when the path can be tried.
     */
    public Optional<PathProblem> pathProblem(ExchangeServer server) {
        return switch (server.getBackendKind()) {
            case SIMULATED -> Optional.empty();
            case WINDOWS -> platform.isWindows() ? Optional.empty() : Optional.of(PathProblem.of(
                    "backend.path.needsWindowsConsole", WINDOWS_NEEDS_WINDOWS_CONSOLE.formatted(platform.name()),
                    platform.name()));
            case AGENT -> AgentAddress.problem(agentAddress(server))
                    .map(key -> PathProblem.of(key, "agent address: " + key))
                    .or(() -> noCredential(server, "agent token"));
            case RPC -> RpcTarget.problem(address(server))
                    .map(key -> PathProblem.of(key, "SMB address: '" + address(server)
                            + "' is not host, host:port or [IPv6]:port"))
                    .or(() -> noCredential(server, "Windows account"));
        };
    }

    private static Optional<PathProblem> noCredential(ExchangeServer server, String what) {
        return server.getCredentialName() == null
                ? Optional.of(PathProblem.of("backend.path.noCredential", what + ": the server names no credential"))
                : Optional.empty();
    }

    private HostBackend agent(ExchangeServer server) {
        String credential = Objects.requireNonNull(server.getCredentialName());
        String token;
        try {
            token = secrets.agentToken(credential).value();
        } catch (MissingCredentialException | SecretUnreadableException e) {
            return unavailable(server, "agent token: " + e.getMessage());
        }
        if (!AgentApi.TOKEN.matcher(token).matches()) {
            return unavailable(server, "agent token: credential '" + credential + "' does not hold an agent token"
                    + " (32 to 256 characters A-Z a-z 0-9 . _ ~ + / -)");
        }
        return new AgentHostBackend(server.getHostName(), server.getServiceName(), AgentConnection.to(
                AgentAddress.parse(agentAddress(server)), token, AgentConnection.Settings.defaults()));
    }

    private HostBackend rpc(ExchangeServer server) {
        WindowsAccount account;
        try {
            account = secrets.windowsAccount(Objects.requireNonNull(server.getCredentialName()));
        } catch (MissingCredentialException | SecretUnreadableException e) {
            return unavailable(server, "Windows account: " + e.getMessage());
        }
        return rpc.backend(RpcTarget.parse(address(server)),
                new RpcAccount(account.domain(), account.user(), account.password()), server.getServiceName());
    }

    private static HostBackend unavailable(ExchangeServer server, String why) {
        return new UnavailableHostBackend(server.getHostName(), server.getServiceName(), why);
    }

    /**
     * Simulated partners answer through the simulated Domino servers; a real partner with an agent on its host
     * through that agent; the others through the runbook (the operator runs the commands shown and confirms).
     */
    public DominoConsole domino(ExchangeServer server) {
        if (server.getBackendKind() == BackendKind.SIMULATED) {
            return simulated.dominoConsole(server);
        }
        return dominoReload(server).way() == DominoReload.Way.AGENT ? dominoAgent(server) : runbook;
    }

    /** Who reloads EXCALCON on the server's partner, from the server record alone (nothing is asked, no secret read). */
    public DominoReload dominoReload(ExchangeServer server) {
        String address = server.getDominoAgentAddress();
        if (server.getBackendKind() == BackendKind.SIMULATED) {
            return DominoReload.SIMULATED;
        }
        if (address == null) {
            return DominoReload.RUNBOOK;
        }
        return DominoReload.agent(AgentAddress.problem(address).isEmpty()
                ? AgentAddress.parse(address).baseUri().toString() : address.strip());
    }

    /**
     * Why the Domino agent of the server's partner cannot be used, from the server record alone: empty when it can
     * be tried (or the partner has none).
     */
    public Optional<PathProblem> dominoPathProblem(ExchangeServer server) {
        if (server.getBackendKind() == BackendKind.SIMULATED || server.getDominoAgentAddress() == null) {
            return Optional.empty();
        }
        return AgentAddress.problem(server.getDominoAgentAddress())
                .map(key -> PathProblem.of(key, "Domino agent address: " + key))
                .or(() -> server.getDominoCredentialName() == null
                        ? Optional.of(PathProblem.of("backend.path.noCredential",
                                "Domino agent token: the server names no credential"))
                        : Optional.empty());
    }

    private DominoConsole dominoAgent(ExchangeServer server) {
        Optional<PathProblem> problem = dominoPathProblem(server);
        if (problem.isPresent()) {
            return unavailableDomino(problem.get().detail());
        }
        String credential = Objects.requireNonNull(server.getDominoCredentialName());
        String token;
        try {
            token = secrets.agentToken(credential).value();
        } catch (MissingCredentialException | SecretUnreadableException e) {
            return unavailableDomino("Domino agent token: " + e.getMessage());
        }
        if (!AgentApi.TOKEN.matcher(token).matches()) {
            return unavailableDomino("Domino agent token: credential '" + credential
                    + "' does not hold an agent token");
        }
        return new AgentDominoConsole(AgentConnection.to(AgentAddress.parse(
                Objects.requireNonNull(server.getDominoAgentAddress())), token, AgentConnection.Settings.defaults()),
                DOMINO_COMMAND_TIMEOUT);
    }

    // a partner whose agent cannot be reached from its record: every send fails at once, naming why, and is not retried
    private static DominoConsole unavailableDomino(String why) {
        return (dominoServer, commands) -> DominoResult.failed(dominoServer,
                commands.stream().map(DominoCommand::commandLine).toList(), DominoFailure.INVALID_ARGUMENT, why);
    }

    private static String agentAddress(ExchangeServer server) {
        return server.getBackendAddress() == null ? "" : server.getBackendAddress();
    }

    /** The backend address; for the Windows paths the host name when none is given. */
    private static String address(ExchangeServer server) {
        String address = server.getBackendAddress();
        return address == null || address.isBlank() ? server.getHostName() : address.strip();
    }
}
