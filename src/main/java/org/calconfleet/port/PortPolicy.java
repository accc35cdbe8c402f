package org.calconfleet.port;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What a fleet allows as Calendar Connector port: pinned ports from the allowed ranges except the
 * reserved ones, 0 (dynamic) if allowed, and whether one port must be shared per site or fleet-wide.
 */
public record PortPolicy(List<PortRange> allowedRanges, Set<Integer> reservedPorts, boolean dynamicAllowed,
        PortScope scope) {

    public static final PortPolicy DEFAULT =
            new PortPolicy(List.of(new PortRange(45000, 45999)), Set.of(), true, PortScope.PER_SERVER);

    public PortPolicy {
        if (allowedRanges.isEmpty()) {
            throw new IllegalArgumentException("a port policy allows at least one range of pinned ports");
        }
        for (var reserved : reservedPorts) {
            if (reserved < RpcPort.LOWEST_PINNED || reserved > RpcPort.HIGHEST) {
                throw new IllegalArgumentException("a reserved port lies inside " + RpcPort.LOWEST_PINNED + "-"
                        + RpcPort.HIGHEST + ": " + reserved);
            }
        }
        allowedRanges = List.copyOf(allowedRanges);
        reservedPorts = Set.copyOf(reservedPorts);
    }

    public List<PortRefusal> refusalsFor(RpcPort port, PeerPorts peers) {
        var refusals = new ArrayList<PortRefusal>();
        if (port.isDynamic()) {
            if (!dynamicAllowed) {
                refusals.add(PortRefusal.of(PortRefusalReason.DYNAMIC_NOT_ALLOWED));
            }
        } else {
            if (reservedPorts.contains(port.value())) {
                refusals.add(PortRefusal.of(PortRefusalReason.RESERVED, port.text()));
            }
            if (allowedRanges.stream().noneMatch(range -> range.contains(port.value()))) {
                refusals.add(PortRefusal.of(PortRefusalReason.OUTSIDE_POLICY_RANGES, port.text(), rangesText()));
            }
        }
        var others = othersThan(port, portsThatMustBeShared(peers));
        if (!others.isEmpty()) {
            refusals.add(scope == PortScope.PER_SITE
                    ? PortRefusal.of(PortRefusalReason.DIFFERS_FROM_SITE, port.text(), others, peers.site())
                    : PortRefusal.of(PortRefusalReason.DIFFERS_FROM_FLEET, port.text(), others));
        }
        return List.copyOf(refusals);
    }

    public PortCheck check(RpcPort port, PeerPorts peers) {
        return PortCheck.of(port, refusalsFor(port, peers));
    }

    /** The lowest allowed port that is free on the target host(s), for a server whose peers do not matter. */
    public Optional<RpcPort> suggest(Collection<Integer> portsInUse) {
        return suggest(portsInUse, PeerPorts.none());
    }

    /**
     * The lowest allowed pinned port that is neither reserved nor in use on the target host(s). When the
     * scope demands one shared port and the peers already agree on one, that port is the only candidate.
     */
    public Optional<RpcPort> suggest(Collection<Integer> portsInUse, PeerPorts peers) {
        var inUse = new HashSet<>(portsInUse);
        var shared = portsThatMustBeShared(peers);
        if (!shared.isEmpty()) {
            if (shared.size() > 1) {
                return Optional.empty();
            }
            var port = shared.iterator().next();
            var free = port.isDynamic() || !inUse.contains(port.value());
            return free && refusalsFor(port, peers).isEmpty() ? Optional.of(port) : Optional.empty();
        }
        return allowedRanges.stream()
                .sorted(Comparator.comparingInt(PortRange::from))
                .flatMap(range -> IntStream.rangeClosed(range.from(), range.to()).boxed())
                .filter(port -> !reservedPorts.contains(port) && !inUse.contains(port))
                .findFirst()
                .map(RpcPort::new);
    }

    /** The allowed ranges as shown in messages: "45000-45999, 47000". */
    public String rangesText() {
        return allowedRanges.stream().map(PortRange::text).collect(Collectors.joining(", "));
    }

    private Set<RpcPort> portsThatMustBeShared(PeerPorts peers) {
        return switch (scope) {
            case PER_SERVER -> Set.of();
            case PER_SITE -> peers.onSite();
            case FLEET_WIDE -> peers.inFleetIncludingSite();
        };
    }

    private static String othersThan(RpcPort port, Set<RpcPort> ports) {
        return ports.stream()
                .filter(other -> !other.equals(port))
                .sorted()
                .map(RpcPort::text)
                .collect(Collectors.joining(", "));
    }
}
