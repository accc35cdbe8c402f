package org.calconfleet.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.Done;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.TcpProbe;

/**
 * The JNA backend on its own machine: everything as {@link org.calconfleet.host.windows.WindowsHostBackend} does
 * it, except the TCP listener table, which a remote caller cannot read and the agent reads locally.
 */
final class LocalWindowsHostBackend implements HostBackend {

    private final HostBackend windows;
    private final Supplier<HostResult<List<TcpListener>>> listeners;

    LocalWindowsHostBackend(HostBackend windows, Supplier<HostResult<List<TcpListener>>> listeners) {
        this.windows = windows;
        this.listeners = listeners;
    }

    @Override
    public String hostName() {
        return windows.hostName();
    }

    @Override
    public String serviceName() {
        return windows.serviceName();
    }

    @Override
    public HostResult<CalConPorts> readCalConPorts() {
        return windows.readCalConPorts();
    }

    @Override
    public HostResult<Done> writeCalConPorts(int exchangeSidePort, int notesSidePort) {
        return windows.writeCalConPorts(exchangeSidePort, notesSidePort);
    }

    @Override
    public HostResult<Done> restoreCalConPorts(CalConPorts previous) {
        return windows.restoreCalConPorts(previous);
    }

    @Override
    public HostResult<ServiceState> queryServiceState() {
        return windows.queryServiceState();
    }

    @Override
    public HostResult<String> findServiceName(String displayName) {
        return windows.findServiceName(displayName);
    }

    @Override
    public HostResult<ServiceState> stopService(Duration timeout) {
        return windows.stopService(timeout);
    }

    @Override
    public HostResult<ServiceState> startService(Duration timeout) {
        return windows.startService(timeout);
    }

    @Override
    public HostResult<List<HostEvent>> readCalConEvents(Instant since) {
        return windows.readCalConEvents(since);
    }

    @Override
    public HostResult<DiagnosticLevel> readDiagnosticLevel() {
        return windows.readDiagnosticLevel();
    }

    @Override
    public HostResult<List<TcpListener>> listTcpListeners() {
        return listeners.get();
    }

    @Override
    public HostResult<TcpProbe> probeTcpPort(int port, Duration timeout) {
        return windows.probeTcpPort(port, timeout);
    }
}
