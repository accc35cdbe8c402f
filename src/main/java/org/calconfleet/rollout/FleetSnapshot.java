package org.calconfleet.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the fleet looked like when a drift scan ended: the points of the drift and needs-attention chart. */
@Entity
@Table(name = "fleet_snapshot")
class FleetSnapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt = Instant.EPOCH;

    @Column(nullable = false)
    private long servers;

    @Column(nullable = false)
    private long drifted;

    @Column(nullable = false)
    private int unreachable;

    @Column(name = "needs_attention", nullable = false)
    private long needsAttention;

    protected FleetSnapshot() {
    }

    FleetSnapshot(Instant takenAt, long servers, long drifted, int unreachable, long needsAttention) {
        this.takenAt = takenAt;
        this.servers = servers;
        this.drifted = drifted;
        this.unreachable = unreachable;
        this.needsAttention = needsAttention;
    }
}
