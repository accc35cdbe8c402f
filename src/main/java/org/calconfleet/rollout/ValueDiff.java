package org.calconfleet.rollout;

/** One value as it is and as it will be, like a check-mode diff: the registry values, the service, EXCALCON. */
public record ValueDiff(String name, String before, String after, boolean changes) {

    public static ValueDiff of(String name, String before, String after) {
        return new ValueDiff(name, before, after, !before.equals(after));
    }

    @Override
    public String toString() {
        return name + ": " + before + (changes ? " → " + after : " (unchanged)");
    }
}
