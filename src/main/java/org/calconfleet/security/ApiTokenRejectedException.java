package org.calconfleet.security;

/** A token could not be made as asked (no name, an expiry in the past); nothing was stored. */
public class ApiTokenRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    ApiTokenRejectedException(String field, String messageKey) {
        super("API token refused: " + field + " " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
