package org.calconfleet.window.api;

import java.time.Instant;
import org.calconfleet.window.SiteFreezeInfo;
import org.jspecify.annotations.Nullable;

/** {@code site} is null for a freeze of all sites. */
record FreezeResponse(long id, @Nullable String site, Instant from, Instant until, String reason, String createdBy,
                      Instant createdAt) {

    static FreezeResponse of(SiteFreezeInfo f) {
        return new FreezeResponse(f.id(), f.site(), f.freeze().from(), f.freeze().until(), f.reason(), f.createdBy(),
                f.createdAt());
    }
}
