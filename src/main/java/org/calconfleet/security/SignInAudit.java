package org.calconfleet.security;

import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Every sign-in and every failed sign-in goes into the audit trail, with the address it came from. */
@Component
class SignInAudit {

    private final AuditTrail audit;

    SignInAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        audit.record(AuditEvent.of(event.getAuthentication().getName(), AuditAction.SIGN_IN,
                "user:" + event.getAuthentication().getName()).change(null, from(event.getAuthentication())));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(AuditEvent.of(username, AuditAction.SIGN_IN_FAILED, "user:" + username)
                .change(null, from(event.getAuthentication()))
                .because(event.getException().getClass().getSimpleName()));
    }

    private static String from(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? "from " + details.getRemoteAddress() : "from unknown address";
    }
}
