package org.calconfleet.rollout;

import java.util.Locale;

/** One check of a host before anything runs, with what was found. */
public record Precheck(Check check, Status status, String detail) {

    public enum Check {
        REACHABLE, VALUE_TYPE, SERVICE_PRESENT, DIAGNOSTICS_HIGH, PORT_FREE, POLICY, CONNECTOR_CAN_PIN, DOMINO_COMMANDS, FIREWALL,
        NOT_IN_ACTIVE_CHANGE;

        public String messageKey() {
            return "rollout.check." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** FAIL blocks the host; WARN lets it run (e.g. logging below High makes it unverifiable). */
    public enum Status {
        PASS, WARN, FAIL
    }

    public static Precheck pass(Check check, String detail) {
        return new Precheck(check, Status.PASS, detail);
    }

    public static Precheck warn(Check check, String detail) {
        return new Precheck(check, Status.WARN, detail);
    }

    public static Precheck fail(Check check, String detail) {
        return new Precheck(check, Status.FAIL, detail);
    }

    @Override
    public String toString() {
        return check + " " + status + (detail.isEmpty() ? "" : ": " + detail);
    }
}
