package org.calconfleet.credential;

/** A stored secret does not open: wrong key, or its bytes or its row were altered. Never carries the secret. */
public class SecretUnreadableException extends IllegalStateException {

    SecretUnreadableException(String message) {
        super(message);
    }
}
