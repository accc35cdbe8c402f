package org.calconfleet.window;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A freeze, as pages and the REST API show it; {@code site} is null for a freeze of all sites. */
public record SiteFreezeInfo(long id, @Nullable String site, Freeze freeze, String reason, String createdBy,
                             Instant createdAt) {
}
