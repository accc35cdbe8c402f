package org.calconfleet.fleet;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Whether the port a server should use is the port its registry holds. */
public enum Drift {
    IN_SYNC, DRIFTED, UNKNOWN;

    static Drift of(@Nullable Integer desired, @Nullable Integer observedExchange, @Nullable Integer observedNotes) {
        if (desired == null || observedExchange == null || observedNotes == null) {
            return UNKNOWN;
        }
        return desired.equals(observedExchange) && desired.equals(observedNotes) ? IN_SYNC : DRIFTED;
    }

    public String messageKey() {
        return "drift." + name().toLowerCase(Locale.ROOT).replace("_", "");
    }
}
