package org.calconfleet.operations;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.calconfleet.rollout.DriftScanResult;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of the last drift scan, kept in the database (whichever node ran the scan) so that every node's health
 * check reads the same figures without asking a single host.
 */
@Component
class LastDriftScan {

    private final JdbcClient jdbc;

    LastDriftScan(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void scanned(DriftScanResult result) {
        jdbc.sql("update drift_scan_summary set finished_at = :at, scanned = :scanned, unreachable = :unreachable,"
                        + " skipped_busy = :skipped, drifted = :drifted where id = 1")
                .param("at", OffsetDateTime.ofInstant(result.finishedAt(), ZoneOffset.UTC))
                .param("scanned", result.scanned())
                .param("unreachable", result.unreachable())
                .param("skipped", result.skippedBusy())
                .param("drifted", result.drifted())
                .update();
    }

    Optional<DriftScanResult> read() {
        return jdbc.sql("select finished_at, scanned, unreachable, skipped_busy, drifted from drift_scan_summary"
                        + " where id = 1 and finished_at is not null")
                .query((rs, n) -> new DriftScanResult(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2),
                        rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .optional();
    }
}
