package org.calconfleet.security;

import java.util.List;
import java.util.Optional;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused for a reason the person may be told (locked for a while, no role in the console), as a message
 * key of the sign-in page; the audit reason says more, for the audit trail (the exception's own message is its code).
 */
public class SignInRefusedException extends AuthenticationException {

    private final String messageKey;
    private final List<Object> arguments;
    private final StoredMessage auditReason;
    private @Nullable String username;

    SignInRefusedException(String messageKey, StoredMessage auditReason, Object... arguments) {
        super(auditReason.code());
        this.messageKey = messageKey;
        this.auditReason = auditReason;
        this.arguments = List.of(arguments);
    }

    StoredMessage auditReason() {
        return auditReason;
    }

    /** Names whom a refusal concerns when the attempt names nobody (single sign-on: the provider named them). */
    SignInRefusedException concerning(String refusedUser) {
        this.username = refusedUser;
        return this;
    }

    Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
