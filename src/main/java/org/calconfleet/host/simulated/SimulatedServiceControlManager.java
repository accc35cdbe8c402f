package org.calconfleet.host.simulated;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.EventType;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.WindowsErrors;
import org.jspecify.annotations.Nullable;

/**
 * The service control manager of a {@link SimulatedWindowsHost}: the connector service with its transitions, the
 * other services (only for look-ups by display name), and what a start of the connector meets: the pinned port held
 * by another process, start failures to come, the Domino link, the 6001 it writes at logging High or above.
 *
 * <p>A pending state is a transition with an end instant; {@link #settle} applies the end of one that lies in the
 * past as of that instant (listener, events, exit code), so the outcome does not depend on when it is observed.
 * Every change it makes on its own (a settled transition, an accepted start or stop) runs {@code changed}. Guarded
 * by the host's monitor.
 */
final class SimulatedServiceControlManager {

    private static final int FIRST_PROCESS_ID = 4100;
    private static final String SYSTEM_LOG = "System";
    private static final String SCM_SOURCE = "Service Control Manager";

    private final HostTime time;
    private final SimulatedRegistry registry;
    private final SimulatedEventLog eventLog;
    private final SimulatedTcpTable tcp;
    private final Runnable changed;
    private final String connectorProcess;
    private final Map<String, String> otherServices = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private @Nullable Connector connector;
    private Duration stopDuration;
    private Duration startDuration;
    private int startFailuresLeft;
    private int startFailureCode;
    private boolean dominoLinkFailing;
    private @Nullable Integer rpcPortReported;
    private boolean rpcPortEventSuppressed;
    private int nextProcessId = FIRST_PROCESS_ID;
    private int startAttempts;
    private int stopRequests;

    SimulatedServiceControlManager(HostTime time, SimulatedRegistry registry, SimulatedEventLog eventLog,
            SimulatedTcpTable tcp, Runnable changed, String connectorProcess) {
        this.time = time;
        this.registry = registry;
        this.eventLog = eventLog;
        this.tcp = tcp;
        this.changed = changed;
        this.connectorProcess = connectorProcess;
    }

    /** The manager as {@code saved} left it. */
    SimulatedServiceControlManager(HostTime time, SimulatedRegistry registry, SimulatedEventLog eventLog,
            SimulatedTcpTable tcp, Runnable changed, SimulatedHostState saved) {
        this(time, registry, eventLog, tcp, changed, saved.connectorProcess());
        SimulatedHostState.Connector c = saved.connector();
        if (c != null) {
            Connector restored = new Connector(c.name());
            restored.state = c.state();
            restored.pendingUntil = c.pendingUntil();
            restored.processId = c.processId();
            restored.listenerPort = c.listenerPort();
            restored.win32ExitCode = c.win32ExitCode();
            restored.serviceSpecificExitCode = c.serviceSpecificExitCode();
            restored.failThisStartWith = c.failThisStartWith();
            restored.exitReason = c.exitReason();
            connector = restored;
        }
        otherServices.putAll(saved.otherServices());
        this.stopDuration = saved.stopDuration();
        this.startDuration = saved.startDuration();
        this.startFailuresLeft = saved.startFailuresLeft();
        this.startFailureCode = saved.startFailureCode();
        this.dominoLinkFailing = saved.dominoLinkFailing();
        this.rpcPortReported = saved.rpcPortReported();
        this.rpcPortEventSuppressed = saved.rpcPortEventSuppressed();
        this.nextProcessId = saved.nextProcessId();
        this.startAttempts = saved.startAttempts();
        this.stopRequests = saved.stopRequests();
    }

    /** The host's whole state: this manager's, with that of the pieces it works with and of the call admission. */
    SimulatedHostState state(String hostName, SimulatedCallAdmission admission) {
        Connector c = connector;
        return new SimulatedHostState(hostName, connectorProcess, registry.stored(), c == null ? null
                : new SimulatedHostState.Connector(c.name, c.state, c.pendingUntil, c.processId, c.listenerPort,
                        c.win32ExitCode, c.serviceSpecificExitCode, c.failThisStartWith, c.exitReason),
                otherServices, eventLog.stored(), tcp.others(), admission.stored(), stopDuration, startDuration,
                admission.latency(), startFailuresLeft, startFailureCode, dominoLinkFailing, rpcPortReported,
                rpcPortEventSuppressed, nextProcessId, registry.calConWrites(), startAttempts, stopRequests);
    }

    // ---------------------------------------------------------------- arranging

