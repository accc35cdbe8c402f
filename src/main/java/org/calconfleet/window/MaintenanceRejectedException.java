package org.calconfleet.window;

import org.calconfleet.common.CodedRefusal;

/** A window or freeze refused, with the message key (and its arguments) that says why. */
public class MaintenanceRejectedException extends CodedRefusal {

    /** The key of a refusal because the window or freeze does not exist (any more). */
    public static final String NOT_FOUND = "maintenance.notFound";

    MaintenanceRejectedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
