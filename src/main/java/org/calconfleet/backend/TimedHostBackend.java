package org.calconfleet.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.Done;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.TcpProbe;

/**
 * A host backend whose every call is timed ({@link BackendCallTimers}), whatever the adapter behind it; the result
 * is passed on unchanged. A call that throws (a programming error) is timed with the outcome {@code exception}.
 */
final class TimedHostBackend implements HostBackend {

    private final HostBackend adapter;
    private final BackendKind kind;
    private final BackendCallTimers timers;

    TimedHostBackend(HostBackend adapter, BackendKind kind, BackendCallTimers timers) {
        this.adapter = adapter;
        this.kind = kind;
        this.timers = timers;
    }

    private <T> HostResult<T> timed(HostOperation operation, Supplier<HostResult<T>> call) {
        long start = System.nanoTime();
        String outcome = "exception";
        try {
            HostResult<T> result = call.get();
            outcome = result.failure().map(f -> BackendCallTimers.lower(f.kind().name())).orElse(BackendCallTimers.OK);
            return result;
        } finally {
            timers.timer(kind, operation, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public String hostName() {
        return adapter.hostName();
    }

    @Override
    public String serviceName() {
        return adapter.serviceName();
    }

    @Override
    public HostResult<CalConPorts> readCalConPorts() {
        return timed(HostOperation.READ_CALCON_PORTS, adapter::readCalConPorts);
    }

    @Override
    public HostResult<Done> writeCalConPorts(int exchangeSidePort, int notesSidePort) {
        return timed(HostOperation.WRITE_CALCON_PORTS, () -> adapter.writeCalConPorts(exchangeSidePort, notesSidePort));
    }

    @Override
    public HostResult<Done> restoreCalConPorts(CalConPorts previous) {
        return timed(HostOperation.RESTORE_CALCON_PORTS, () -> adapter.restoreCalConPorts(previous));
    }

    @Override
    public HostResult<ServiceState> queryServiceState() {
        return timed(HostOperation.QUERY_SERVICE, adapter::queryServiceState);
    }

    @Override
    public HostResult<String> findServiceName(String displayName) {
        return timed(HostOperation.FIND_SERVICE, () -> adapter.findServiceName(displayName));
    }

    @Override
    public HostResult<ServiceState> stopService(Duration timeout) {
        return timed(HostOperation.STOP_SERVICE, () -> adapter.stopService(timeout));
    }

    @Override
    public HostResult<ServiceState> startService(Duration timeout) {
        return timed(HostOperation.START_SERVICE, () -> adapter.startService(timeout));
    }

    @Override
    public HostResult<List<HostEvent>> readCalConEvents(Instant since) {
        return timed(HostOperation.READ_EVENTS, () -> adapter.readCalConEvents(since));
    }

    @Override
    public HostResult<DiagnosticLevel> readDiagnosticLevel() {
        return timed(HostOperation.READ_DIAGNOSTIC_LEVEL, adapter::readDiagnosticLevel);
    }

    @Override
    public HostResult<List<TcpListener>> listTcpListeners() {
        return timed(HostOperation.LIST_TCP_LISTENERS, adapter::listTcpListeners);
    }

    @Override
    public HostResult<TcpProbe> probeTcpPort(int port, Duration timeout) {
        return timed(HostOperation.PROBE_TCP_PORT, () -> adapter.probeTcpPort(port, timeout));
    }
}