    /** Installs the connector service under {@code name} in {@code state}. */
    void install(String name, ServiceState state) {
        Connector c = new Connector(name);
        connector = c;
        Instant now = time.now();
        c.state = state;
        if (state.isPending()) {
            c.pendingUntil = now.plus(state == ServiceState.STOP_PENDING ? stopDuration : startDuration);
        }
        if (state != ServiceState.STOPPED) {
            c.processId = nextProcessId++;
            if (state != ServiceState.START_PENDING) {
                c.listenerPort = listenerPort();
            }
        }
    }

    void addOtherService(String name, String displayName) {
        otherServices.put(name, displayName);
    }

    void setTimings(Duration stop, Duration start) {
        this.stopDuration = stop;
        this.startDuration = start;
    }

    /** The next {@code n} starts ({@link HostFault#ALWAYS}: all, 0: none) fail with {@code win32ErrorCode}. */
    void failStarts(int n, int win32ErrorCode) {
        startFailuresLeft = n;
        startFailureCode = win32ErrorCode;
    }

    void clearStartFailures() {
        startFailuresLeft = 0;
    }

    void setDominoLinkFailing(boolean failing) {
        this.dominoLinkFailing = failing;
    }

    void reportRpcPortAs(@Nullable Integer port) {
        this.rpcPortReported = port;
    }

    void suppressRpcPortEvent(boolean suppressed) {
        this.rpcPortEventSuppressed = suppressed;
    }

    // ---------------------------------------------------------------- the service control manager's answers

    ServiceState connectorState() {
        return connector == null ? ServiceState.NOT_INSTALLED : connector.state;
    }

    SimulatedServiceStatus status(String name) {
        Connector c = connector(name);
        if (c == null) {
            return SimulatedServiceStatus.notInstalled();
        }
        Duration left = c.pendingUntil == null ? Duration.ZERO : Duration.between(time.now(), c.pendingUntil);
        return new SimulatedServiceStatus(c.state, c.win32ExitCode, c.serviceSpecificExitCode, c.processId,
                left.isNegative() ? Duration.ZERO : left, c.exitReason);
    }

    Optional<String> serviceNameForDisplayName(String displayName) {
        if (connector != null && CalConRegistry.SERVICE_DISPLAY_NAME.equalsIgnoreCase(displayName)) {
            return Optional.of(connector.name);
        }
        return otherServices.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(displayName))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The connector's listener while it has one. */
    Optional<TcpListener> connectorListener() {
        Connector c = connector;
        return c == null || c.listenerPort == 0 ? Optional.empty()
                : Optional.of(new TcpListener(c.listenerPort, c.processId, connectorProcess));
    }

    /** ControlService(SERVICE_CONTROL_STOP): 0, or the Win32 error the real call would set. */
    int sendStop(String name) {
        Connector c = connector(name);
        if (c == null) {
            return WindowsErrors.ERROR_SERVICE_DOES_NOT_EXIST;
        }
        if (c.state == ServiceState.STOPPED) {
            return WindowsErrors.ERROR_SERVICE_NOT_ACTIVE;
        }
        if (c.state.isPending()) {
            return WindowsErrors.ERROR_SERVICE_CANNOT_ACCEPT_CTRL;
        }
        stopRequests++;
        c.state = ServiceState.STOP_PENDING;
        c.pendingUntil = time.now().plus(stopDuration);
        changed.run();
        return 0;
    }

    /** StartService: 0, or the Win32 error the real call would set. */
    int sendStart(String name) {
        Connector c = connector(name);
        if (c == null) {
            return WindowsErrors.ERROR_SERVICE_DOES_NOT_EXIST;
        }
        if (c.state != ServiceState.STOPPED) {
            return WindowsErrors.ERROR_SERVICE_ALREADY_RUNNING;
        }
        startAttempts++;
        Instant now = time.now();
        c.failThisStartWith = 0;
        if (startFailuresLeft != 0) {
            if (startFailuresLeft > 0) {
                startFailuresLeft--;
            }
            if (failsAtOnce(startFailureCode)) {
                c.win32ExitCode = startFailureCode;
                c.exitReason = "simulated start failure, Win32 error " + startFailureCode;
                eventLog.write(SYSTEM_LOG, SCM_SOURCE, 7000, EventType.ERROR, now,
                        "The " + CalConRegistry.SERVICE_DISPLAY_NAME + " service failed to start due to the"
                                + " following error: " + startFailureCode);
                changed.run();
                return startFailureCode;
            }
            c.failThisStartWith = startFailureCode;
        }
        c.state = ServiceState.START_PENDING;
        c.pendingUntil = now.plus(startDuration);
        c.processId = nextProcessId++;
        c.win32ExitCode = 0;
        c.serviceSpecificExitCode = 0;
        c.exitReason = "";
        changed.run();
        return 0;
    }

    /** Start commands the service control manager accepted or refused on a stopped service. */
    int startAttempts() {
        return startAttempts;
    }

