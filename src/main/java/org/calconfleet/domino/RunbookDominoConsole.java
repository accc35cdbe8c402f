package org.calconfleet.domino;

import java.util.List;

/**
 * The manual Domino adapter: sends nothing and answers "awaiting operator confirmation" with the exact
 * command lines, for the console to show and for an operator to type on the Domino server console and
 * confirm. The confirmation itself (who, when, recorded) is kept by the change feature.
 */
public final class RunbookDominoConsole implements DominoConsole {

    @Override
    public DominoResult send(String dominoServer, List<DominoCommand> commands) {
        return DominoConsole.refuse(dominoServer, commands)
                .<DominoResult>map(f -> f)
                .orElseGet(() -> new DominoResult.AwaitingConfirmation(dominoServer,
                        commands.stream().map(DominoCommand::commandLine).toList()));
    }
}
