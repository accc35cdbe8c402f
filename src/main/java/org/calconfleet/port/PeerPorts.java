package org.calconfleet.port;

import java.util.HashSet;
import java.util.Set;

/**
 * The ports currently desired by the other servers: those on the same site and those in the whole
 * fleet. Leave out the servers that the change being checked will move too, or they will count as
 * conflicts with the port they are about to get.
 */
public record PeerPorts(String site, Set<RpcPort> onSite, Set<RpcPort> inFleet) {

    public PeerPorts {
        onSite = Set.copyOf(onSite);
        inFleet = Set.copyOf(inFleet);
    }

    public static PeerPorts none() {
        return new PeerPorts("", Set.of(), Set.of());
    }

    /** Every other server in the fleet, whether or not the caller also listed the site's servers there. */
    public Set<RpcPort> inFleetIncludingSite() {
        var all = new HashSet<>(inFleet);
        all.addAll(onSite);
        return Set.copyOf(all);
    }
}
