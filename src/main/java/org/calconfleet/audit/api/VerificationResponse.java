package org.calconfleet.audit.api;

import org.calconfleet.audit.ChainVerification;
import org.jspecify.annotations.Nullable;

/** Whether the chain is intact; if not, the first entry that breaks it and how. */
record VerificationResponse(boolean intact, long checked, @Nullable Long brokenAtSeq,
                            ChainVerification.@Nullable Problem problem, String message) {
}
