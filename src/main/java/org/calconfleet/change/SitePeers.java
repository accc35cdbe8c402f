package org.calconfleet.change;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calconfleet.fleet.FleetObservations;
import org.calconfleet.port.PeerPorts;
import org.calconfleet.port.PortRules;
import org.calconfleet.port.RpcPort;

/**
 * The ports the servers outside a change desire, grouped by site once, so that the peers of each host in the change
 * cost a lookup: the same site's ports, and the other sites' ports.
 */
final class SitePeers {

    private final Map<String, Set<RpcPort>> bySite = new HashMap<>();
    private final Map<String, PeerPorts> peers = new HashMap<>();

    SitePeers(List<FleetObservations.DesiredPort> desired, Collection<Long> inChange) {
        Set<Long> leftOut = inChange instanceof Set<Long> set ? set : new HashSet<>(inChange);
        for (FleetObservations.DesiredPort d : desired) {
            if (d.port() != null && !leftOut.contains(d.serverId())) {
                PortRules.check(d.port()).validPort()
                        .ifPresent(p -> bySite.computeIfAbsent(d.site(), s -> new HashSet<>()).add(p));
            }
        }
    }

    /** The peers of a server on {@code site}. */
    synchronized PeerPorts of(String site) {
        return peers.computeIfAbsent(site, s -> {
            Set<RpcPort> inFleet = new HashSet<>();
            bySite.forEach((other, ports) -> {
                if (!other.equals(s)) {
                    inFleet.addAll(ports);
                }
            });
            return new PeerPorts(s, bySite.getOrDefault(s, Set.of()), inFleet);
        });
    }
}
