package org.calconfleet.audit;

import java.util.Comparator;
import java.util.List;

/**
 * What a checkpoint folder holds: the checkpoints whose signature holds (by number), the numbers of files that are
 * not validly signed checkpoints, and the numbers whose file is missing.
 */
record CheckpointSet(List<AuditCheckpoint> valid, List<Long> forged, List<Long> missing) {

    CheckpointSet {
        valid = valid.stream().sorted(Comparator.comparingLong(AuditCheckpoint::seq)
                .thenComparingLong(AuditCheckpoint::number)).toList();
        forged = List.copyOf(forged);
        missing = List.copyOf(missing);
    }
}
