package org.calconfleet.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.Done;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.TcpProbe;

/**
 * The backend of a server whose backend kind this build cannot serve (the agent client is built elsewhere and
 * wired at merge): every call answers UNSUPPORTED, not retryable, naming why. Nothing is touched.
 */
public final class UnavailableHostBackend implements HostBackend {

    private final String hostName;
    private final String serviceName;
    private final String why;

    public UnavailableHostBackend(String hostName, String serviceName, String why) {
        this.hostName = hostName;
        this.serviceName = serviceName;
        this.why = why;
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    private <T> HostResult<T> unsupported() {
        return HostResult.failure(HostFailure.UNSUPPORTED, why + " (" + hostName + ")");
    }

    @Override
    public HostResult<CalConPorts> readCalConPorts() {
        return unsupported();
    }

    @Override
    public HostResult<Done> writeCalConPorts(int exchangeSidePort, int notesSidePort) {
        return unsupported();
    }

    @Override
    public HostResult<Done> restoreCalConPorts(CalConPorts previous) {
        return unsupported();
    }

    @Override
    public HostResult<ServiceState> queryServiceState() {
        return unsupported();
    }

    @Override
    public HostResult<String> findServiceName(String displayName) {
        return unsupported();
    }

    @Override
    public HostResult<ServiceState> stopService(Duration timeout) {
        return unsupported();
    }

    @Override
    public HostResult<ServiceState> startService(Duration timeout) {
        return unsupported();
    }

    @Override
    public HostResult<List<HostEvent>> readCalConEvents(Instant since) {
        return unsupported();
    }

    @Override
    public HostResult<DiagnosticLevel> readDiagnosticLevel() {
        return unsupported();
    }

    @Override
    public HostResult<List<TcpListener>> listTcpListeners() {
        return unsupported();
    }

    @Override
    public HostResult<TcpProbe> probeTcpPort(int port, Duration timeout) {
        return unsupported();
    }
}
