package org.calconfleet.host;

import java.util.Locale;

/**
 * The answer of a TCP connect probe from the console to a host port: a weaker signal than the host's own
 * listener table, since a firewall can make a listening port look closed and vice versa.
 */
public enum TcpProbe {
    /** The connection was accepted: something listens on the port. */
    ACCEPTED,
    /** Actively refused: most likely nothing listens (or a firewall rejects). */
    REFUSED,
    /** No answer within the time-out: filtered; says nothing about the port. */
    NO_ANSWER;

    public String messageKey() {
        return "host.tcp-probe." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
