package org.calconfleet.domino;

import java.util.List;
import java.util.Optional;

/**
 * The console of the Domino servers of the fleet: sends the procedure's commands to one server, in order,
 * stopping at the first that fails. Synchronous; invalid names or ports are refused before anything is sent.
 */
public interface DominoConsole {

    DominoResult send(String dominoServer, List<DominoCommand> commands);

    /**
     * {@link #send(String, List)} under a name that stays the same when an execution resumes the step: a console
     * that can tell a repeat apart (the agent remembers the requests it carried out) answers a repeated id with its
     * first answer instead of sending the commands again. The runbook asks the operator, who sees what was typed.
     */
    default DominoResult send(String dominoServer, List<DominoCommand> commands, String requestId) {
        return send(dominoServer, commands);
    }

    default DominoResult quitExcalcon(String dominoServer) {
        return send(dominoServer, List.of(DominoCommand.quit()));
    }

    default DominoResult loadExcalcon(String dominoServer, DominoCommand.LoadExcalcon load) {
        return send(dominoServer, List.of(load));
    }

    /** Steps 5 and 6 together: quit the running task, load it with the new ports. */
    default DominoResult reloadExcalcon(String dominoServer, DominoCommand.LoadExcalcon load) {
        return send(dominoServer, List.of(DominoCommand.quit(), load));
    }

    /** The refusal for a server name or commands that may not be sent, or empty: for adapters to call first. */
    static Optional<DominoResult.Failed> refuse(String dominoServer, List<DominoCommand> commands) {
        List<String> lines = commands.stream().map(DominoCommand::commandLine).toList();
        if (commands.isEmpty()) {
            return Optional.of(DominoResult.failed(dominoServer, lines, DominoFailure.INVALID_ARGUMENT, "no commands"));
        }
        Optional<String> problem = DominoCommand.refusalsForServer(dominoServer).stream().findFirst()
                .map(DominoCommand::describe)
                .or(() -> commands.stream().map(DominoCommand::problem).flatMap(Optional::stream).findFirst());
        return problem.map(p -> DominoResult.failed(dominoServer, lines, DominoFailure.INVALID_ARGUMENT, p));
    }
}
