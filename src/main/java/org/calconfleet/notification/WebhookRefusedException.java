package org.calconfleet.notification;

import org.calconfleet.common.CodedRefusal;

/** Webhook settings that were not stored, with the message key (and its arguments) saying why. */
public class WebhookRefusedException extends CodedRefusal {

    WebhookRefusedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
