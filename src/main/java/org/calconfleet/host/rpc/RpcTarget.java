package org.calconfleet.host.rpc;

/**
 * Where a host's SMB server listens: a host name or address and a TCP port, {@value #SMB_PORT} unless a test
 * peer or a tunnel says otherwise.
 */
public record RpcTarget(String host, int port) {

    public static final int SMB_PORT = 445;

    public RpcTarget {
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
    }

    public static RpcTarget of(String host) {
        return new RpcTarget(host, SMB_PORT);
    }

    @Override
    public String toString() {
        return port == SMB_PORT ? host : host + ":" + port;
    }
}
