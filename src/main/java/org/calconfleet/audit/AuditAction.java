package org.calconfleet.audit;

import java.util.Locale;

/** What happened. Stored by name, so a constant is never renamed once entries carry it. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SERVER_CREATED,
    SERVER_UPDATED,
    SERVER_DELETED,
    SERVERS_IMPORTED,
    POLICY_CHANGED,
    USER_CREATED,
    USER_CHANGED,
    PORT_CHANGE_REQUESTED,
    PORT_CHANGE_APPROVED,
    PORT_CHANGE_REJECTED,
    HOST_STEP,
    HOST_RUN_FINISHED,
    DRIFT_DETECTED,
    DOMINO_CONFIRMED,
    AUDIT_EXPORTED,
    AUDIT_VERIFIED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED,
    API_TOKEN_REFUSED,
    SIGN_IN_LOCKED,
    NOTIFICATION_SENT,
    NOTIFICATION_FAILED,
    ROLLOUT_LOGS_ARCHIVED,
    CREDENTIAL_CREATED,
    CREDENTIAL_ROTATED,
    CREDENTIAL_DELETED,
    AUDIT_CHECKPOINT_WRITTEN,
    POLICY_CHANGE_PROPOSED,
    POLICY_CHANGE_CONFIRMED,
    POLICY_CHANGE_REJECTED,
    FLEET_DISCOVERED;

    public String messageKey() {
        return "audit.action." + name().toLowerCase(Locale.ROOT);
    }
}
