package org.calconfleet.agent;

/** Tokens for tests in other packages (the generator is the agent's own). */
public final class AgentProcessTokens {

    private AgentProcessTokens() {
    }

    /** A well-formed token that is not the agent's. */
    public static String another() {
        return AgentToken.generate();
    }
}
