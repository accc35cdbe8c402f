package org.calconfleet.backend;

import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.host.simulated.SimulatedHostBuilder;

/** Gives a simulated host traits the inventory does not record (faults, foreign listeners), as it is created. */
@FunctionalInterface
public interface SimulatedHostQuirks {

    void shape(ExchangeServer server, SimulatedHostBuilder host);

    /** Whether this Domino server has no agent, so that its commands go through the runbook. */
    default boolean dominoByRunbook(String dominoServer) {
        return false;
    }
}
