package org.calconfleet.backend;

import java.util.List;
import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;

/** The Domino console of a backend kind this build cannot serve: refuses every send, not retryable, sends nothing. */
public final class UnavailableDominoConsole implements DominoConsole {

    private final String why;

    public UnavailableDominoConsole(String why) {
        this.why = why;
    }

    @Override
    public DominoResult send(String dominoServer, List<DominoCommand> commands) {
        return new DominoResult.Failed(dominoServer, commands.stream().map(DominoCommand::commandLine).toList(),
                DominoFailure.FAILED, why, false);
    }
}
