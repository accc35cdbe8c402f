package org.calconfleet.security;

import java.util.Objects;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Every sign-in goes into the audit trail with the address it came from; failed sign-ins are counted per address
 * ({@link RefusalTally}): the first of a window at once, the others in one entry when the window ends.
 */
@Component
class SignInAudit {

    private final AuditTrail audit;
    private final RefusalTally refusals;

    SignInAudit(AuditTrail audit, RefusalTally refusals) {
        this.audit = audit;
        this.refusals = refusals;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        audit.record(AuditEvent.of(event.getAuthentication().getName(), AuditAction.SIGN_IN,
                AuditSubject.user(event.getAuthentication().getName()))
                .change(null, from(SignInManager.address(event.getAuthentication()))));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = attemptedName(event);
        String address = SignInManager.address(event.getAuthentication());
        refusals.refused(RefusalTally.Kind.SIGN_IN, address,
                username + " " + event.getException().getClass().getSimpleName(),
                AuditEvent.of(username, AuditAction.SIGN_IN_FAILED, AuditSubject.user(username))
                        .change(null, from(address)).because(reason(event.getException())));
    }

    private static StoredMessage from(String address) {
        return StoredMessage.of("security.value.from", StoredMessage.verbatim(address));
    }

    /** A single sign-on attempt names nobody until the provider's answer is checked. */
    private static String attemptedName(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof SignInRefusedException refused && refused.username().isPresent()) {
            return refused.username().get();
        }
        return event.getAuthentication() instanceof OAuth2LoginAuthenticationToken ? UserService.SSO_ACTOR
                : event.getAuthentication().getName();
    }

    /** The provider's error code and description are its own words, kept as it sent them. */
    private static StoredMessage reason(AuthenticationException failure) {
        return switch (failure) {
            case SignInRefusedException refused -> refused.auditReason();
            case OAuth2AuthenticationException provider -> StoredMessage.of("security.reason.provider",
                    StoredMessage.verbatim(provider.getError().getErrorCode()),
                    StoredMessage.verbatim(Objects.requireNonNullElse(provider.getError().getDescription(), "")));
            default -> StoredMessage.of("security.reason.failure", StoredMessage.verbatim(
                    failure.getClass().getSimpleName()));
        };
    }
}
