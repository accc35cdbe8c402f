package org.calconfleet.port;

/** An inclusive range of pinned ports a port policy allows, inside 1025..65535. */
public record PortRange(int from, int to) {

    public PortRange {
        if (from < RpcPort.LOWEST_PINNED || to > RpcPort.HIGHEST || from > to) {
            throw new IllegalArgumentException("a port range lies inside " + RpcPort.LOWEST_PINNED + "-"
                    + RpcPort.HIGHEST + " and starts at or below its end: " + from + "-" + to);
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public boolean contains(int port) {
        return from <= port && port <= to;
    }

    public int size() {
        return to - from + 1;
    }

    /** "45000-45999", or "45001" for a single port: the form firewall rules and netsh take. */
    public String text() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
