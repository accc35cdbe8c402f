package org.calconfleet.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The one row of {@code port_policy}: the policy in force. */
@Entity
@Table(name = "port_policy")
class StoredPolicy {

    static final int ID = 1;

    @Id
    private int id;

    @Embedded
    private PolicySettings settings = new PolicySettings();

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy = "";

    protected StoredPolicy() {
    }

    FleetPolicy toPolicy() {
        return settings.toPolicy();
    }

    PolicyRevision toRevision() {
        return new PolicyRevision(toPolicy(), version, updatedAt, updatedBy);
    }

    void apply(FleetPolicy policy, Instant when, String who) {
        this.settings = PolicySettings.of(policy);
        this.updatedAt = when;
        this.updatedBy = who;
    }

    long getVersion() {
        return version;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }
}
