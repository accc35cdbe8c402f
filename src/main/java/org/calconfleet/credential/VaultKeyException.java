package org.calconfleet.credential;

/** The console cannot use the vault key: missing, malformed or not this database's. Stops the start-up. */
public class VaultKeyException extends IllegalStateException {

    VaultKeyException(String message) {
        super(message);
    }

    VaultKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
