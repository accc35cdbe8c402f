package org.calconfleet.domino.agent;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentConnection;
import org.calconfleet.host.agent.AgentProblem;
import org.calconfleet.host.agent.WireException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@link DominoConsole} through the CalCon agent on the Domino host, which runs the server program's {@code -c}
 * option there. Commands are refused here first by the same rules the agent applies; they are sent once, never
 * retried (a quit or a load is not idempotent). A named request that the agent already carried out is answered
 * from the agent's memory, so a step resumed on another console node does not reload EXCALCON twice.
 */
public final class AgentDominoConsole implements DominoConsole {

    private final AgentConnection agent;
    private final Duration commandTimeout;

    /**
     * @param commandTimeout how long the agent may take per command (its own {@code calcon.agent.domino.timeout}
     *                       should not be longer)
     */
    public AgentDominoConsole(AgentConnection agent, Duration commandTimeout) {
        this.agent = agent;
        this.commandTimeout = commandTimeout;
    }

    @Override
    public DominoResult send(String dominoServer, List<DominoCommand> commands) {
        return request(dominoServer, commands, null);
    }

    @Override
    public DominoResult send(String dominoServer, List<DominoCommand> commands, String requestId) {
        return request(dominoServer, commands, requestId);
    }

    private DominoResult request(String dominoServer, List<DominoCommand> commands, @Nullable String requestId) {
        Optional<DominoResult.Failed> refused = DominoConsole.refuse(dominoServer, commands);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<String> lines = commands.stream().map(DominoCommand::commandLine).toList();
        HostResult<JsonNode> answer = agent.change("POST", AgentApi.DOMINO_COMMANDS,
                DominoWire.request(dominoServer, commands, requestId), commandTimeout.multipliedBy(commands.size()));
        return switch (answer) {
            case HostResult.Ok<JsonNode> ok -> {
                try {
                    yield DominoWire.result(ok.value());
                } catch (WireException e) {
                    yield DominoResult.failed(dominoServer, lines, DominoFailure.FAILED,
                            AgentProblem.UNREADABLE_ANSWER.text() + ": " + e.getMessage());
                }
            }
            case HostResult.Failure<JsonNode> f -> new DominoResult.Failed(dominoServer, lines, kind(f), f.detail(),
                    f.retryable());
        };
    }

    private static DominoFailure kind(HostResult.Failure<?> failure) {
        return switch (failure.kind()) {
            case UNREACHABLE -> DominoFailure.UNREACHABLE;
            case ACCESS_DENIED, LOGON_FAILURE -> DominoFailure.ACCESS_DENIED;
            case TIMED_OUT -> DominoFailure.TIMED_OUT;
            case UNSUPPORTED, NOT_FOUND -> DominoFailure.NOT_FOUND;
            default -> DominoFailure.FAILED;
        };
    }
}
