package org.calconfleet.change;

import java.util.Locale;
import org.calconfleet.i18n.StoredMessage;

/** Where a change request stands: DRAFT → PENDING_APPROVAL → APPROVED/REJECTED → SCHEDULED → RUNNING → DONE/FAILED/CANCELLED. */
public enum ChangeState {
    DRAFT, PENDING_APPROVAL, APPROVED, REJECTED, SCHEDULED, RUNNING, DONE, FAILED, CANCELLED;

    /** Approved and not finished: its hosts are claimed. */
    public boolean isActive() {
        return this == APPROVED || this == SCHEDULED || this == RUNNING;
    }

    public boolean isFinished() {
        return this == REJECTED || this == DONE || this == FAILED || this == CANCELLED;
    }

    /** The state as the audit trail keeps it: the label its screens show, rendered when read. */
    public String stored() {
        return StoredMessage.of(messageKey()).toJson();
    }

    public String messageKey() {
        return "rollout.change-state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
