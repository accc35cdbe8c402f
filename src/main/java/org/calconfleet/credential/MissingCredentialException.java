package org.calconfleet.credential;

/** A backend asked for a credential that is not there, or not of the kind it needs. The message says which. */
public class MissingCredentialException extends RuntimeException {

    public MissingCredentialException(String message) {
        super(message);
    }
}
