package org.calconfleet.host.simulated;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.EventType;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
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
 * <h2>Its pieces</h2>
 * The host is its {@link SimulatedRegistry registry}, {@link SimulatedServiceControlManager service control manager},
 * {@link SimulatedEventLog event log} and {@link SimulatedTcpTable TCP listeners}, behind the
 * {@link SimulatedCallAdmission latency and faults} every backend call meets first. The pieces hold no lock of their
 * own: this class holds them together under its monitor, settles transitions before each access and saves after
 * each change.
 *
 * <p>Thread-safe: every method holds the host's monitor for a short section that does not wait (saving the state
 * writes a file).
 */
public final class SimulatedWindowsHost {

    /** The connector's process when the demo does not name another. */
    public static final String DEFAULT_CONNECTOR_PROCESS = "calcon.exe";

    private final String hostName;
    private final HostTime time;
    private final SimulatedHostStore store;
    private final SimulatedRegistry registry;
    private final SimulatedEventLog eventLog;
    private final SimulatedTcpTable tcp;
    private final SimulatedCallAdmission admission;
    private final SimulatedServiceControlManager services;

    SimulatedWindowsHost(SimulatedHostBuilder b) {
        this.hostName = b.hostName;
        this.time = b.time;
        this.store = b.store;
        this.registry = new SimulatedRegistry();
        if (b.parametersKey) {
            registry.createKey(CalConRegistry.PARAMETERS_KEY);
        }
        b.values.forEach((name, value) -> registry.put(CalConRegistry.PARAMETERS_KEY, name, value));
        if (b.diagnostics != null) {
            registry.put(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY, b.diagnostics);
        }
        this.eventLog = new SimulatedEventLog();
        this.tcp = new SimulatedTcpTable(b.listeners);
        this.admission = new SimulatedCallAdmission(b.latency,
                b.faults.stream().map(f -> new SimulatedHostState.PendingFault(f, f.times())).toList());
        this.services = new SimulatedServiceControlManager(time, registry, eventLog, tcp, this::keep,
                b.connectorProcess);
        services.setTimings(b.stopDuration, b.startDuration);
        services.failStarts(b.startFailures, b.startFailureCode);
        services.setDominoLinkFailing(b.dominoLinkFailing);
        b.otherServices.forEach(services::addOtherService);
        if (b.serviceState != ServiceState.NOT_INSTALLED) {
            services.install(b.serviceName, b.serviceState);
        }
        keep();
    }

    private SimulatedWindowsHost(SimulatedHostState saved, HostTime time, SimulatedHostStore store) {
        this.hostName = saved.hostName();
        this.time = time;
        this.store = store;
        this.registry = new SimulatedRegistry(saved.registry(), saved.calConWrites());
        this.eventLog = new SimulatedEventLog(saved.events());
        this.tcp = new SimulatedTcpTable(saved.listeners());
        this.admission = new SimulatedCallAdmission(saved.latency(), saved.faults());
        this.services = new SimulatedServiceControlManager(time, registry, eventLog, tcp, this::keep, saved);
    }

    /** The host as {@code store} last saved it, on {@code time}, saving its changes there from now on. */
    public static SimulatedWindowsHost restore(SimulatedHostState saved, HostTime time, SimulatedHostStore store) {
        return new SimulatedWindowsHost(saved, time, store);
    }

    /** Everything this host is, as data (see {@link SimulatedHostState} for what is left out). */
    public synchronized SimulatedHostState state() {
        return services.state(hostName, admission);
    }

    /** Saves the state after a change, before the call that made it returns. */
    private void keep() {
        if (store != SimulatedHostStore.NONE) {
            store.save(state());
        }
    }

    /** Applies the end of a transition that lies in the past, before anything reads or changes what it changes. */
    private void settle() {
        services.settle();
    }

