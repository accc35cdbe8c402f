package org.calconfleet.rollout;

import java.util.Map;

/** How many hosts of a rollout are in each state. */
public record RolloutCounts(int total, int pending, int running, int awaitingConfirmation, int done,
                            int unverifiable, int noChange, int skipped, int failed, int rolledBack,
                            int needsAttention, int cancelled) {

    static RolloutCounts of(Map<HostRunState, Integer> byState, int unverifiable) {
        int total = byState.values().stream().mapToInt(Integer::intValue).sum();
        return new RolloutCounts(total, get(byState, HostRunState.PENDING), get(byState, HostRunState.RUNNING),
                get(byState, HostRunState.AWAITING_CONFIRMATION), get(byState, HostRunState.DONE), unverifiable,
                get(byState, HostRunState.NO_CHANGE), get(byState, HostRunState.SKIPPED),
                get(byState, HostRunState.FAILED), get(byState, HostRunState.ROLLED_BACK),
                get(byState, HostRunState.NEEDS_ATTENTION), get(byState, HostRunState.CANCELLED));
    }

    private static int get(Map<HostRunState, Integer> byState, HostRunState state) {
        return byState.getOrDefault(state, 0);
    }

    /** Not finished yet: waiting, running or awaiting an operator. */
    public int unfinished() {
        return pending + running + awaitingConfirmation;
    }

    public int failures() {
        return failed + rolledBack + needsAttention;
    }
}
