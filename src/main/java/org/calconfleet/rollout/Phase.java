package org.calconfleet.rollout;

/**
 * How far a step got, recorded before each action on the host: NONE (not begun), STARTED (about to act),
 * STOPPING (about to send the stop), STARTING (stopped; about to send the start), VERIFYING (restarted; about to
 * check). A step found in a phase other than NONE on resume checks the host before it acts.
 */
public enum Phase {
    NONE, STARTED, STOPPING, STARTING, VERIFYING
}
