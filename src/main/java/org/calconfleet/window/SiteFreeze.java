package org.calconfleet.window;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A freeze of one site, or of all sites when it names none, as stored. */
@Entity
@Table(name = "site_freeze")
class SiteFreeze {

    static final int REASON_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(length = SiteWindow.SITE_MAX)
    private @Nullable String site;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt = Instant.EPOCH;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt = Instant.EPOCH;

    @Column(nullable = false, length = REASON_MAX)
    private String reason = "";

    @Column(name = "created_by", nullable = false)
    private String createdBy = "";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;

    protected SiteFreeze() {
    }

    SiteFreeze(@Nullable String site, Freeze freeze, String reason, String createdBy, Instant createdAt) {
        this.site = site;
        this.startsAt = freeze.from();
        this.endsAt = freeze.until();
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    boolean appliesTo(String aSite) {
        return site == null || site.equals(aSite);
    }

    Freeze freeze() {
        return new Freeze(startsAt, endsAt);
    }

    SiteFreezeInfo info() {
        return new SiteFreezeInfo(Objects.requireNonNull(id), site, freeze(), reason, createdBy, createdAt);
    }
}
