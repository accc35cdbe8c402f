package org.calconfleet.agent;

import org.calconfleet.host.HostBackend;

/** The host this agent acts on: a backend per service name (the connector's name is a per-server setting). */
interface AgentHost {

    /** {@code windows} or {@code simulated}, for the log and {@code GET /v1/agent}. */
    String mode();

    String hostName();

    HostBackend backend(String serviceName);
}
