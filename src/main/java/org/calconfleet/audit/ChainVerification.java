package org.calconfleet.audit;

import org.jspecify.annotations.Nullable;

/** The outcome of walking the chain: intact, or the first entry that breaks it and how. */
public record ChainVerification(long checked, @Nullable Long brokenAtSeq, @Nullable Problem problem) {

    public enum Problem {
        HASH_MISMATCH, LINK_MISMATCH, SEQUENCE_GAP, TAIL_MISSING;

        public String messageKey() {
            return "audit.verify.problem." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static ChainVerification intact(long checked) {
        return new ChainVerification(checked, null, null);
    }

    static ChainVerification broken(long checked, long seq, Problem problem) {
        return new ChainVerification(checked, seq, problem);
    }

    public boolean isIntact() {
        return brokenAtSeq == null;
    }
}
