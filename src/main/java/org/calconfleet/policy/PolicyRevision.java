package org.calconfleet.policy;

import java.time.Instant;

/** The policy as stored: its version (to detect concurrent edits) and who changed it last, when. */
public record PolicyRevision(FleetPolicy policy, long version, Instant updatedAt, String updatedBy) {
}
