package org.calconfleet.host.windows;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.Done;
import org.calconfleet.host.EventType;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.TcpProbe;
import org.calconfleet.host.WindowsErrors;
import org.calconfleet.host.WindowsErrors.Context;

/**
 * {@link HostBackend} for a remote Windows host with nothing installed on it: Remote Registry for the values,
 * the service control manager for the service, the event log over RPC. The logic here (value types,
 * pending-state waits with time-outs, Win32 error mapping, early stop when reading the event log) is plain Java
 * over {@link WindowsApi}, which has two implementations: {@link JnaWindowsApi} (native Advapi32 calls, so the
 * console runs on Windows in the host's domain) and {@code org.calconfleet.host.rpc.RpcWindowsApi} (the same
 * protocols spoken from Java over SMB2 named pipes, on any OS).
 *
 * <p>Waits poll the service status every tenth of its wait hint, bounded by {@code minPoll}..{@code maxPoll}
 * and by the time-out (Microsoft's advice for service control programs), sleeping through {@link HostTime}.
 * With JNA the Windows calls block in native code for as long as Windows takes (an unreachable host can
 * take tens of seconds); a virtual thread in a native call holds its carrier thread, so bound the number of
 * concurrent calls to that backend.
 */
public final class WindowsHostBackend implements HostBackend {

    /** How far before {@code since} reading continues, in case clock changes put older records after newer. */
    static final Duration EVENT_LOG_SLACK = Duration.ofMinutes(10);

    private final String machine;
    private final String serviceName;
    private final WindowsApi api;
    private final HostTime time;
    private final Duration minPoll;
    private final Duration maxPoll;

    public WindowsHostBackend(String machine, String serviceName, WindowsApi api, HostTime time,
            Duration minPoll, Duration maxPoll) {
        this.machine = machine;
        this.serviceName = serviceName;
        this.api = api;
        this.time = time;
        this.minPoll = minPoll;
        this.maxPoll = maxPoll;
    }