    /** Stop commands sent to a running service. */
    int stopRequests() {
        return stopRequests;
    }

    private static boolean failsAtOnce(int code) {
        return code == WindowsErrors.ERROR_SERVICE_LOGON_FAILED || code == WindowsErrors.ERROR_SERVICE_DISABLED
                || code == WindowsErrors.ERROR_SERVICE_DEPENDENCY_FAIL;
    }

    private @Nullable Connector connector(String name) {
        return connector != null && connector.name.equalsIgnoreCase(name) ? connector : null;
    }

    // ---------------------------------------------------------------- transitions

    /** Applies the end of a transition that lies in the past, as of its end instant. */
    void settle() {
        Connector c = connector;
        if (c == null || c.pendingUntil == null || time.now().isBefore(c.pendingUntil)) {
            return;
        }
        Instant at = c.pendingUntil;
        c.pendingUntil = null;
        switch (c.state) {
            case STOP_PENDING -> {
                c.state = ServiceState.STOPPED;
                c.processId = 0;
                c.listenerPort = 0;
            }
            case START_PENDING -> completeStart(c, at);
            default -> c.state = c.state.settlesTo();
        }
        changed.run();
    }

    private void completeStart(Connector c, Instant at) {
        int exchangePort = parameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE);
        int notesPort = parameter(CalConRegistry.NOTES_SIDE_PORT_VALUE);
        if (c.failThisStartWith != 0) {
            failStart(c, at, WindowsErrors.ERROR_SERVICE_SPECIFIC_ERROR, c.failThisStartWith,
                    "simulated start failure, exit code " + c.failThisStartWith);
            return;
        }
        if (exchangePort != 0) {
            Optional<TcpListener> holder = tcp.holder(exchangePort);
            if (holder.isPresent()) {
                failStart(c, at, WindowsErrors.ERROR_SERVICE_SPECIFIC_ERROR, WindowsErrors.RPC_S_DUPLICATE_ENDPOINT,
                        "RPC endpoint TCP " + exchangePort + " already in use by process "
                                + holder.get().processId() + " (" + holder.get().processName() + ")");
                return;
            }
        }
        c.state = ServiceState.RUNNING;
        c.listenerPort = listenerPort();
        int level = registry.dword(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY).orElse(0);
        if (DiagnosticLevel.fromRegistry(level).isHighOrAbove() && !rpcPortEventSuppressed) {
            eventLog.write(CalConEvents.LOG, CalConEvents.SOURCE_NOTES_CAL, CalConEvents.RPC_PORT_CONFIGURED,
                    EventType.INFORMATION, at,
                    CalConEvents.rpcPortText(rpcPortReported != null ? rpcPortReported : notesPort));
        }
        if (dominoLinkFailing) {
            eventLog.write(CalConEvents.LOG, CalConEvents.SOURCE_NOTES_CAL, CalConEvents.NOTES_LINK_FAILED,
                    EventType.ERROR, at,
                    "Cannot connect to the Lotus Notes add-in task ExCalCon (simulated link failure)");
        }
    }

    private void failStart(Connector c, Instant at, int win32ExitCode, int serviceSpecificExitCode, String reason) {
        c.state = ServiceState.STOPPED;
        c.processId = 0;
        c.listenerPort = 0;
        c.win32ExitCode = win32ExitCode;
        c.serviceSpecificExitCode = serviceSpecificExitCode;
        c.exitReason = reason;
        eventLog.write(CalConEvents.LOG, CalConEvents.SOURCE_CALCON, CalConEvents.SHUTTING_DOWN, EventType.ERROR, at,
                "The Calendar Connector is shutting down: " + reason);
        eventLog.write(SYSTEM_LOG, SCM_SOURCE, 7024, EventType.ERROR, at, "The " + CalConRegistry.SERVICE_DISPLAY_NAME
                + " service terminated with service-specific error " + serviceSpecificExitCode);
    }

    /** The port the connector listens on: the pinned one, or the first free dynamic port. */
    private int listenerPort() {
        int pinned = parameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE);
        return pinned != 0 ? pinned : tcp.freeDynamicPort();
    }

    /** A DWORD under the connector's Parameters key, 0 when absent or of another type. */
    private int parameter(String valueName) {
        return registry.dword(CalConRegistry.PARAMETERS_KEY, valueName).orElse(0);
    }

    private static final class Connector {
        final String name;
        ServiceState state = ServiceState.STOPPED;
        @Nullable Instant pendingUntil;
        int processId;
        int listenerPort;
        int win32ExitCode;
        int serviceSpecificExitCode;
        int failThisStartWith;
        String exitReason = "";

        Connector(String name) {
            this.name = name;
        }
    }
}
