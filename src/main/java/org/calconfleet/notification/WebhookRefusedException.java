package org.calconfleet.notification;

import java.util.List;

/** Webhook settings that were not stored, with the message key (and its arguments) saying why. */
public class WebhookRefusedException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    WebhookRefusedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
