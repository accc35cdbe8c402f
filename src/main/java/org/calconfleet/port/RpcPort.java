package org.calconfleet.port;

/**
 * A valid Calendar Connector RPC port: 0 (dynamic: the endpoint mapper picks a port above 1024) or a
 * pinned port from 1025 to 65535. Use {@link PortRules} to get one from untrusted input.
 */
public record RpcPort(int value) implements Comparable<RpcPort> {

    public static final int DYNAMIC_VALUE = 0;
    public static final int LOWEST_PINNED = 1025;
    public static final int HIGHEST = 65535;
    public static final RpcPort DYNAMIC = new RpcPort(DYNAMIC_VALUE);

    public RpcPort {
        var refusals = PortRules.refusalsFor(value);
        if (!refusals.isEmpty()) {
            throw new RefusedException(refusals);
        }
    }

    public static RpcPort of(int value) {
        return new RpcPort(value);
    }

    public boolean isDynamic() {
        return value == DYNAMIC_VALUE;
    }

    /** The number as written in the registry, on the Domino console and in firewall rules. */
    public String text() {
        return Integer.toString(value);
    }

    @Override
    public int compareTo(RpcPort other) {
        return Integer.compare(value, other.value);
    }
}
