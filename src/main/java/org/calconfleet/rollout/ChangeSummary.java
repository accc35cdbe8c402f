package org.calconfleet.rollout;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A change request and its rollout's progress, as lists and pages show it. */
public record ChangeSummary(long id, ChangeState state, String reason, @Nullable String ticket,
                            @Nullable Integer targetPort, @Nullable Long rollbackOf, String requestedBy,
                            Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
                            @Nullable String decisionComment, ChangeDraft.Schedule schedule, ChangeDraft.Waves waves,
                            @Nullable Instant startedAt, @Nullable Instant finishedAt, boolean cancelRequested,
                            boolean halted, @Nullable String endReason, RolloutCounts counts) {

    static ChangeSummary of(ChangeRequest c, RolloutCounts counts) {
        return new ChangeSummary(c.id(), c.getState(), c.getReason(), c.getTicket(), c.getTargetPort(),
                c.getRollbackOf(), c.getRequestedBy(), c.getRequestedAt(), c.getDecidedBy(), c.getDecidedAt(),
                c.getDecisionComment(), c.schedule(), c.waves(), c.getStartedAt(), c.getFinishedAt(),
                c.isCancelRequested(), c.isHalted(), c.getEndReason(), counts);
    }
}
