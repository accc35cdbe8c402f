package org.calconfleet.audit.api;

import java.time.Instant;
import java.util.Base64;
import org.calconfleet.audit.AuditCheckpoint;

/** A checkpoint as written: which entry it signs, its hash, when, by which node, and the file's name and text. */
record CheckpointResponse(long number, long seq, String headHash, Instant writtenAt, String node, String signature,
                          String fileName, String text) {

    static CheckpointResponse of(AuditCheckpoint c) {
        return new CheckpointResponse(c.number(), c.seq(), c.headHash(), c.writtenAt(), c.node(),
                Base64.getEncoder().encodeToString(c.signature()), c.fileName(), c.text());
    }
}
