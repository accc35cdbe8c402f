package org.calconfleet.policy;

import org.jspecify.annotations.Nullable;

/**
 * What an edit of the policy did: the policy in force afterwards, and the proposal the edit became when it loosens
 * the policy (then the policy in force is the one before the edit).
 */
public record PolicyUpdate(PolicyRevision inForce, @Nullable PendingPolicyChange proposal) {

    public boolean waitsForSecondAdministrator() {
        return proposal != null;
    }
}
