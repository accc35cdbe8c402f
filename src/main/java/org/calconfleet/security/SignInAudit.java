package org.calconfleet.security;

import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.AuthenticationException;
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
                "user:" + event.getAuthentication().getName())
                .change(null, "from " + SignInManager.address(event.getAuthentication())));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        audit.record(AuditEvent.of(username, AuditAction.SIGN_IN_FAILED, "user:" + username)
                .change(null, "from " + SignInManager.address(event.getAuthentication()))
                .because(reason(event.getException())));
    }

    private static String reason(AuthenticationException failure) {
        String kind = failure.getClass().getSimpleName();
        return failure instanceof SignInRefusedException ? kind + ": " + failure.getMessage() : kind;
    }
}
