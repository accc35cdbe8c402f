package org.calconfleet.change;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A port change as requested: the servers, the port both registry values get, why (and the ticket), when it may
 * run and how it rolls out. Servers run in the order given: the first {@code canarySize} form the canary wave.
 */
public record ChangeDraft(List<Long> serverIds, int port, String reason, @Nullable String ticket, Schedule schedule,
                          Waves waves) {

    public ChangeDraft {
        serverIds = List.copyOf(serverIds);
        reason = reason.strip();
        ticket = ticket == null || ticket.isBlank() ? null : ticket.strip();
    }

    /** Run as soon as approved. */
    public static ChangeDraft now(List<Long> serverIds, int port, String reason, @Nullable String ticket, Waves waves) {
        return new ChangeDraft(serverIds, port, reason, ticket, Schedule.now(), waves);
    }

    /**
     * When a change may start: {@link ScheduleKind#NOW}, or a maintenance window from {@code windowStart}; no host
     * starts after {@code latestStart} (hosts not reached by then are skipped, and a rollout that could not start
     * by then is cancelled).
     */
    public record Schedule(ScheduleKind kind, @Nullable Instant windowStart, @Nullable Instant latestStart) {

        public Schedule {
            if (kind == ScheduleKind.WINDOW && (windowStart == null || latestStart == null
                    || latestStart.isBefore(windowStart))) {
                throw new IllegalArgumentException("a maintenance window needs a start and a latest start after it");
            }
            if (kind == ScheduleKind.NOW) {
                windowStart = null;
                latestStart = null;
            }
        }

        public static Schedule now() {
            return new Schedule(ScheduleKind.NOW, null, null);
        }

        public static Schedule window(Instant start, Instant latestStart) {
            return new Schedule(ScheduleKind.WINDOW, start, latestStart);
        }
    }

    /**
     * How the hosts roll out: a canary wave of {@code canarySize} hosts first (0: none; any failure in it halts the
     * rollout), then waves of {@code waveSize}; a wave starts when the one before has finished. At most
     * {@code concurrency} hosts run at once. The rollout halts (no new host starts) when more than
     * {@code failureThreshold} hosts have failed.
     */
    public record Waves(int canarySize, int waveSize, int concurrency, int failureThreshold) {

        public static final Waves DEFAULT = new Waves(1, 10, 5, 0);

        public Waves {
            if (canarySize < 0 || waveSize < 1 || concurrency < 1 || failureThreshold < 0) {
                throw new IllegalArgumentException("waves: canary >= 0, wave size >= 1, concurrency >= 1,"
                        + " failure threshold >= 0: " + canarySize + "/" + waveSize + "/" + concurrency + "/"
                        + failureThreshold);
            }
        }

        /** The wave of the host at {@code index} (0-based) among the hosts that will change. */
        public int waveOf(int index) {
            if (index < canarySize) {
                return 0;
            }
            return 1 + (index - canarySize) / waveSize;
        }

        /** How many waves {@code hosts} hosts make. */
        public int waveCount(int hosts) {
            return hosts == 0 ? 0 : waveOf(hosts - 1) + (canarySize == 0 ? 0 : 1);
        }
    }
}
