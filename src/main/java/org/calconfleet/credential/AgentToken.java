package org.calconfleet.credential;

/** A CalCon agent's bearer token for a backend to send. {@link #toString()} never shows it. */
public record AgentToken(String value) {

    @Override
    public String toString() {
        return "AgentToken[****]";
    }
}
