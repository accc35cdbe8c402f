package org.calconfleet.change;

import java.util.Locale;
import org.calconfleet.i18n.StoredMessage;

/** One check of a host before anything runs, with what was found, said as a message rendered when read. */
public record Precheck(Check check, Status status, StoredMessage detail) {

    public enum Check {
        REACHABLE, VALUE_TYPE, SERVICE_PRESENT, DIAGNOSTICS_HIGH, PORT_FREE, POLICY, CONNECTOR_CAN_PIN, DOMINO_COMMANDS, FIREWALL,
        NOT_IN_ACTIVE_CHANGE;

        public String messageKey() {
            return "rollout.check." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** FAIL blocks the host; WARN lets it run (e.g. logging below High makes it unverifiable). */
    public enum Status {
        PASS, WARN, FAIL;

        public String messageKey() {
            return "rollout.check-status." + name().toLowerCase(Locale.ROOT);
        }
    }

    public static Precheck pass(Check check, String code, StoredMessage.Argument... arguments) {
        return new Precheck(check, Status.PASS, StoredMessage.of(code, arguments));
    }

    public static Precheck warn(Check check, String code, StoredMessage.Argument... arguments) {
        return new Precheck(check, Status.WARN, StoredMessage.of(code, arguments));
    }

    public static Precheck fail(Check check, String code, StoredMessage.Argument... arguments) {
        return fail(check, StoredMessage.of(code, arguments));
    }

    public static Precheck fail(Check check, StoredMessage detail) {
        return new Precheck(check, Status.FAIL, detail);
    }

    /** The check, its outcome and what was found, as one line of a host run's plan or of why it was blocked. */
    public StoredMessage line() {
        return StoredMessage.of("rollout.precheck.line", new StoredMessage.Choice(check.messageKey()),
                new StoredMessage.Choice(status.messageKey()), StoredMessage.inner(detail));
    }
}
