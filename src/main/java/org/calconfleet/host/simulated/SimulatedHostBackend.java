package org.calconfleet.host.simulated;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.Done;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.TcpProbe;
import org.calconfleet.host.WindowsErrors;
import org.jspecify.annotations.Nullable;

/**
 * {@link HostBackend} over a {@link SimulatedWindowsHost}. Every call first passes the host's admission
 * (latency, injected faults); service waits sleep through the host's {@link org.calconfleet.host.HostTime}
 * on the calling thread, exactly until the pending state ends or the time-out is due (see the host's
 * javadoc on time).
 */
public final class SimulatedHostBackend implements HostBackend {

    private final SimulatedWindowsHost host;
    private final String serviceName;

    public SimulatedHostBackend(SimulatedWindowsHost host) {
        this(host, CalConRegistry.DEFAULT_SERVICE_NAME);
    }

    public SimulatedHostBackend(SimulatedWindowsHost host, String serviceName) {
        this.host = host;
        this.serviceName = serviceName;
    }

    public SimulatedWindowsHost host() {
        return host;
    }

    @Override
    public String hostName() {
        return host.hostName();
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public HostResult<CalConPorts> readCalConPorts() {
        return call(HostOperation.READ_CALCON_PORTS, () -> HostResult.ok(new CalConPorts(
                read(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE),
                read(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE))));
    }

    @Override
    public HostResult<Done> writeCalConPorts(int exchangeSidePort, int notesSidePort) {
        requirePort(exchangeSidePort);
        requirePort(notesSidePort);
        return call(HostOperation.WRITE_CALCON_PORTS, () -> {
            host.writeCalConPorts(exchangeSidePort, notesSidePort);
            return HostResult.done();
        });
    }

    @Override
    public HostResult<Done> restoreCalConPorts(CalConPorts previous) {
        return call(HostOperation.RESTORE_CALCON_PORTS, () -> {
            if (unrestorable(previous.exchangeSide()) || unrestorable(previous.notesSide())) {
                return HostResult.failure(HostFailure.WRONG_VALUE_TYPE,
                        "cannot restore a value whose data was not kept: " + previous);
            }
            host.restoreCalConPorts(value(previous.exchangeSide()), value(previous.notesSide()));
            return HostResult.done();
        });
    }

    @Override
    public HostResult<ServiceState> queryServiceState() {
        return call(HostOperation.QUERY_SERVICE, () -> HostResult.ok(host.serviceStatus(serviceName).state()));
    }

    @Override
    public HostResult<String> findServiceName(String displayName) {
        return call(HostOperation.FIND_SERVICE, () -> host.serviceNameForDisplayName(displayName)
                .<HostResult<String>>map(HostResult::ok)
                .orElseGet(() -> HostResult.failure(HostFailure.NOT_FOUND,
                        "no service with display name '" + displayName + "' on " + hostName())));
    }

    @Override
    public HostResult<ServiceState> stopService(Duration timeout) {
        return call(HostOperation.STOP_SERVICE, () -> {
            Instant deadline = host.now().plus(timeout);
            SimulatedServiceStatus status = waitWhilePending(deadline);
            if (status.state() == ServiceState.NOT_INSTALLED) {
                return notInstalled();
            }
            if (status.state().isPending()) {
                return timedOut(status.state(), timeout);
            }
            if (status.state() != ServiceState.STOPPED) {
                int error = host.sendStop(serviceName);
                if (error != 0 && error != WindowsErrors.ERROR_SERVICE_NOT_ACTIVE) {
                    return WindowsErrors.toFailure(error, WindowsErrors.Context.SERVICE_CONTROL, "stop " + serviceName);
                }
                status = waitWhilePending(deadline);
            }
            return switch (status.state()) {
                case STOPPED -> HostResult.ok(ServiceState.STOPPED);
                case NOT_INSTALLED -> notInstalled();
                default -> status.state().isPending()
                        ? timedOut(status.state(), timeout)
                        : HostResult.failure(HostFailure.FAILED, serviceName + " is " + status.state() + " after stop");
            };
        });
    }

    @Override
    public HostResult<ServiceState> startService(Duration timeout) {
        return call(HostOperation.START_SERVICE, () -> {
            Instant deadline = host.now().plus(timeout);
            SimulatedServiceStatus status = waitWhilePending(deadline);
            if (status.state() == ServiceState.NOT_INSTALLED) {
                return notInstalled();
            }
            if (status.state().isPending()) {
                return timedOut(status.state(), timeout);
            }
            if (status.state() == ServiceState.STOPPED) {
                int error = host.sendStart(serviceName);
                if (error != 0 && error != WindowsErrors.ERROR_SERVICE_ALREADY_RUNNING) {
                    return WindowsErrors.toFailure(error, WindowsErrors.Context.SERVICE_CONTROL, "start " + serviceName);
                }
                status = waitWhilePending(deadline);
            }
            return switch (status.state()) {
                case RUNNING -> HostResult.ok(ServiceState.RUNNING);
                case NOT_INSTALLED -> notInstalled();
                case STOPPED -> stoppedWhileStarting(status);
                default -> status.state().isPending()
                        ? timedOut(status.state(), timeout)
                        : HostResult.failure(HostFailure.FAILED, serviceName + " is " + status.state() + " after start");
            };
        });
    }

    @Override
    public HostResult<List<HostEvent>> readCalConEvents(Instant since) {
        return call(HostOperation.READ_EVENTS, () -> HostResult.ok(host.eventsSince(CalConEvents.LOG, since).stream()
                .filter(e -> CalConEvents.SOURCES.stream().anyMatch(s -> s.equalsIgnoreCase(e.source())))
                .toList()));
    }

    @Override
    public HostResult<DiagnosticLevel> readDiagnosticLevel() {
        return call(HostOperation.READ_DIAGNOSTIC_LEVEL, () ->
                switch (read(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY)) {
                    case RegistryRead.Present p -> HostResult.ok(DiagnosticLevel.fromRegistry(p.value()));
                    case RegistryRead.Absent a -> HostResult.ok(DiagnosticLevel.NONE);
                    case RegistryRead.WrongType w -> HostResult.failure(HostFailure.WRONG_VALUE_TYPE,
                            "diagnostics value '" + CalConRegistry.DIAGNOSTICS_CATEGORY + "' is " + w.found());
                });
    }

    @Override
    public HostResult<List<TcpListener>> listTcpListeners() {
        return call(HostOperation.LIST_TCP_LISTENERS, () -> HostResult.ok(host.listeners()));
    }

    @Override
    public HostResult<TcpProbe> probeTcpPort(int port, Duration timeout) {
        requirePort(port);
        return call(HostOperation.PROBE_TCP_PORT, () -> HostResult.ok(
                host.listeners().stream().anyMatch(l -> l.port() == port) ? TcpProbe.ACCEPTED : TcpProbe.REFUSED));
    }

    // ----------------------------------------------------------------

    private RegistryRead read(String key, String valueName) {
        return host.registryValue(key, valueName)
                .map(v -> v.asDword().isPresent()
                        ? RegistryRead.present(v.asDword().getAsInt())
                        : RegistryRead.wrongType(v.type(), v.text()))
                .orElse(RegistryRead.absent());
    }

    private SimulatedServiceStatus waitWhilePending(Instant deadline) throws InterruptedException {
        SimulatedServiceStatus status = host.serviceStatus(serviceName);
        while (status.state().isPending()) {
            Duration left = Duration.between(host.now(), deadline);
            if (!left.isPositive()) {
                return status;
            }
            host.time().sleep(min(left, status.untilSettled()));
            status = host.serviceStatus(serviceName);
        }
        return status;
    }

    private HostResult<ServiceState> stoppedWhileStarting(SimulatedServiceStatus status) {
        int code = status.win32ExitCode() == WindowsErrors.ERROR_SERVICE_SPECIFIC_ERROR
                ? status.serviceSpecificExitCode()
                : status.win32ExitCode();
        return HostResult.failure(HostFailure.FAILED,
                serviceName + " stopped while starting: " + status.exitReason(), code);
    }

    private HostResult<ServiceState> notInstalled() {
        return WindowsErrors.toFailure(WindowsErrors.ERROR_SERVICE_DOES_NOT_EXIST,
                WindowsErrors.Context.SERVICE_CONTROL, serviceName + " on " + hostName());
    }

    private HostResult<ServiceState> timedOut(ServiceState state, Duration timeout) {
        return HostResult.failure(HostFailure.TIMED_OUT, serviceName + " still " + state + " after " + timeout);
    }

    private <T> HostResult<T> call(HostOperation operation, Body<T> body) {
        SimulatedCallAdmission.Admission admission = host.admit(operation);
        try {
            host.time().sleep(admission.delay());
            if (admission.failure() != null) {
                return admission.failure().cast();
            }
            return body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HostResult.failure(HostFailure.INTERRUPTED, operation + " on " + hostName() + " interrupted");
        }
    }

    private static boolean unrestorable(RegistryRead read) {
        return read instanceof RegistryRead.WrongType w && !w.restorable();
    }

    /** The value to put back, null to delete; only restorable reads come here. */
    private static @Nullable RegistryValue value(RegistryRead read) {
        return switch (read) {
            case RegistryRead.Present p -> RegistryValue.dword(p.value());
            case RegistryRead.Absent a -> null;
            case RegistryRead.WrongType w -> RegistryValue.fromText(w.found(), Objects.requireNonNull(w.data()));
        };
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static void requirePort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }

    @FunctionalInterface
    private interface Body<T> {
        HostResult<T> run() throws InterruptedException;
    }
}