    public static SimulatedHostBuilder builder(String hostName) {
        return new SimulatedHostBuilder(hostName);
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

    synchronized SimulatedCallAdmission.Admission admit(HostOperation operation) {
        return admission.admit(operation, hostName, this::keep);
    }

    public synchronized void injectFault(HostFault fault) {
        admission.inject(fault);
        keep();
    }

    public synchronized void clearFaults() {
        admission.clear();
        keep();
    }

    // ---------------------------------------------------------------- registry

    public synchronized Optional<RegistryValue> registryValue(String key, String valueName) {
        return registry.value(key, valueName);
    }

    public synchronized boolean registryKeyExists(String key) {
        return registry.keyExists(key);
    }

    /** Sets a value of any type, creating its key: for arranging a host. */
    public synchronized void putRegistryValue(String key, String valueName, RegistryValue value) {
        settle();
        registry.put(key, valueName, value);
        keep();
    }

    public synchronized void deleteRegistryValue(String key, String valueName) {
        settle();
        registry.delete(key, valueName);
        keep();
    }

    /** Deletes a key with its subkeys. */
    public synchronized void deleteRegistryKey(String key) {
        settle();
        registry.deleteKey(key);
        keep();
    }

    public synchronized void setDiagnosticLevel(DiagnosticLevel level) {
        putRegistryValue(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY,
                RegistryValue.dword(level.registryValue()));
    }

    /** Writes both port values as DWORDs in one step (as the backend's write), counted as one CalCon write. */
    synchronized void writeCalConPorts(int exchangeSide, int notesSide) {
        settle();
        registry.writeCalConPorts(exchangeSide, notesSide);
        keep();
    }

    /** Sets (value present) or deletes (null) each port value in one step, counted as one CalCon write. */
    synchronized void restoreCalConPorts(@Nullable RegistryValue exchangeSide, @Nullable RegistryValue notesSide) {
        settle();
        registry.restoreCalConPorts(exchangeSide, notesSide);
        keep();
    }

    // ---------------------------------------------------------------- services

    public synchronized void setServiceTimings(Duration stop, Duration start) {
        settle();
        services.setTimings(stop, start);
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
        services.failStarts(n, win32ErrorCode);
        keep();
    }

    public synchronized void failStartsAlways(int win32ErrorCode) {
        services.failStarts(HostFault.ALWAYS, win32ErrorCode);
        keep();
    }

    public synchronized void clearStartFailures() {
        services.clearStartFailures();
        keep();
    }

    public synchronized void setDominoLinkFailing(boolean failing) {
        settle();
        services.setDominoLinkFailing(failing);
        keep();
    }

    /**
     * Starts write 6001 with {@code port} whatever the registry holds, as a connector that did not pick up the
     * written values would; {@code null} reports the configured port again.
     */
    public synchronized void reportRpcPortAs(@Nullable Integer port) {
        settle();
        services.reportRpcPortAs(port);
        keep();
    }

    /** Starts write no 6001 even at logging High, as when the connector's logging is broken or the log is full. */
    public synchronized void suppressRpcPortEvent(boolean suppressed) {
        settle();
        services.suppressRpcPortEvent(suppressed);
        keep();
    }

    public synchronized ServiceState serviceState() {
        settle();
        return services.connectorState();
    }

    synchronized SimulatedServiceStatus serviceStatus(String name) {
        settle();
        return services.status(name);
    }

    synchronized Optional<String> serviceNameForDisplayName(String displayName) {
        return services.serviceNameForDisplayName(displayName);
    }

    /** ControlService(SERVICE_CONTROL_STOP): 0, or the Win32 error the real call would set. */
    synchronized int sendStop(String name) {
        settle();
        return services.sendStop(name);
    }

    /** StartService: 0, or the Win32 error the real call would set. */
    synchronized int sendStart(String name) {
        settle();
        return services.sendStart(name);
    }

    // ---------------------------------------------------------------- event log

    /** Writes an entry to the Application log: for arranging a host. */
    public synchronized void logApplicationEvent(String source, int eventId, EventType type, String text) {
        settle();
        eventLog.write(CalConEvents.LOG, source, eventId, type, time.now(), text);
        keep();
    }

    /**
     * Writes an entry dated {@code at} (in its place by time) to the Application log: for arranging a host with
     * events of an earlier start, such as a 6001 the connector wrote before this restart.
     */
    public synchronized void logApplicationEvent(String source, int eventId, EventType type, Instant at, String text) {
        settle();
        eventLog.insert(CalConEvents.LOG, source, eventId, type, at, text);
        keep();
    }

    /**
     * Entries of one log written in the second of {@code since} or later (the log keeps whole seconds), oldest
     * first, remembering the {@code since} the reader asked for.
     */
    synchronized List<HostEvent> eventsSince(String log, Instant since) {
        settle();
        return eventLog.readSince(log, since);
    }

    /** The instants the latest readers asked for events since, oldest first. */
    public synchronized List<Instant> eventReadsSince() {
        return eventLog.readsSince();
    }

    /** Entries of one log, oldest first; times in whole seconds, as the event log keeps them. */
    public synchronized List<HostEvent> events(String log) {
        settle();
        return eventLog.read(log);
    }

    // ---------------------------------------------------------------- TCP listeners

    /** Listeners of other processes plus the connector's own while it runs, by port. */
    public synchronized List<TcpListener> listeners() {
        settle();
        return tcp.with(services.connectorListener());
    }

    public synchronized void addListener(TcpListener listener) {
        settle();
        tcp.add(listener);
        keep();
    }

    // ---------------------------------------------------------------- counters

    /** Successful writes of the CalCon values (a write or a restore of both counts once). */
    public synchronized int calConWrites() {
        return registry.calConWrites();
    }

    /** Start commands the service control manager accepted or refused on a stopped service. */
    public synchronized int startAttempts() {
        return services.startAttempts();
    }

    /** Stop commands sent to a running service. */
    public synchronized int stopRequests() {
        return services.stopRequests();
    }

    /** Backend calls of an operation, including those answered by a fault. */
    public synchronized int calls(HostOperation operation) {
        return admission.calls(operation);
    }
}
