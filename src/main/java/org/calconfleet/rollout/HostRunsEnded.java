package org.calconfleet.rollout;

/**
 * Published after commit when waiting hosts of a rollout are ended in bulk (cancelled, or skipped after a halt): they
 * end in one statement, without a {@link RolloutProgressEvent} each.
 */
record HostRunsEnded(long rolloutId, HostRunState state, int count) {
}
