package org.calconfleet.window;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One weekly window of a site, as stored. */
@Entity
@Table(name = "site_window")
class SiteWindow {

    static final int SITE_MAX = 64;
    static final int ZONE_MAX = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = SITE_MAX)
    private String site = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false)
    private DayOfWeek dayOfWeek = DayOfWeek.SUNDAY;

    @Column(name = "start_time", nullable = false)
    private LocalTime startTime = LocalTime.MIDNIGHT;

    @Column(name = "end_time", nullable = false)
    private LocalTime endTime = LocalTime.MIDNIGHT;

    @Column(nullable = false, length = ZONE_MAX)
    private String zone = "UTC";

    @Column(name = "created_by", nullable = false)
    private String createdBy = "";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;

    protected SiteWindow() {
    }

    SiteWindow(String site, WeeklyWindow window, String createdBy, Instant createdAt) {
        this.site = site;
        this.dayOfWeek = window.day();
        this.startTime = window.start();
        this.endTime = window.end();
        this.zone = window.zone().getId();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    String getSite() {
        return site;
    }

    WeeklyWindow window() {
        return new WeeklyWindow(dayOfWeek, startTime, endTime, ZoneId.of(zone));
    }

    SiteWindowInfo info() {
        return new SiteWindowInfo(Objects.requireNonNull(id), site, window(), createdBy, createdAt);
    }
}