    public WindowsHostBackend(String machine, String serviceName, WindowsApi api, HostTime time) {
        this(machine, serviceName, api, time, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    /** The real thing: JNA, system time. */
    public static WindowsHostBackend remote(String machine, String serviceName) {
        return new WindowsHostBackend(machine, serviceName, new JnaWindowsApi(), HostTime.system());
    }

    @Override
    public String hostName() {
        return machine;
    }

    @Override
    public String serviceName() {
        return serviceName;
    }

    @Override
    public HostResult<CalConPorts> readCalConPorts() {
        try (WindowsApi.RegistryHandle reg = api.openRemoteHklm(machine)) {
            return HostResult.ok(new CalConPorts(
                    read(reg, CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE),
                    read(reg, CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE)));
        } catch (WindowsApiException e) {
            return registryFailure(e, "read " + CalConRegistry.PARAMETERS_KEY);
        }
    }

    @Override
    public HostResult<Done> writeCalConPorts(int exchangeSidePort, int notesSidePort) {
        requirePort(exchangeSidePort);
        requirePort(notesSidePort);
        try (WindowsApi.RegistryHandle reg = api.openRemoteHklm(machine)) {
            reg.setDword(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, exchangeSidePort);
            reg.setDword(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE, notesSidePort);
            return HostResult.done();
        } catch (WindowsApiException e) {
            return registryFailure(e, "write " + CalConRegistry.PARAMETERS_KEY);
        }
    }

    @Override
    public HostResult<Done> restoreCalConPorts(CalConPorts previous) {
        if (unrestorable(previous.exchangeSide()) || unrestorable(previous.notesSide())) {
            return HostResult.failure(HostFailure.WRONG_VALUE_TYPE,
                    "cannot restore a value whose data was not kept: " + previous);
        }
        try (WindowsApi.RegistryHandle reg = api.openRemoteHklm(machine)) {
            restore(reg, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, previous.exchangeSide());
            restore(reg, CalConRegistry.NOTES_SIDE_PORT_VALUE, previous.notesSide());
            return HostResult.done();
        } catch (WindowsApiException e) {
            return registryFailure(e, "restore " + CalConRegistry.PARAMETERS_KEY);
        }
    }

    @Override
    public HostResult<ServiceState> queryServiceState() {
        try {
            return HostResult.ok(state(api.queryService(machine, serviceName)));
        } catch (WindowsApiException e) {
            if (e.errorCode() == WindowsErrors.ERROR_SERVICE_DOES_NOT_EXIST) {
                return HostResult.ok(ServiceState.NOT_INSTALLED);
            }
            return failure(e, Context.SERVICE_CONTROL, "query " + serviceName + " on " + machine);
        } catch (IllegalArgumentException e) {
            return HostResult.failure(HostFailure.FAILED, e.getMessage() + " for " + serviceName + " on " + machine);
        }
    }

    @Override
    public HostResult<String> findServiceName(String displayName) {
        try {
            return api.listServices(machine).stream()
                    .filter(s -> s.displayName().equalsIgnoreCase(displayName))
                    .findFirst()
                    .<HostResult<String>>map(s -> HostResult.ok(s.serviceName()))
                    .orElseGet(() -> HostResult.failure(HostFailure.NOT_FOUND,
                            "no service with display name '" + displayName + "' on " + machine));
        } catch (WindowsApiException e) {
            return failure(e, Context.SERVICE_CONTROL, "list services on " + machine);
        }
    }

    @Override
    public HostResult<ServiceState> stopService(Duration timeout) {
        return control(timeout, ServiceState.STOPPED);
    }

    @Override
    public HostResult<ServiceState> startService(Duration timeout) {
        return control(timeout, ServiceState.RUNNING);
    }

    private HostResult<ServiceState> control(Duration timeout, ServiceState target) {
        String what = (target == ServiceState.RUNNING ? "start " : "stop ") + serviceName + " on " + machine;
        Instant deadline = time.now().plus(timeout);
        try {
            WindowsApi.ServiceStatus status = waitWhilePending(deadline);
            ServiceState state = state(status);
            if (state.isPending()) {
                return timedOut(state, timeout);
            }
            if (state != target) {
                try {
                    if (target == ServiceState.RUNNING) {
                        api.startService(machine, serviceName);
                    } else {
                        api.stopService(machine, serviceName);
                    }
                } catch (WindowsApiException e) {
                    if (e.errorCode() != WindowsErrors.ERROR_SERVICE_ALREADY_RUNNING
                            && e.errorCode() != WindowsErrors.ERROR_SERVICE_NOT_ACTIVE) {
                        return failure(e, Context.SERVICE_CONTROL, what);
                    }
                }
                status = waitWhilePending(deadline);
                state = state(status);
            }
            if (state == target) {
                return HostResult.ok(state);
            }
            if (state.isPending()) {
                return timedOut(state, timeout);
            }
            if (target == ServiceState.RUNNING && state == ServiceState.STOPPED) {
                int code = status.win32ExitCode() == WindowsErrors.ERROR_SERVICE_SPECIFIC_ERROR
                        ? status.serviceSpecificExitCode()
                        : status.win32ExitCode();
                return HostResult.failure(HostFailure.FAILED, serviceName + " stopped while starting on " + machine
                        + " (exit code " + status.win32ExitCode() + ", service-specific "
                        + status.serviceSpecificExitCode() + ")", code);
            }
            return HostResult.failure(HostFailure.FAILED, serviceName + " is " + state + " after " + what);
        } catch (WindowsApiException e) {
            return failure(e, Context.SERVICE_CONTROL, what);
        } catch (IllegalArgumentException e) {
            return HostResult.failure(HostFailure.FAILED, e.getMessage() + " during " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HostResult.failure(HostFailure.INTERRUPTED, what + " interrupted");
        }
    }

    private WindowsApi.ServiceStatus waitWhilePending(Instant deadline)
            throws WindowsApiException, InterruptedException {
        WindowsApi.ServiceStatus status = api.queryService(machine, serviceName);
        while (state(status).isPending()) {
            Duration left = Duration.between(time.now(), deadline);
            if (!left.isPositive()) {
                return status;
            }
            time.sleep(min(left, pollInterval(status.waitHintMillis())));
            status = api.queryService(machine, serviceName);
        }
        return status;
    }

    Duration pollInterval(int waitHintMillis) {
        Duration tenth = Duration.ofMillis(Integer.toUnsignedLong(waitHintMillis) / 10);
        return tenth.compareTo(minPoll) < 0 ? minPoll : min(tenth, maxPoll);
    }

    @Override
    public HostResult<List<HostEvent>> readCalConEvents(Instant since) {
        Instant from = since.truncatedTo(ChronoUnit.SECONDS);
        Instant stopBefore = from.minus(EVENT_LOG_SLACK);
        List<HostEvent> found = new ArrayList<>();
        try {
            api.readEventLogBackwards(machine, CalConEvents.LOG, raw -> {
                Instant generated = Instant.ofEpochSecond(raw.timeGeneratedEpochSeconds());
                if (generated.isBefore(stopBefore)) {
                    return false;
                }
                if (!generated.isBefore(from) && isCalConSource(raw.source())) {
                    found.add(new HostEvent(raw.source(), raw.eventId(), EventType.fromWin32(raw.eventType()),
                            generated, String.join(" ", raw.strings())));
                }
                return true;
            });
        } catch (WindowsApiException e) {
            return failure(e, Context.EVENT_LOG, "read " + CalConEvents.LOG + " log on " + machine);
        }
        Collections.reverse(found);
        return HostResult.ok(List.copyOf(found));
    }

    @Override
    public HostResult<DiagnosticLevel> readDiagnosticLevel() {
        try (WindowsApi.RegistryHandle reg = api.openRemoteHklm(machine)) {
            return switch (read(reg, CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY)) {
                case RegistryRead.Present p -> HostResult.ok(DiagnosticLevel.fromRegistry(p.value()));
                case RegistryRead.Absent a -> HostResult.ok(DiagnosticLevel.NONE);
                case RegistryRead.WrongType w -> HostResult.failure(HostFailure.WRONG_VALUE_TYPE,
                        "diagnostics value '" + CalConRegistry.DIAGNOSTICS_CATEGORY + "' is " + w.found());
            };
        } catch (WindowsApiException e) {
            return registryFailure(e, "read " + CalConRegistry.DIAGNOSTICS_KEY);
        }
    }

    @Override
    public HostResult<List<TcpListener>> listTcpListeners() {
        return HostResult.failure(HostFailure.UNSUPPORTED, "the TCP listener table of remote host " + machine
                + " cannot be read without an agent on it (GetExtendedTcpTable is local only); use a TCP probe");
    }

    @Override
    public HostResult<TcpProbe> probeTcpPort(int port, Duration timeout) {
        requirePort(port);
        try {
            return HostResult.ok(api.probeTcp(machine, port, timeout));
        } catch (WindowsApiException e) {
            return failure(e, Context.NETWORK, "TCP probe " + machine + ":" + port);
        }
    }

    // ----------------------------------------------------------------

    private static RegistryRead read(WindowsApi.RegistryHandle reg, String key, String valueName)
            throws WindowsApiException {
        return reg.readValue(key, valueName).map(RegistryData::read).orElse(RegistryRead.absent());
    }

    private static boolean unrestorable(RegistryRead read) {
        return read instanceof RegistryRead.WrongType w && !w.restorable();
    }

    private static void restore(WindowsApi.RegistryHandle reg, String valueName, RegistryRead previous)
            throws WindowsApiException {
        switch (previous) {
            case RegistryRead.Present p -> reg.setDword(CalConRegistry.PARAMETERS_KEY, valueName, p.value());
            case RegistryRead.Absent a -> reg.deleteValue(CalConRegistry.PARAMETERS_KEY, valueName);
            case RegistryRead.WrongType w -> reg.setValue(CalConRegistry.PARAMETERS_KEY, valueName,
                    RegistryData.raw(w.found(), Objects.requireNonNull(w.data())));
        }
    }

    private <T> HostResult<T> registryFailure(WindowsApiException e, String what) {
        return failure(e, Context.REGISTRY, what + " on " + machine);
    }

    /** The typed failure of a Win32 code; the detail keeps the call's own reason (e.g. the NT status behind it). */
    private static <T> HostResult<T> failure(WindowsApiException e, Context context, String what) {
        return WindowsErrors.toFailure(e.errorCode(), context, what + ": " + e.reason());
    }

    private static ServiceState state(WindowsApi.ServiceStatus status) {
        return ServiceState.fromWin32Code(status.currentState());
    }

    private HostResult<ServiceState> timedOut(ServiceState state, Duration timeout) {
        return HostResult.failure(HostFailure.TIMED_OUT,
                serviceName + " on " + machine + " still " + state + " after " + timeout);
    }

    private static boolean isCalConSource(String source) {
        return CalConEvents.SOURCES.stream().anyMatch(s -> s.equalsIgnoreCase(source));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void requirePort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
    }
}
