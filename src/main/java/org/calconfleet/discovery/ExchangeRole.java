package org.calconfleet.discovery;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The server roles of Exchange 2007 and 2010, as the bits of {@code msExchCurrentServerRoles}. */
public enum ExchangeRole {
    MAILBOX(2), CLIENT_ACCESS(4), UNIFIED_MESSAGING(16), HUB_TRANSPORT(32), EDGE_TRANSPORT(64);

    private final int flag;

    ExchangeRole(int flag) {
        this.flag = flag;
    }

    public static Set<ExchangeRole> ofFlags(int flags) {
        Set<ExchangeRole> roles = EnumSet.noneOf(ExchangeRole.class);
        for (ExchangeRole role : values()) {
            if ((flags & role.flag) != 0) {
                roles.add(role);
            }
        }
        return roles;
    }

    public String messageKey() {
        return "discovery.role." + name().toLowerCase(Locale.ROOT);
    }
}
