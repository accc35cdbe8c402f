package org.calconfleet.fleet;

import java.util.List;

/** The server's values break one or more rules; nothing was stored. */
public class ServerRejectedException extends RuntimeException {

    private final List<ServerProblem> problems;

    public ServerRejectedException(List<ServerProblem> problems) {
        super("Server refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<ServerProblem> problems() {
        return problems;
    }
}
