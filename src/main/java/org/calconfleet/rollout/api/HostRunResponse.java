package org.calconfleet.rollout.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.calconfleet.i18n.Messages;
import org.calconfleet.rollout.Evidence;
import org.calconfleet.rollout.HostRunState;
import org.calconfleet.rollout.HostRunView;
import org.calconfleet.rollout.Phase;
import org.calconfleet.rollout.Step;
import org.calconfleet.rollout.Verification;
import org.jspecify.annotations.Nullable;

/**
 * One host run as the API answers it: the last message, the failure reason and the previous values in the caller's
 * language ({@code Accept-Language}), times within them in UTC; everything else as stored.
 */
record HostRunResponse(long id, long rolloutId, long serverId, String hostName, int wave, int targetPort,
                       HostRunState state, Step step, Phase phase, int attempt, Verification verification,
                       @Nullable String lastMessage, @Nullable String failureReason,
                       @Nullable Evidence evidence, @Nullable String previousValues, @Nullable String planned,
                       @Nullable String dominoCommands, @Nullable String dominoConfirmedBy,
                       @Nullable Instant dominoConfirmedAt, @Nullable Instant startedAt, Instant updatedAt,
                       @Nullable Instant finishedAt) {

    static HostRunResponse of(HostRunView run, Messages messages, Locale locale) {
        Locale language = Messages.supportedOrEnglish(locale);
        return new HostRunResponse(run.id(), run.rolloutId(), run.serverId(), run.hostName(), run.wave(),
                run.targetPort(), run.state(), run.step(), run.phase(), run.attempt(), run.verification(),
                rendered(run.lastMessage(), messages, language), rendered(run.failureReason(), messages, language),
                run.evidence(), rendered(run.previousValues(), messages, language), run.planned(),
                run.dominoCommands(), run.dominoConfirmedBy(), run.dominoConfirmedAt(), run.startedAt(),
                run.updatedAt(), run.finishedAt());
    }

    private static @Nullable String rendered(@Nullable String stored, Messages messages, Locale language) {
        return stored == null ? null : messages.render(stored, language, ZoneOffset.UTC);
    }
}
