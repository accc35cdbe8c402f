package org.calconfleet.host.agent;

/**
 * A JSON document or field that does not follow the agent protocol: {@link #malformed()} when it is not JSON
 * at all, otherwise the field (as a JSON pointer-like path) and what is wrong with it.
 */
public final class WireException extends RuntimeException {

    private final String field;
    private final String problem;
    private final boolean malformed;

    private WireException(String field, String problem, boolean malformed) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
        this.problem = problem;
        this.malformed = malformed;
    }

    public static WireException malformed(String problem) {
        return new WireException("", problem, true);
    }

    public static WireException invalid(String field, String problem) {
        return new WireException(field, problem, false);
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    public boolean malformed() {
        return malformed;
    }
}
