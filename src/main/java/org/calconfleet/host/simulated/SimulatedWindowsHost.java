package org.calconfleet.host.simulated;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.EventType;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.WindowsErrors;
import org.jspecify.annotations.Nullable;

/**
 * A simulated Exchange 2007 server as far as the Calendar Connector goes: a registry of typed values, the
 * connector service (plus other services for look-ups by display name), an event log and a TCP listener
 * table. It behaves like the real host: a REG_SZ stays a REG_SZ, the service passes through STOP_PENDING
 * and START_PENDING, a start fails when the pinned port is held by another process, event 6001 is written
 * on a successful start only at diagnostic level High or above, and 5010 follows a start while the Domino
 * link is set to fail.
 *
 * <h2>Time and waits</h2>
 * No thread waits inside the host and none is started by it. A pending service state is a transition with
 * an end instant; the state at any moment is a function of the injected clock and that instant. Each access
 * first settles the transitions that ended in the past, applying their effects (listener, events, exit code)
 * as of the transition's end, so the outcome does not depend on when it is observed. Waiting is the
 * caller's business: {@link SimulatedHostBackend} sleeps through {@link HostTime} on the calling thread
 * until the transition ends or its time-out is due. On a virtual thread that sleep holds no platform
 * thread, so thousands of hosts restart at once in real time; with a manual {@code HostTime} it is instant.
 *
 * <h2>Outliving the process</h2>
 * With a {@link SimulatedHostStore} other than {@link SimulatedHostStore#NONE} the host saves its whole state
 * ({@link SimulatedHostState}) after every change, before the call that made it returns, and {@link #restore} brings
 * it back in another process: a console killed and started again meets the host it left, as it would a real one. A
 * transition that ended while no process looked is settled as of its end instant on the first access, as always.
 *
 * <p>Thread-safe: every method holds the host's monitor for a short section that does not wait (saving the state
 * writes a file).
 */
public final class SimulatedWindowsHost {

    /** The connector's process when the demo does not name another. */
    public static final String DEFAULT_CONNECTOR_PROCESS = "calcon.exe";

    static final int EVENT_LOG_CAPACITY = 10_000;
    static final int EVENT_READS_KEPT = 100;
    private static final int FIRST_DYNAMIC_PORT = 49152;
    private static final String SYSTEM_LOG = "System";
    private static final String SCM_SOURCE = "Service Control Manager";

    private final String hostName;
    private final HostTime time;
    private final Map<String, Map<String, RegistryValue>> registry = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> otherServices = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Deque<LoggedEvent> events = new ArrayDeque<>();
    private final List<TcpListener> listeners = new ArrayList<>();
    private final List<ActiveFault> faults = new ArrayList<>();
    private final Map<HostOperation, Integer> calls = new EnumMap<>(HostOperation.class);
    private final String connectorProcess;
    private final SimulatedHostStore store;

    private @Nullable Connector connector;
    private Duration stopDuration;
    private Duration startDuration;
    private Duration latency;
    private int startFailuresLeft;
    private int startFailureCode;
    private boolean dominoLinkFailing;
    private @Nullable Integer rpcPortReported;
    private boolean rpcPortEventSuppressed;
    private final Deque<Instant> eventReadsSince = new ArrayDeque<>();
    private int nextProcessId = 4100;
    private int calConWrites;
    private int startAttempts;
    private int stopRequests;

    private SimulatedWindowsHost(Builder b) {
        this.hostName = b.hostName;
        this.time = b.time;
        this.connectorProcess = b.connectorProcess;
        this.stopDuration = b.stopDuration;
        this.startDuration = b.startDuration;
        this.latency = b.latency;
        this.startFailuresLeft = b.startFailures;
        this.startFailureCode = b.startFailureCode;
        this.dominoLinkFailing = b.dominoLinkFailing;
        this.store = b.store;
        if (b.parametersKey) {
            createKey(CalConRegistry.PARAMETERS_KEY);
        }
        b.values.forEach((name, value) -> put(CalConRegistry.PARAMETERS_KEY, name, value));
        if (b.diagnostics != null) {
            put(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY, b.diagnostics);
        }
        otherServices.putAll(b.otherServices);
        listeners.addAll(b.listeners);
        b.faults.forEach(f -> faults.add(new ActiveFault(f)));
        if (b.serviceState != ServiceState.NOT_INSTALLED) {
            install(b.serviceName, b.serviceState);
        }
        keep();
    }

