package org.calconfleet.agent;

import org.calconfleet.host.HostBackend;
import org.calconfleet.host.windows.WindowsHostBackend;

/**
 * This Windows machine: the JNA backend aimed at the local computer's name (registry, service control manager,
 * event log), plus the TCP listener table, which only a local caller can read.
 */
final class WindowsAgentHost implements AgentHost {

    private final String computerName;

    WindowsAgentHost(String computerName) {
        this.computerName = computerName;
    }

    @Override
    public String mode() {
        return "windows";
    }

    @Override
    public String hostName() {
        return computerName;
    }

    @Override
    public HostBackend backend(String serviceName) {
        return new LocalWindowsHostBackend(WindowsHostBackend.remote(computerName, serviceName), WindowsTcpTable::listeners);
    }
}
