package org.calconfleet.drift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the fleet looked like when a drift scan ended, and what the scan saw: the points of the drift and
 * needs-attention chart, and (the newest) the figures of the backends health check.
 */
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

    @Column(nullable = false)
    private int scanned;

    @Column(name = "skipped_busy", nullable = false)
    private int skippedBusy;

    protected FleetSnapshot() {
    }

    /** The scan's own figures, and the fleet's drift and needs-attention counts as the scan left them. */
    FleetSnapshot(DriftScanResult scan, long servers, long drifted, long needsAttention) {
        this.takenAt = scan.finishedAt();
        this.servers = servers;
        this.drifted = drifted;
        this.unreachable = scan.unreachable();
        this.needsAttention = needsAttention;
        this.scanned = scan.scanned();
        this.skippedBusy = scan.skippedBusy();
    }

    /** The scan as it was published; its drift count is the fleet's after the scan. */
    DriftScanResult scan() {
        return new DriftScanResult(takenAt, scanned, unreachable, skippedBusy, Math.toIntExact(drifted));
    }
}
