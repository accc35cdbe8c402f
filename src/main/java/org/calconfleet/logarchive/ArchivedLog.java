package org.calconfleet.logarchive;

import java.time.Instant;

/** Where a rollout's host logs went when an administrator archived them. */
public record ArchivedLog(String fileName, String sha256, Instant archivedAt, String archivedBy) {
}
