package org.calconfleet.audit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Walks a chain in sequence order, each link against its predecessor and every entry a signed checkpoint names
 * against that checkpoint's hash. Shared by the console's verification and the offline verifier, so both judge
 * alike. A consistent rewrite passes the link checks but is found at the first checkpoint it contradicts.
 */
final class ChainCheck {

    private final AuditChain chain = new AuditChain();
    private final CheckpointSet checkpoints;
    private final Deque<AuditCheckpoint> ahead;
    private String expectedPrev;
    private long expectedSeq;
    private long checked;
    private long checkpointsChecked;
    private @Nullable ChainVerification broken;

    /** A check of the chain from its first entry. */
    static ChainCheck fromGenesis(CheckpointSet checkpoints) {
        return new ChainCheck(checkpoints, 1, AuditChain.GENESIS);
    }

    /** A check of a part of the chain, trusting the first entry's link to what came before it. */
    static ChainCheck from(AuditEntry first, CheckpointSet checkpoints) {
        return new ChainCheck(checkpoints, first.getSeq(), first.getPrevHash());
    }

    private ChainCheck(CheckpointSet checkpoints, long firstSeq, String firstPrev) {
        this.checkpoints = checkpoints;
        this.ahead = new ArrayDeque<>(checkpoints.valid().stream().filter(c -> c.seq() >= firstSeq).toList());
        this.expectedSeq = firstSeq;
        this.expectedPrev = firstPrev;
    }

    /** Checks the next entry; false once the chain is found broken (later entries are then not looked at). */
    boolean accept(AuditEntry entry) {
        if (broken != null) {
            return false;
        }
        if (entry.getSeq() != expectedSeq) {
            return fail(expectedSeq, null, ChainVerification.Problem.SEQUENCE_GAP);
        }
        if (!entry.getPrevHash().equals(expectedPrev)) {
            return fail(entry.getSeq(), null, ChainVerification.Problem.LINK_MISMATCH);
        }
        if (!chain.verifies(entry.getPrevHash(), entry)) {
            return fail(entry.getSeq(), null, ChainVerification.Problem.HASH_MISMATCH);
        }
        while (!ahead.isEmpty() && ahead.peekFirst().seq() == entry.getSeq()) {
            AuditCheckpoint checkpoint = ahead.removeFirst();
            if (!checkpoint.headHash().equals(entry.getHash())) {
                return fail(entry.getSeq(), checkpoint.number(), ChainVerification.Problem.CHECKPOINT_CONTRADICTED);
            }
            checkpointsChecked++;
        }
        expectedPrev = entry.getHash();
        expectedSeq++;
        checked++;
        return true;
    }

    /**
     * The outcome once every entry was offered. {@code headSeq} is where the chain ends by the database's own
     * account, or null for an export, which may end before later checkpoints without anything being wrong.
     */
    ChainVerification finish(@Nullable Long headSeq) {
        if (broken != null) {
            return broken;
        }
        if (headSeq != null) {
            if (headSeq != expectedSeq - 1) {
                return ChainVerification.broken(checked, checkpointsChecked, expectedSeq, null,
                        ChainVerification.Problem.TAIL_MISSING);
            }
            if (!ahead.isEmpty()) {
                return ChainVerification.broken(checked, checkpointsChecked, ahead.peekFirst().seq(),
                        ahead.peekFirst().number(), ChainVerification.Problem.CHECKPOINT_CONTRADICTED);
            }
        }
        if (!checkpoints.forged().isEmpty()) {
            return ChainVerification.broken(checked, checkpointsChecked, null, checkpoints.forged().getFirst(),
                    ChainVerification.Problem.CHECKPOINT_FORGED);
        }
        if (!checkpoints.missing().isEmpty()) {
            return ChainVerification.broken(checked, checkpointsChecked, null, checkpoints.missing().getFirst(),
                    ChainVerification.Problem.CHECKPOINT_MISSING);
        }
        return ChainVerification.intact(checked, checkpointsChecked);
    }

    boolean isBroken() {
        return broken != null;
    }

    /** Signed checkpoints this check had no entry for (beyond the end of an export). */
    int checkpointsNotReached() {
        return ahead.size();
    }

    private boolean fail(long seq, @Nullable Long checkpoint, ChainVerification.Problem problem) {
        broken = ChainVerification.broken(checked, checkpointsChecked, seq, checkpoint, problem);
        return false;
    }
}
