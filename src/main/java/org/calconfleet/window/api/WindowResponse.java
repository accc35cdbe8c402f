package org.calconfleet.window.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.calconfleet.window.SiteWindowInfo;

record WindowResponse(long id, String site, DayOfWeek day, LocalTime start, LocalTime end, String zone,
                      String createdBy, Instant createdAt) {

    static WindowResponse of(SiteWindowInfo w) {
        return new WindowResponse(w.id(), w.site(), w.window().day(), w.window().start(), w.window().end(),
                w.window().zone().getId(), w.createdBy(), w.createdAt());
    }
}
