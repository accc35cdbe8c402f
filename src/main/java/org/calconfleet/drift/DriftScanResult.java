package org.calconfleet.drift;

import java.time.Instant;

/**
 * What one drift scan saw, published as an event when it ends. {@code unreachable} hosts did not answer the read of
 * their port values; {@code skippedBusy} were left to the rollout that holds them and are not in {@code scanned}.
 */
public record DriftScanResult(Instant finishedAt, int scanned, int unreachable, int skippedBusy, int drifted) {
}