    private SimulatedWindowsHost(SimulatedHostState saved, HostTime time, SimulatedHostStore store) {
        this.hostName = saved.hostName();
        this.time = time;
        this.store = store;
        this.connectorProcess = saved.connectorProcess();
        saved.registry().forEach((key, values) -> {
            Map<String, RegistryValue> restored = createKey(key);
            values.forEach((name, value) -> restored.put(name, value.value()));
        });
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
        saved.events().forEach(e -> events.addLast(new LoggedEvent(e.log(),
                new HostEvent(e.source(), e.eventId(), e.type(), e.time(), e.text()))));
        listeners.addAll(saved.listeners());
        saved.faults().forEach(f -> faults.add(new ActiveFault(f.fault(), f.left())));
        this.stopDuration = saved.stopDuration();
        this.startDuration = saved.startDuration();
        this.latency = saved.latency();
        this.startFailuresLeft = saved.startFailuresLeft();
        this.startFailureCode = saved.startFailureCode();
        this.dominoLinkFailing = saved.dominoLinkFailing();
        this.rpcPortReported = saved.rpcPortReported();
        this.rpcPortEventSuppressed = saved.rpcPortEventSuppressed();
        this.nextProcessId = saved.nextProcessId();
        this.calConWrites = saved.calConWrites();
        this.startAttempts = saved.startAttempts();
        this.stopRequests = saved.stopRequests();
    }

    /** The host as {@code store} last saved it, on {@code time}, saving its changes there from now on. */
    public static SimulatedWindowsHost restore(SimulatedHostState saved, HostTime time, SimulatedHostStore store) {
        return new SimulatedWindowsHost(saved, time, store);
    }

    /** Everything this host is, as data (see {@link SimulatedHostState} for what is left out). */
    public synchronized SimulatedHostState state() {
        Map<String, Map<String, SimulatedHostState.StoredValue>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        registry.forEach((key, named) -> {
            Map<String, SimulatedHostState.StoredValue> stored = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            named.forEach((name, value) -> stored.put(name, SimulatedHostState.StoredValue.of(value)));
            values.put(key, stored);
        });
        Connector c = connector;
        return new SimulatedHostState(hostName, connectorProcess, values, c == null ? null
                : new SimulatedHostState.Connector(c.name, c.state, c.pendingUntil, c.processId, c.listenerPort,
                        c.win32ExitCode, c.serviceSpecificExitCode, c.failThisStartWith, c.exitReason),
                otherServices,
                events.stream().map(e -> new SimulatedHostState.Event(e.log, e.event.source(), e.event.eventId(),
                        e.event.type(), e.event.time(), e.event.text())).toList(),
                listeners,
                faults.stream().map(f -> new SimulatedHostState.PendingFault(f.fault, f.left)).toList(),
                stopDuration, startDuration, latency, startFailuresLeft, startFailureCode, dominoLinkFailing,
                rpcPortReported, rpcPortEventSuppressed, nextProcessId, calConWrites, startAttempts, stopRequests);
    }

    /** Saves the state after a change, before the call that made it returns. */
    private void keep() {
        if (store != SimulatedHostStore.NONE) {
            store.save(state());
        }
    }

    public static Builder builder(String hostName) {
        return new Builder(hostName);
    }

    public String hostName() {
        return hostName;
    }

    public HostTime time() {
        return time;
    }

    public Instant now() {
        return time.now();
    }

    // ---------------------------------------------------------------- admission: latency and faults

    /** What a backend call must do before it touches the host: wait {@code delay}, then fail or go on. */
    record Admission(Duration delay, HostResult.@Nullable Failure<?> failure) {
    }

    synchronized Admission admit(HostOperation operation) {
        calls.merge(operation, 1, Integer::sum);
        Iterator<ActiveFault> it = faults.iterator();
        while (it.hasNext()) {
            ActiveFault active = it.next();
            if (!active.fault.appliesTo(operation)) {
                continue;
            }
            if (active.left != HostFault.ALWAYS) {
                if (--active.left == 0) {
                    it.remove();
                }
                keep();
            }
            HostFault f = active.fault;
            var failure = new HostResult.Failure<>(f.kind(),
                    "simulated " + f.kind() + " on " + operation + " at " + hostName,
                    f.kind().retryableByDefault(), f.windowsErrorCode());
            return new Admission(latency.plus(f.after()), failure);
        }
        return new Admission(latency, null);
    }

    public synchronized void injectFault(HostFault fault) {
        faults.add(new ActiveFault(fault));
        keep();
    }

