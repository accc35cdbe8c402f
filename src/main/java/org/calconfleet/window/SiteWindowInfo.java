package org.calconfleet.window;

import java.time.Instant;

/** A site's weekly window, as pages and the REST API show it. */
public record SiteWindowInfo(long id, String site, WeeklyWindow window, String createdBy, Instant createdAt) {
}
