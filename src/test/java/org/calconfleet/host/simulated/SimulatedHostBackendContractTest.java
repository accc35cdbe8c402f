package org.calconfleet.host.simulated;

import org.calconfleet.host.HostBackendContract;
import org.calconfleet.host.HostSetup;
import org.calconfleet.host.ManualTime;

/** The contract against the simulated host on a manual clock: every wait is instant. */
class SimulatedHostBackendContractTest extends HostBackendContract {

    @Override
    protected Fixture newHost(HostSetup setup) {
        SimulatedWindowsHost host = SimulatedArrangement.build(setup, new ManualTime());
        return new Fixture(new SimulatedHostBackend(host, setup.serviceName()), new SimulatedArrangement(host));
    }
}
