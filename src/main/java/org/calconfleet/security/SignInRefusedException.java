package org.calconfleet.security;

import java.util.List;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused for a reason the person may be told (locked for a while, no role in the console), as a message
 * key of the sign-in page; the exception's own message is the reason written to the audit trail.
 */
public class SignInRefusedException extends AuthenticationException {

    private final String messageKey;
    private final List<Object> arguments;

    SignInRefusedException(String messageKey, String auditReason, Object... arguments) {
        super(auditReason);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
