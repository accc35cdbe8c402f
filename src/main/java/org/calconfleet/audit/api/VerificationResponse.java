package org.calconfleet.audit.api;

import org.calconfleet.audit.ChainVerification;
import org.jspecify.annotations.Nullable;

/**
 * Whether the chain is intact and agrees with every signed checkpoint; if not, the first problem, the entry it is at
 * and the checkpoint it concerns (where they apply).
 */
record VerificationResponse(boolean intact, long checked, long checkpointsChecked, @Nullable Long brokenAtSeq,
                            @Nullable Long checkpoint, ChainVerification.@Nullable Problem problem, String message) {
}
