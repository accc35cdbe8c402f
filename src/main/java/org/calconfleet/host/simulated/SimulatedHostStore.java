package org.calconfleet.host.simulated;

import java.util.Optional;

/**
 * Where simulated hosts keep their state, so that a host outlives the process that simulates it as a real host
 * outlives a console restart. A host saves its whole state after every change, under its own monitor.
 */
public interface SimulatedHostStore {

    /** Keeps nothing: the hosts live as long as the process (unit tests, arranged hosts). */
    SimulatedHostStore NONE = new SimulatedHostStore() {
        @Override
        public Optional<SimulatedHostState> load(String hostName) {
            return Optional.empty();
        }

        @Override
        public void save(SimulatedHostState state) {
        }
    };

    /** The state last saved for the host (host names compare without case), empty if none was. */
    Optional<SimulatedHostState> load(String hostName);

    /** Replaces the host's saved state as one step: a reader sees the old state or the new, never a mix. */
    void save(SimulatedHostState state);
}
