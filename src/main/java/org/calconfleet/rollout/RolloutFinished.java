package org.calconfleet.rollout;

import org.calconfleet.change.ChangeState;

/** Published after commit when a rollout reaches its end (DONE, FAILED or CANCELLED): where its outcome is decided. */
record RolloutFinished(long rolloutId, ChangeState state) {
}
