package org.calconfleet.policy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A loosening edit waiting for a second administrator: the policy proposed, what it changes against the policy in
 * force and which of those changes loosen it, who proposed it, when and why.
 */
public record PendingPolicyChange(long id, FleetPolicy policy, List<PolicyChange> changes, Set<PolicyField> loosenings,
                                  String proposedBy, Instant proposedAt, String reason) {

    public PendingPolicyChange {
        changes = List.copyOf(changes);
        loosenings = Set.copyOf(loosenings);
    }
}
