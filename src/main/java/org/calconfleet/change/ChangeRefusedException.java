package org.calconfleet.change;

import java.util.Arrays;
import org.calconfleet.i18n.StoredMessage;

/**
 * A change request operation was refused (e.g. approving one's own change); nothing was stored. Why is a message
 * with typed arguments, rendered in the reader's language where it is shown.
 */
public class ChangeRefusedException extends RuntimeException {

    private final StoredMessage refusal;

    /** A change state is shown by its label, a typed argument as it is, anything else (ids, host names) as it reads. */
    public ChangeRefusedException(String messageKey, Object... arguments) {
        this(StoredMessage.of(messageKey,
                Arrays.stream(arguments).map(ChangeRefusedException::typed).toArray(StoredMessage.Argument[]::new)));
    }

    private ChangeRefusedException(StoredMessage refusal) {
        super(refusal.toJson());
        this.refusal = refusal;
    }

    public String messageKey() {
        return refusal.code();
    }

    public StoredMessage refusal() {
        return refusal;
    }

    private static StoredMessage.Argument typed(Object argument) {
        return switch (argument) {
            case null -> StoredMessage.verbatim(null);
            case StoredMessage.Argument typed -> typed;
            case ChangeState state -> new StoredMessage.Choice(state.messageKey());
            default -> StoredMessage.verbatim(argument);
        };
    }
}
