package org.calconfleet.rollout;

import org.jspecify.annotations.Nullable;

/**
 * Published after each committed step of a rollout (and after its own state changes), on the thread that made
 * the step: listeners must hand work to their UI (e.g. {@code ui.access}) and return quickly. {@code hostRunId}
 * is null when the rollout itself changed (started, admitted a wave, finished).
 */
public record RolloutProgressEvent(long rolloutId, @Nullable Long hostRunId, @Nullable String hostName,
                                   @Nullable HostRunState state, @Nullable Step step) {

    static RolloutProgressEvent ofRollout(long rolloutId) {
        return new RolloutProgressEvent(rolloutId, null, null, null, null);
    }
}
