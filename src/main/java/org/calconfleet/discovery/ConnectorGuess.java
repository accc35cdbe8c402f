package org.calconfleet.discovery;

import java.util.Locale;
import java.util.Set;

/**
 * What the console can tell, from version and roles alone, about whether a server runs the Calendar Connector for
 * Lotus Domino: the directory does not record the connector, so this is a guess the administrator confirms.
 */
public enum ConnectorGuess {
    /** Exchange 2007 with the Hub Transport role, where the Transporter Suite's connector usually runs. */
    LIKELY(true, true),
    /** Exchange 2007 without Hub Transport (a mailbox-only server, say): no connector expected, yet it may have one. */
    NOT_EXPECTED(true, false),
    /** The directory states no version the console can read: only a look at the host tells. */
    VERSION_UNKNOWN(true, false),
    /** An Edge Transport server: outside the domain, not a host the connector is installed on. */
    EDGE(false, false),
    /** Not Exchange 2007: the connector and the console's procedure are for Exchange 2007 only. */
    OTHER_VERSION(false, false);

    private final boolean selectable;
    private final boolean preselected;

    ConnectorGuess(boolean selectable, boolean preselected) {
        this.selectable = selectable;
        this.preselected = preselected;
    }

    static ConnectorGuess of(DirectoryServer server) {
        Set<ExchangeRole> roles = server.roles();
        if (roles.contains(ExchangeRole.EDGE_TRANSPORT)) {
            return EDGE;
        }
        if (server.build() == null) {
            return VERSION_UNKNOWN;
        }
        if (!server.build().isExchange2007()) {
            return OTHER_VERSION;
        }
        return roles.contains(ExchangeRole.HUB_TRANSPORT) ? LIKELY : NOT_EXPECTED;
    }

    /** Whether the administrator may add the server at all. */
    public boolean selectable() {
        return selectable;
    }

    /** Whether the page offers the server ticked. */
    public boolean preselected() {
        return preselected;
    }

    public String messageKey() {
        return "discovery.guess." + name().toLowerCase(Locale.ROOT);
    }
}
