package org.calconfleet.host.agent;

import org.calconfleet.agent.AgentProcess;
import org.calconfleet.agent.SharedAgent;
import org.calconfleet.host.HostBackendContract;
import org.calconfleet.host.HostSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract against a real agent: a separate JVM serving a simulated host over HTTPS, reached through
 * {@link AgentHostBackend} with the pinned certificate and the token; each test gets a fresh host through the
 * admin channel. The agent's host clock runs ten times real time, so the contract's waits stay short.
 */
@ExtendWith(SharedAgent.class)
class AgentHostBackendContractTest extends HostBackendContract {

    private static AgentConnection connection;
    private static AgentArrangement arrangement;

    @BeforeAll
    static void connect(AgentProcess agent) {
        connection = agent.connect(AgentProcess.quickSettings());
        arrangement = new AgentArrangement(connection);
    }

    @AfterAll
    static void disconnect() {
        connection.close();
    }

    @Override
    protected Fixture newHost(HostSetup setup) {
        arrangement.reset(setup);
        return new Fixture(new AgentHostBackend(setup.hostName(), setup.serviceName(), connection), arrangement);
    }
}
