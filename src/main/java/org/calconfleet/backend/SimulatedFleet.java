package org.calconfleet.backend;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.RunbookDominoConsole;
import org.calconfleet.domino.simulated.SimulatedDominoConsole;
import org.calconfleet.domino.simulated.SimulatedDominoServer;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.simulated.RegistryValue;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.simulated.SimulatedHostBackend;
import org.calconfleet.host.simulated.SimulatedHostBuilder;
import org.calconfleet.host.simulated.SimulatedHostStore;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.port.ConnectorKind;

/**
 * The simulated hosts of every server whose backend is SIMULATED: one {@link SimulatedWindowsHost} per host name,
 * created the first time it is asked for, in the state the inventory last observed (port values, service state,
 * diagnostic level; an unknown level counts as High, an unknown service state as running), then shaped by the
 * {@link SimulatedHostQuirks} beans. From then on the host keeps its own state: the inventory is what the console
 * observed, the host is what is. With a {@link SimulatedHostStore} that keeps it (the console's
 * {@code calcon.simulated.state-directory}), that state outlives the console: a host saved by an earlier run of the
 * console comes back as it was left, and neither the inventory nor the quirks shape it again. Domino servers likewise
 * (but only in memory), with EXCALCON loaded on the observed ports; those marked
 * with {@link #useRunbookFor} answer through the runbook (an operator confirms).
 *
 * <p>Thread-safe. Holds no Spring state, so one fleet can serve two application contexts (a restart test).
 */
public final class SimulatedFleet {

    /** How the simulated hosts behave in time: service transitions and the latency of every backend call. */
    public record Settings(Duration stopDuration, Duration startDuration, Duration latency) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ZERO);
    }

    private final Settings settings;
    private final HostTime time;
    private final List<SimulatedHostQuirks> quirks;
    private final SimulatedHostStore store;
    private final ConcurrentMap<String, SimulatedWindowsHost> hosts = new ConcurrentHashMap<>();
    private final SimulatedDominoConsole dominoConsole = new SimulatedDominoConsole();
    private final Set<String> runbookDominoServers = ConcurrentHashMap.newKeySet();
    private final RunbookDominoConsole runbook = new RunbookDominoConsole();

    public SimulatedFleet(Settings settings, HostTime time, List<SimulatedHostQuirks> quirks,
            SimulatedHostStore store) {
        this.settings = settings;
        this.time = time;
        this.quirks = List.copyOf(quirks);
        this.store = store;
    }

    /** Hosts that live in memory only. */
    public SimulatedFleet(Settings settings) {
        this(settings, HostTime.system(), List.of(), SimulatedHostStore.NONE);
    }

    public Settings settings() {
        return settings;
    }

    /** The server's host: as the store last saved it, else created from its observed values. */
    public SimulatedWindowsHost host(ExchangeServer server) {
        String key = key(server.getHostName());
        // a lookup that never locks first: computeIfAbsent locks the key's bin, and a plan asks from thousands of
        // threads at once
        SimulatedWindowsHost known = hosts.get(key);
        return known != null ? known : hosts.computeIfAbsent(key, k -> store.load(server.getHostName())
                .map(saved -> SimulatedWindowsHost.restore(saved, time, store))
                .orElseGet(() -> create(server)));
    }

    public Optional<SimulatedWindowsHost> existingHost(String hostName) {
        return Optional.ofNullable(hosts.get(key(hostName)));
    }

    /** Puts an arranged host in place of whatever the fleet would create: for tests. */
    public SimulatedWindowsHost put(SimulatedWindowsHost host) {
        hosts.put(key(host.hostName()), host);
        return host;
    }

    public int size() {
        return hosts.size();
    }

    public HostBackend backend(ExchangeServer server) {
        return new SimulatedHostBackend(host(server), server.getServiceName());
    }

    /** The console for the server's Domino partner; the partner is created on first use. */
    public DominoConsole dominoConsole(ExchangeServer server) {
        String domino = server.getDominoServer();
        if (domino != null && (runbookDominoServers.contains(key(domino))
                || quirks.stream().anyMatch(q -> q.dominoByRunbook(domino)))) {
            return runbook;
        }
        if (domino != null && dominoConsole.server(domino).isEmpty()) {
            synchronized (dominoConsole) {
                if (dominoConsole.server(domino).isEmpty()) {
                    dominoConsole.add(createDomino(server, domino));
                }
            }
        }
        return dominoConsole;
    }

    public Optional<SimulatedDominoServer> dominoServer(String name) {
        return dominoConsole.server(name);
    }

    /** This Domino server has no agent: its commands go through the runbook and an operator confirms them. */
    public void useRunbookFor(String dominoServer) {
        runbookDominoServers.add(key(dominoServer));
    }

    private SimulatedWindowsHost create(ExchangeServer server) {
        SimulatedHostBuilder b = SimulatedWindowsHost.builder(server.getHostName())
                .time(time)
                .serviceTimings(settings.stopDuration(), settings.startDuration())
                .latency(settings.latency())
                .store(store);
        Integer exchange = server.getObservedExchangePort();
        Integer notes = server.getObservedNotesPort();
        if (exchange != null) {
            b.parameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, RegistryValue.dword(exchange));
        }
        if (notes != null) {
            b.parameter(CalConRegistry.NOTES_SIDE_PORT_VALUE, RegistryValue.dword(notes));
        }
        b.diagnosticLevel(Boolean.FALSE.equals(server.getDiagnosticsHigh()) ? DiagnosticLevel.LOW : DiagnosticLevel.HIGH);
        switch (server.getServiceState()) {
            case NOT_INSTALLED -> b.serviceNotInstalled();
            case STOPPED -> b.service(server.getServiceName(), ServiceState.STOPPED);
            case PAUSED -> b.service(server.getServiceName(), ServiceState.PAUSED);
            case START_PENDING -> b.service(server.getServiceName(), ServiceState.START_PENDING);
            case STOP_PENDING -> b.service(server.getServiceName(), ServiceState.STOP_PENDING);
            case RUNNING, UNKNOWN -> b.service(server.getServiceName(), ServiceState.RUNNING);
        }
        for (SimulatedHostQuirks quirk : quirks) {
            quirk.shape(server, b);
        }
        return b.build();
    }

    private static SimulatedDominoServer createDomino(ExchangeServer server, String name) {
        SimulatedDominoServer domino = new SimulatedDominoServer(name);
        Integer exchange = server.getObservedExchangePort();
        Integer notes = server.getObservedNotesPort();
        if (server.getConnectorKind() == ConnectorKind.LOTUS_DOMINO && server.getCalendarSystem() != null
                && exchange != null && notes != null) {
            domino.withExcalcon(new DominoCommand.LoadExcalcon(server.getHostName(), server.getCalendarSystem(),
                    exchange, notes, true));
        }
        return domino;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
