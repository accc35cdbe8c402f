package org.calconfleet.audit;

import java.nio.file.Path;

/** Published in the transaction that wrote a checkpoint, for those who keep a copy elsewhere (mail). */
public record AuditCheckpointWritten(AuditCheckpoint checkpoint, Path file) {
}
