package org.calconfleet.api;

import org.calconfleet.common.CodedRefusal;

/** The resource a request names does not exist; answered as a 404 problem with the given message. */
public class NotFoundException extends CodedRefusal {

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
