package org.calconfleet.change.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ScheduleKind;
import org.jspecify.annotations.Nullable;

/**
 * A port change as a script asks for it: the servers (in order; the first ones form the canary wave), the port, why,
 * and optionally the ticket, a maintenance window and the wave settings (defaults: run when approved; canary 1,
 * waves of 10, 5 at once, halt on the first failure).
 */
record ChangeRequestBody(@NotEmpty List<@NotNull Long> serverIds, @NotNull Integer port,
                         @Schema(description = "Required to submit; not needed for a plan") @Nullable String reason,
                         @Nullable String ticket, @Valid @Nullable ScheduleBody schedule,
                         @Valid @Nullable WavesBody waves) {

    record ScheduleBody(@NotNull ScheduleKind kind, @Nullable Instant windowStart, @Nullable Instant latestStart) {

        @AssertTrue
        @Schema(hidden = true)
        boolean isWindowComplete() {
            return kind != ScheduleKind.WINDOW
                    || (windowStart != null && latestStart != null && !latestStart.isBefore(windowStart));
        }

        ChangeDraft.Schedule toSchedule() {
            return new ChangeDraft.Schedule(kind, windowStart, latestStart);
        }
    }

    record WavesBody(@Min(0) int canarySize, @Min(1) int waveSize, @Min(1) int concurrency,
                     @Min(0) int failureThreshold) {

        ChangeDraft.Waves toWaves() {
            return new ChangeDraft.Waves(canarySize, waveSize, concurrency, failureThreshold);
        }
    }

    ChangeDraft toDraft() {
        return new ChangeDraft(serverIds, port, reason == null ? "" : reason, ticket,
                schedule == null ? ChangeDraft.Schedule.now() : schedule.toSchedule(),
                waves == null ? ChangeDraft.Waves.DEFAULT : waves.toWaves());
    }
}
