package org.calconfleet.agent;

import java.util.concurrent.atomic.AtomicReference;

import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.simulated.SimulatedHostBackend;
import org.calconfleet.host.simulated.SimulatedWindowsHost;

/** A simulated host behind the agent (on machines that are not Windows); the admin channel may replace it. */
final class SimulatedAgentHost implements AgentHost {

    private final HostTime time;
    private final AtomicReference<SimulatedWindowsHost> host;

    SimulatedAgentHost(String hostName, HostTime time) {
        this.time = time;
        this.host = new AtomicReference<>(SimulatedWindowsHost.builder(hostName).time(time).build());
    }

    @Override
    public String mode() {
        return "simulated";
    }

    @Override
    public String hostName() {
        return host.get().hostName();
    }

    @Override
    public HostBackend backend(String serviceName) {
        return new SimulatedHostBackend(host.get(), serviceName);
    }

    HostTime time() {
        return time;
    }

    SimulatedWindowsHost current() {
        return host.get();
    }

    void replace(SimulatedWindowsHost fresh) {
        host.set(fresh);
    }
}
