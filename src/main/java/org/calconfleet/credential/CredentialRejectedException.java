package org.calconfleet.credential;

import java.util.List;

/** The request breaks one or more rules; nothing was stored. The message never carries a secret. */
public class CredentialRejectedException extends RuntimeException {

    private final List<CredentialProblem> problems;

    CredentialRejectedException(List<CredentialProblem> problems) {
        super("Credential refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    CredentialRejectedException(CredentialProblem problem) {
        this(List.of(problem));
    }

    public List<CredentialProblem> problems() {
        return problems;
    }
}
