package org.calconfleet.rollout;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One host of a rollout as the progress grid shows it: current step and last message. The last message, the failure
 * reason, the previous values and the plan are stored messages, rendered by whoever shows them in the reader's
 * language.
 */
public record HostRunView(long id, long rolloutId, long serverId, String hostName, int wave, int targetPort,
                          HostRunState state, Step step, Phase phase, int attempt, Verification verification,
                          @Nullable String lastMessage, @Nullable String failureReason,
                          @Nullable Evidence evidence, @Nullable String previousValues, @Nullable String planned,
                          @Nullable String dominoCommands, @Nullable String dominoConfirmedBy,
                          @Nullable Instant dominoConfirmedAt, @Nullable Instant startedAt, Instant updatedAt,
                          @Nullable Instant finishedAt) {

    static HostRunView of(HostRun r) {
        String previous = r.getPreviousExchange() == null ? null : RunMessages.previousValues(r).toJson();
        return new HostRunView(r.id(), r.getChangeRequestId(), r.getServerId(), r.getHostName(), r.getWave(),
                r.getTargetPort(), r.getState(), r.getStep(), r.getPhase(), r.getAttempt(), r.getVerification(),
                r.getLastMessage(), r.getFailureReason(), r.getEvidence(), previous, r.getPlanned(),
                r.getDominoCommands(), r.getDominoConfirmedBy(), r.getDominoConfirmedAt(), r.getStartedAt(),
                r.getUpdatedAt(), r.getFinishedAt());
    }

    /** The same run with its stored messages rendered, for a reader who is given text rather than codes. */
    public HostRunView withMessagesRendered(UnaryOperator<String> render) {
        return new HostRunView(id, rolloutId, serverId, hostName, wave, targetPort, state, step, phase, attempt,
                verification, rendered(lastMessage, render), rendered(failureReason, render), evidence,
                rendered(previousValues, render), rendered(planned, render), dominoCommands, dominoConfirmedBy,
                dominoConfirmedAt, startedAt, updatedAt, finishedAt);
    }

    private static @Nullable String rendered(@Nullable String stored, UnaryOperator<String> render) {
        return stored == null ? null : render.apply(stored);
    }
}
