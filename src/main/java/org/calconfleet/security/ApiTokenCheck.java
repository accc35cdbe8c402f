package org.calconfleet.security;

import java.util.Set;
import org.calconfleet.access.Role;

/** Whether a presented bearer token may act, and as whom: always its owner with the owner's role of now. */
public sealed interface ApiTokenCheck {

    record Accepted(String username, Role role, Set<String> sites) implements ApiTokenCheck {
    }

    record Refused(Reason reason) implements ApiTokenCheck {
    }

    enum Reason {
        UNKNOWN, REVOKED, EXPIRED, OWNER_DISABLED;

        public String messageKey() {
            return "api.token.refused." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
