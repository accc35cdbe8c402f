package org.calconfleet.change;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A change request and its rollout's progress, as lists and pages show it. {@code retryOf} names the rollout whose
 * failed hosts this change retries, {@code retries} the changes that retried this one's failed hosts, oldest first;
 * {@code waiting} what holds a running rollout's next host back (a site's closed window or a freeze), if anything.
 */
public record ChangeSummary(long id, ChangeState state, String reason, @Nullable String ticket,
                            @Nullable Integer targetPort, @Nullable Long rollbackOf, @Nullable Long retryOf,
                            List<Long> retries, String requestedBy,
                            Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
                            @Nullable String decisionComment, ChangeDraft.Schedule schedule, ChangeDraft.Waves waves,
                            @Nullable Instant startedAt, @Nullable Instant finishedAt, boolean cancelRequested,
                            boolean halted, @Nullable String endReason, @Nullable RolloutWait waiting,
                            RolloutCounts counts) {

    public ChangeSummary {
        retries = List.copyOf(retries);
    }

    public static ChangeSummary of(ChangeRequest c, RolloutCounts counts, List<Long> retries) {
        return new ChangeSummary(c.id(), c.getState(), c.getReason(), c.getTicket(), c.getTargetPort(),
                c.getRollbackOf(), c.getRetryOf(), retries, c.getRequestedBy(), c.getRequestedAt(), c.getDecidedBy(),
                c.getDecidedAt(), c.getDecisionComment(), c.schedule(), c.waves(), c.getStartedAt(),
                c.getFinishedAt(), c.isCancelRequested(), c.isHalted(), c.getEndReason(), c.waiting(), counts);
    }

    /** The same change with its end reason, a stored message, rendered (in a reader's language) by {@code render}. */
    public ChangeSummary withEndReasonRendered(Function<String, String> render) {
        return endReason == null ? this : new ChangeSummary(id, state, reason, ticket, targetPort, rollbackOf, retryOf,
                retries, requestedBy, requestedAt, decidedBy, decidedAt, decisionComment, schedule, waves, startedAt,
                finishedAt, cancelRequested, halted, render.apply(endReason), waiting, counts);
    }
}
