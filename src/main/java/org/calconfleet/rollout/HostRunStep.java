package org.calconfleet.rollout;

/**
 * One step of a host run. A step acts on the host and records how far it got; it returns after each record, and
 * the {@link HostRunExecutor} calls the step the run now stands at, until the run is finished.
 */
interface HostRunStep {

    /** The step of the run this carries on. */
    Step step();

    void carry(HostRunContext c);
}
