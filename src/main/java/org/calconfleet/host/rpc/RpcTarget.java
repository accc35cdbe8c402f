package org.calconfleet.host.rpc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a host's SMB server listens: a host name or address and a TCP port, {@value #SMB_PORT} unless a test
 * peer or a tunnel says otherwise.
 */
public record RpcTarget(String host, int port) {

    public static final int SMB_PORT = 445;

    public static final String ADDRESS_PROBLEM = "rpc.address.invalid";

    /** {@code host}, {@code host:port} or {@code [ipv6]:port}; a host is letters, digits, dots, hyphens or an IPv6 address. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<name>[A-Za-z0-9][A-Za-z0-9.-]{0,252})(?::(?<port>\\d{1,5}))?|\\[(?<v6>[0-9A-Fa-f:.]{2,45})](?::(?<v6port>\\d{1,5}))?");

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

    /** A server record's backend address; throws {@link IllegalArgumentException} naming the i18n key of the problem. */
    public static RpcTarget parse(String text) {
        Matcher m = ADDRESS.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(ADDRESS_PROBLEM);
        }
        String host = m.group("name") != null ? m.group("name") : m.group("v6");
        String port = m.group("name") != null ? m.group("port") : m.group("v6port");
        int number = port == null ? SMB_PORT : Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException(ADDRESS_PROBLEM);
        }
        return new RpcTarget(host, number);
    }

    /** The i18n key of what is wrong with a backend address, or empty when it can be used. */
    public static Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(ADDRESS_PROBLEM);
        }
    }

    @Override
    public String toString() {
        return port == SMB_PORT ? host : host + ":" + port;
    }
}
