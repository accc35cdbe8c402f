package org.calconfleet.host.simulated;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.calconfleet.host.TcpListener;

/**
 * The TCP listeners of the processes of a {@link SimulatedWindowsHost} other than the connector, whose own listener
 * comes and goes with its service. Guarded by the host's monitor.
 */
final class SimulatedTcpTable {

    private static final int FIRST_DYNAMIC_PORT = 49152;

    private final List<TcpListener> others = new ArrayList<>();

    SimulatedTcpTable(List<TcpListener> others) {
        this.others.addAll(others);
    }

    List<TcpListener> others() {
        return List.copyOf(others);
    }

    void add(TcpListener listener) {
        others.add(listener);
    }

    /** The listener of another process on {@code port}, if one holds it. */
    Optional<TcpListener> holder(int port) {
        return others.stream().filter(l -> l.port() == port).findFirst();
    }

    /** The first port of the dynamic range no other process listens on, as Windows gives an unpinned endpoint. */
    int freeDynamicPort() {
        int port = FIRST_DYNAMIC_PORT;
        while (holder(port).isPresent()) {
            port++;
        }
        return port;
    }

    /** All listeners, with the connector's own if it listens, by port. */
    List<TcpListener> with(Optional<TcpListener> connector) {
        List<TcpListener> all = new ArrayList<>(others);
        connector.ifPresent(all::add);
        all.sort(Comparator.comparingInt(TcpListener::port).thenComparingInt(TcpListener::processId));
        return all;
    }
}
