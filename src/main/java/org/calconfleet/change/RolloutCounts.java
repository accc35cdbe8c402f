package org.calconfleet.change;

/** How many hosts of a rollout are in each state. */
public record RolloutCounts(int total, int pending, int running, int awaitingConfirmation, int done,
                            int unverifiable, int noChange, int skipped, int failed, int rolledBack,
                            int needsAttention, int cancelled) {

    /** A change with no host run yet. */
    public static final RolloutCounts NONE = new RolloutCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Not finished yet: waiting, running or awaiting an operator. */
    public int unfinished() {
        return pending + running + awaitingConfirmation;
    }

    public int failures() {
        return failed + rolledBack + needsAttention;
    }
}
