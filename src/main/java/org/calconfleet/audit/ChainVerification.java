package org.calconfleet.audit;

import java.util.Locale;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking the chain against the signed checkpoints: intact, or the first problem found, with the
 * entry it is at and the checkpoint it concerns where it has them.
 */
public record ChainVerification(long checked, long checkpointsChecked, @Nullable Long brokenAtSeq,
                                @Nullable Long checkpoint, @Nullable Problem problem) {

    public enum Problem {
        HASH_MISMATCH, LINK_MISMATCH, SEQUENCE_GAP, TAIL_MISSING,
        /** The chain is consistent in itself but differs from a signed checkpoint: it was rewritten. */
        CHECKPOINT_CONTRADICTED,
        /** A checkpoint file is not signed by the console's key (or is no checkpoint at all). */
        CHECKPOINT_FORGED,
        CHECKPOINT_MISSING;

        public String messageKey() {
            return "audit.verify.problem." + name().toLowerCase(Locale.ROOT);
        }

        /** The problem named in a few words, as a stored verification shows it. */
        String labelKey() {
            return "audit.problem." + name().toLowerCase(Locale.ROOT);
        }
    }

    static ChainVerification intact(long checked, long checkpointsChecked) {
        return new ChainVerification(checked, checkpointsChecked, null, null, null);
    }

    static ChainVerification broken(long checked, long checkpointsChecked, @Nullable Long seq,
            @Nullable Long checkpoint, Problem problem) {
        return new ChainVerification(checked, checkpointsChecked, seq, checkpoint, problem);
    }

    public boolean isIntact() {
        return problem == null;
    }

    /** The message that tells the outcome; its arguments are {@link #messageArguments()}. */
    public String messageKey() {
        return problem == null ? "audit.verify.intact" : problem.messageKey();
    }

    /** Entries checked, checkpoints checked, the entry and the checkpoint concerned (null where none). */
    public Object[] messageArguments() {
        return new Object[] {checked, checkpointsChecked, brokenAtSeq, checkpoint};
    }

    /** The outcome as the audit trail stores it. */
    StoredMessage auditValue() {
        if (problem == null) {
            return StoredMessage.of("audit.value.verified.intact", StoredMessage.count(checked),
                    StoredMessage.count(checkpointsChecked));
        }
        return StoredMessage.of("audit.value.verified.broken", new StoredMessage.Choice(problem.labelKey()),
                numberOrNone(brokenAtSeq), numberOrNone(checkpoint), StoredMessage.count(checked));
    }

    private static StoredMessage.Argument numberOrNone(@Nullable Long number) {
        return number == null ? StoredMessage.inner(StoredMessage.of("audit.value.none"))
                : StoredMessage.port(number);
    }
}