    public synchronized void clearFaults() {
        faults.clear();
        keep();
    }

    public synchronized void setLatency(Duration latency) {
        this.latency = latency;
        keep();
    }

    // ---------------------------------------------------------------- registry

    public synchronized Optional<RegistryValue> registryValue(String key, String valueName) {
        Map<String, RegistryValue> values = registry.get(key);
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(valueName));
    }

    public synchronized boolean registryKeyExists(String key) {
        return registry.containsKey(key);
    }

    /** Sets a value of any type, creating its key: for arranging a host. */
    public synchronized void putRegistryValue(String key, String valueName, RegistryValue value) {
        settle();
        put(key, valueName, value);
        keep();
    }

    public synchronized void deleteRegistryValue(String key, String valueName) {
        settle();
        Map<String, RegistryValue> values = registry.get(key);
        if (values != null) {
            values.remove(valueName);
        }
        keep();
    }

    /** Deletes a key with its subkeys. */
    public synchronized void deleteRegistryKey(String key) {
        settle();
        String prefix = key + "\\";
        registry.keySet().removeIf(k -> k.equalsIgnoreCase(key)
                || k.regionMatches(true, 0, prefix, 0, prefix.length()));
        keep();
    }

    public synchronized void setDiagnosticLevel(DiagnosticLevel level) {
        putRegistryValue(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY,
                RegistryValue.dword(level.registryValue()));
    }

    /** Writes both port values as DWORDs in one step (as the backend's write), counted as one CalCon write. */
    synchronized void writeCalConPorts(int exchangeSide, int notesSide) {
        settle();
        put(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, RegistryValue.dword(exchangeSide));
        put(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE, RegistryValue.dword(notesSide));
        calConWrites++;
        keep();
    }

    /** Sets (value present) or deletes (null) each port value in one step, counted as one CalCon write. */
    synchronized void restoreCalConPorts(@Nullable RegistryValue exchangeSide, @Nullable RegistryValue notesSide) {
        settle();
        restoreOne(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, exchangeSide);
        restoreOne(CalConRegistry.NOTES_SIDE_PORT_VALUE, notesSide);
        calConWrites++;
        keep();
    }

    private void restoreOne(String valueName, @Nullable RegistryValue value) {
        if (value != null) {
            put(CalConRegistry.PARAMETERS_KEY, valueName, value);
        } else {
            Map<String, RegistryValue> values = registry.get(CalConRegistry.PARAMETERS_KEY);
            if (values != null) {
                values.remove(valueName);
            }
        }
    }

    private void put(String key, String valueName, RegistryValue value) {
        createKey(key).put(valueName, value);
    }

    private Map<String, RegistryValue> createKey(String key) {
        return registry.computeIfAbsent(key, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    }

    private OptionalInt dword(String key, String valueName) {
        Map<String, RegistryValue> values = registry.get(key);
        RegistryValue value = values == null ? null : values.get(valueName);
        return value == null ? OptionalInt.empty() : value.asDword();
    }

    // ---------------------------------------------------------------- services

    /** Installs (or re-installs) the connector service under {@code name} in {@code state}. */
    public synchronized void installService(String name, ServiceState state) {
        install(name, state);
        keep();
    }

    private void install(String name, ServiceState state) {
        if (state == ServiceState.NOT_INSTALLED) {
            throw new IllegalArgumentException("use uninstallService()");
        }
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
                c.listenerPort = listenerPortFor(c);
            }
        }
    }

    public synchronized void uninstallService() {
        connector = null;
        keep();
    }

    /** Adds another service, only for look-ups of names by display name. */
    public synchronized void addOtherService(String name, String displayName) {
        otherServices.put(name, displayName);
        keep();
    }

    public synchronized void setServiceTimings(Duration stop, Duration start) {
        settle();
        this.stopDuration = stop;
        this.startDuration = start;
        keep();
    }

    /**
     * The next {@code n} starts fail with {@code win32ErrorCode}. Codes the service control manager itself
     * returns (1069 logon failure, 1058 disabled, 1068 dependency) fail at once; any other code is the exit
     * code of a service that stops again during START_PENDING.
     */
    public synchronized void failNextStarts(int n, int win32ErrorCode) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        startFailuresLeft = n;
        startFailureCode = win32ErrorCode;
        keep();
    }

    public synchronized void failStartsAlways(int win32ErrorCode) {
        startFailuresLeft = HostFault.ALWAYS;
        startFailureCode = win32ErrorCode;
        keep();
    }

    public synchronized void clearStartFailures() {
        startFailuresLeft = 0;
        keep();
    }

    public synchronized void setDominoLinkFailing(boolean failing) {
        settle();
        this.dominoLinkFailing = failing;
        keep();
    }

    /**
     * Starts write 6001 with {@code port} whatever the registry holds, as a connector that did not pick up the
     * written values would; {@code null} reports the configured port again.
     */
    public synchronized void reportRpcPortAs(@Nullable Integer port) {
        settle();
        this.rpcPortReported = port;
        keep();
    }

    /** Starts write no 6001 even at logging High, as when the connector's logging is broken or the log is full. */
    public synchronized void suppressRpcPortEvent(boolean suppressed) {
        settle();
        this.rpcPortEventSuppressed = suppressed;
        keep();
    }

    public synchronized ServiceState serviceState() {
        settle();
        return connector == null ? ServiceState.NOT_INSTALLED : connector.state;
    }

    synchronized SimulatedServiceStatus serviceStatus(String name) {
        settle();
        Connector c = connector(name);
        if (c == null) {
            return SimulatedServiceStatus.notInstalled();
        }
        Duration left = c.pendingUntil == null ? Duration.ZERO : Duration.between(time.now(), c.pendingUntil);
        return new SimulatedServiceStatus(c.state, c.win32ExitCode, c.serviceSpecificExitCode, c.processId,
                left.isNegative() ? Duration.ZERO : left, c.exitReason);
    }

    synchronized Optional<String> serviceNameForDisplayName(String displayName) {
        if (connector != null && CalConRegistry.SERVICE_DISPLAY_NAME.equalsIgnoreCase(displayName)) {
            return Optional.of(connector.name);
        }
        return otherServices.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(displayName))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** ControlService(SERVICE_CONTROL_STOP): 0, or the Win32 error the real call would set. */
    synchronized int sendStop(String name) {
        settle();
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
        keep();
        return 0;
    }

    /** StartService: 0, or the Win32 error the real call would set. */
    synchronized int sendStart(String name) {
        settle();
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
                log(SYSTEM_LOG, SCM_SOURCE, 7000, EventType.ERROR, now,
                        "The " + CalConRegistry.SERVICE_DISPLAY_NAME + " service failed to start due to the"
                                + " following error: " + startFailureCode);
                keep();
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
        keep();
        return 0;
    }

    private static boolean failsAtOnce(int code) {
        return code == WindowsErrors.ERROR_SERVICE_LOGON_FAILED || code == WindowsErrors.ERROR_SERVICE_DISABLED
                || code == WindowsErrors.ERROR_SERVICE_DEPENDENCY_FAIL;
    }

    private @Nullable Connector connector(String name) {
        return connector != null && connector.name.equalsIgnoreCase(name) ? connector : null;
    }

    /** Applies the end of a transition that lies in the past, as of its end instant. */
    private void settle() {
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
        keep();
    }

    private void completeStart(Connector c, Instant at) {
        int exchangePort = dword(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE).orElse(0);
        int notesPort = dword(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE).orElse(0);
        if (c.failThisStartWith != 0) {
            failStart(c, at, WindowsErrors.ERROR_SERVICE_SPECIFIC_ERROR, c.failThisStartWith,
                    "simulated start failure, exit code " + c.failThisStartWith);
            return;
        }
        if (exchangePort != 0) {
            Optional<TcpListener> holder = listeners.stream().filter(l -> l.port() == exchangePort).findFirst();
            if (holder.isPresent()) {
                failStart(c, at, WindowsErrors.ERROR_SERVICE_SPECIFIC_ERROR, WindowsErrors.RPC_S_DUPLICATE_ENDPOINT,
                        "RPC endpoint TCP " + exchangePort + " already in use by process "
                                + holder.get().processId() + " (" + holder.get().processName() + ")");
                return;
            }
        }
        c.state = ServiceState.RUNNING;
        c.listenerPort = listenerPortFor(c);
        int level = dword(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY).orElse(0);
        if (DiagnosticLevel.fromRegistry(level).isHighOrAbove() && !rpcPortEventSuppressed) {
            log(CalConEvents.LOG, CalConEvents.SOURCE_NOTES_CAL, CalConEvents.RPC_PORT_CONFIGURED,
                    EventType.INFORMATION, at,
                    CalConEvents.rpcPortText(rpcPortReported != null ? rpcPortReported : notesPort));
        }
        if (dominoLinkFailing) {
            log(CalConEvents.LOG, CalConEvents.SOURCE_NOTES_CAL, CalConEvents.NOTES_LINK_FAILED, EventType.ERROR, at,
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
        log(CalConEvents.LOG, CalConEvents.SOURCE_CALCON, CalConEvents.SHUTTING_DOWN, EventType.ERROR, at,
                "The Calendar Connector is shutting down: " + reason);
        log(SYSTEM_LOG, SCM_SOURCE, 7024, EventType.ERROR, at, "The " + CalConRegistry.SERVICE_DISPLAY_NAME
                + " service terminated with service-specific error " + serviceSpecificExitCode);
    }

    private int listenerPortFor(Connector c) {
        int pinned = dword(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE).orElse(0);
        if (pinned != 0) {
            return pinned;
        }
        int port = FIRST_DYNAMIC_PORT;
        while (portTaken(port)) {
            port++;
        }
        return port;
    }

    private boolean portTaken(int port) {
        return listeners.stream().anyMatch(l -> l.port() == port);
    }

    // ---------------------------------------------------------------- event log

    /** Writes an entry to the Application log: for arranging a host. */
    public synchronized void logApplicationEvent(String source, int eventId, EventType type, String text) {
        settle();
        log(CalConEvents.LOG, source, eventId, type, time.now(), text);
        keep();
    }

    /**
     * Writes an entry dated {@code at} (in its place by time) to the Application log: for arranging a host with
     * events of an earlier start, such as a 6001 the connector wrote before this restart.
     */
    public synchronized void logApplicationEvent(String source, int eventId, EventType type, Instant at, String text) {
        settle();
        LoggedEvent entry = new LoggedEvent(CalConEvents.LOG,
                new HostEvent(source, eventId, type, at.truncatedTo(ChronoUnit.SECONDS), text));
        List<LoggedEvent> ordered = new ArrayList<>(events);
        int index = 0;
        while (index < ordered.size() && !ordered.get(index).event.time().isAfter(entry.event.time())) {
            index++;
        }
        ordered.add(index, entry);
        events.clear();
        events.addAll(ordered);
        keep();
    }

    /**
     * Entries of one log written in the second of {@code since} or later (the log keeps whole seconds), oldest
     * first, remembering the {@code since} the reader asked for.
     */
    synchronized List<HostEvent> eventsSince(String log, Instant since) {
        eventReadsSince.addLast(since);
        while (eventReadsSince.size() > EVENT_READS_KEPT) {
            eventReadsSince.removeFirst();
        }
        Instant from = since.truncatedTo(ChronoUnit.SECONDS);
        return events(log).stream().filter(e -> !e.time().isBefore(from)).toList();
    }

    /** The instants the latest readers asked for events since, oldest first. */
    public synchronized List<Instant> eventReadsSince() {
        return List.copyOf(eventReadsSince);
    }

    /** Entries of one log, oldest first; times in whole seconds, as the event log keeps them. */
    public synchronized List<HostEvent> events(String log) {
        settle();
        return events.stream().filter(e -> e.log.equals(log)).map(LoggedEvent::event).toList();
    }

    private void log(String log, String source, int id, EventType type, Instant at, String text) {
        events.addLast(new LoggedEvent(log, new HostEvent(source, id, type, at.truncatedTo(ChronoUnit.SECONDS), text)));
        while (events.size() > EVENT_LOG_CAPACITY) {
            events.removeFirst();
        }
    }

    // ---------------------------------------------------------------- TCP listeners

    /** Listeners of other processes plus the connector's own while it runs, by port. */
    public synchronized List<TcpListener> listeners() {
        settle();
        List<TcpListener> all = new ArrayList<>(listeners);
        Connector c = connector;
        if (c != null && c.listenerPort != 0) {
            all.add(new TcpListener(c.listenerPort, c.processId, connectorProcess));
        }
        all.sort(Comparator.comparingInt(TcpListener::port).thenComparingInt(TcpListener::processId));
        return all;
    }

    public synchronized void addListener(TcpListener listener) {
        settle();
        listeners.add(listener);
        keep();
    }

    public synchronized void removeListeners(int port) {
        settle();
        listeners.removeIf(l -> l.port() == port);
        keep();
    }

    // ---------------------------------------------------------------- counters

    /** Successful writes of the CalCon values (a write or a restore of both counts once). */
    public synchronized int calConWrites() {
        return calConWrites;
    }

    /** Start commands the service control manager accepted or refused on a stopped service. */
    public synchronized int startAttempts() {
        return startAttempts;
    }

    /** Stop commands sent to a running service. */
    public synchronized int stopRequests() {
        return stopRequests;
    }

    /** Backend calls of an operation, including those answered by a fault. */
    public synchronized int calls(HostOperation operation) {
        return calls.getOrDefault(operation, 0);
    }

    // ---------------------------------------------------------------- internals

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

    private static final class ActiveFault {
        final HostFault fault;
        int left;

        ActiveFault(HostFault fault) {
            this(fault, fault.times());
        }

        ActiveFault(HostFault fault, int left) {
            this.fault = fault;
            this.left = left;
        }
    }

    private record LoggedEvent(String log, HostEvent event) {
    }

    /** Makes a host in a given state. Defaults: connector installed and RUNNING, ports absent, logging NONE. */
    public static final class Builder {
        private final String hostName;
        private HostTime time = HostTime.system();
        private String serviceName = CalConRegistry.DEFAULT_SERVICE_NAME;
        private ServiceState serviceState = ServiceState.RUNNING;
        private String connectorProcess = DEFAULT_CONNECTOR_PROCESS;
        private boolean parametersKey = true;
        private final Map<String, RegistryValue> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private @Nullable RegistryValue diagnostics;
        private final Map<String, String> otherServices = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final List<TcpListener> listeners = new ArrayList<>();
        private final List<HostFault> faults = new ArrayList<>();
        private Duration stopDuration = Duration.ofSeconds(2);
        private Duration startDuration = Duration.ofSeconds(3);
        private Duration latency = Duration.ZERO;
        private int startFailures;
        private int startFailureCode;
        private boolean dominoLinkFailing;
        private SimulatedHostStore store = SimulatedHostStore.NONE;

        private Builder(String hostName) {
            this.hostName = hostName;
        }

        public Builder time(HostTime time) {
            this.time = time;
            return this;
        }

        /** Both port values as DWORDs. */
        public Builder calConPorts(int exchangeSide, int notesSide) {
            values.put(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, RegistryValue.dword(exchangeSide));
            values.put(CalConRegistry.NOTES_SIDE_PORT_VALUE, RegistryValue.dword(notesSide));
            return this;
        }

        /** Any value under the Parameters key, of any type (e.g. a port written as REG_SZ). */
        public Builder parameter(String valueName, RegistryValue value) {
            values.put(valueName, value);
            return this;
        }

        /** No Parameters key at all (and so no port values). */
        public Builder withoutParametersKey() {
            parametersKey = false;
            values.clear();
            return this;
        }

        public Builder diagnosticLevel(DiagnosticLevel level) {
            diagnostics = RegistryValue.dword(level.registryValue());
            return this;
        }

        public Builder diagnosticValue(RegistryValue value) {
            diagnostics = value;
            return this;
        }

        public Builder service(String name, ServiceState state) {
            this.serviceName = name;
            this.serviceState = state;
            return this;
        }

        public Builder serviceState(ServiceState state) {
            this.serviceState = state;
            return this;
        }

        public Builder serviceNotInstalled() {
            this.serviceState = ServiceState.NOT_INSTALLED;
            return this;
        }

        public Builder otherService(String name, String displayName) {
            otherServices.put(name, displayName);
            return this;
        }

        public Builder connectorProcess(String processName) {
            this.connectorProcess = processName;
            return this;
        }

        public Builder serviceTimings(Duration stop, Duration start) {
            this.stopDuration = stop;
            this.startDuration = start;
            return this;
        }

        public Builder listener(int port, int processId, String processName) {
            listeners.add(new TcpListener(port, processId, processName));
            return this;
        }

        public Builder dominoLinkFailing(boolean failing) {
            this.dominoLinkFailing = failing;
            return this;
        }

        public Builder failNextStarts(int n, int win32ErrorCode) {
            this.startFailures = n;
            this.startFailureCode = win32ErrorCode;
            return this;
        }

        public Builder failStartsAlways(int win32ErrorCode) {
            this.startFailures = HostFault.ALWAYS;
            this.startFailureCode = win32ErrorCode;
            return this;
        }

        public Builder fault(HostFault fault) {
            faults.add(fault);
            return this;
        }

        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /** Where the host saves its state after every change (from its first state on); none by default. */
        public Builder store(SimulatedHostStore store) {
            this.store = store;
            return this;
        }

        public SimulatedWindowsHost build() {
            return new SimulatedWindowsHost(this);
        }
    }
}
