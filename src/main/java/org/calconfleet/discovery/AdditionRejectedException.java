package org.calconfleet.discovery;

import java.util.List;
import org.calconfleet.fleet.ServerProblem;

/** A picked server could not be added, so none was: which one, and the fleet's reasons (field by field). */
public class AdditionRejectedException extends RuntimeException {

    private final String hostName;
    private final List<ServerProblem> problems;

    AdditionRejectedException(String hostName, List<ServerProblem> problems) {
        super("Not added: " + hostName + " " + problems);
        this.hostName = hostName;
        this.problems = List.copyOf(problems);
    }

    public String hostName() {
        return hostName;
    }

    public List<ServerProblem> problems() {
        return problems;
    }
}
