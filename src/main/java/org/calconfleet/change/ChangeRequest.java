package org.calconfleet.change;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.window.Wait;
import org.calconfleet.window.WaitReason;
import org.jspecify.annotations.Nullable;

/** A port change for a set of servers, and its rollout (one change request is carried out by one rollout). */
@Entity
@Table(name = "change_request")
public class ChangeRequest {

    public static final int REASON_MAX_LENGTH = 1000;
    public static final int TICKET_MAX_LENGTH = 64;
    public static final int COMMENT_MAX_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = REASON_MAX_LENGTH)
    private String reason = "";

    @Column(length = TICKET_MAX_LENGTH)
    private @Nullable String ticket;

    /** The port for every host; null when hosts have their own targets (a rollback). */
    @Column(name = "target_port")
    private @Nullable Integer targetPort;

    @Column(name = "rollback_of")
    private @Nullable Long rollbackOf;

    /** The finished rollout whose failed, rolled-back and needs-attention hosts this change retries. */
    @Column(name = "retry_of")
    private @Nullable Long retryOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChangeState state = ChangeState.DRAFT;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy = "";

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt = Instant.EPOCH;

    @Column(name = "decided_by")
    private @Nullable String decidedBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decision_comment", length = COMMENT_MAX_LENGTH)
    private @Nullable String decisionComment;

    @Enumerated(EnumType.STRING)
    @Column(name = "schedule_kind", nullable = false)
    private ScheduleKind scheduleKind = ScheduleKind.NOW;

    @Column(name = "window_start")
    private @Nullable Instant windowStart;

    @Column(name = "latest_start")
    private @Nullable Instant latestStart;

    @Column(name = "canary_size", nullable = false)
    private int canarySize;

    @Column(name = "wave_size", nullable = false)
    private int waveSize;

    @Column(nullable = false)
    private int concurrency;

    @Column(name = "failure_threshold", nullable = false)
    private int failureThreshold;

    @Column(name = "host_count", nullable = false)
    private int hostCount;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "cancelled_by")
    private @Nullable String cancelledBy;

    @Column(nullable = false)
    private boolean halted;

    /** The wave hosts are admitted from; waves run one after another. */
    @Column(name = "current_wave", nullable = false)
    private int currentWave;

    @Column(name = "end_reason", length = COMMENT_MAX_LENGTH)
    private @Nullable String endReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "wait_reason")
    private @Nullable WaitReason waitReason;

    @Column(name = "wait_site")
    private @Nullable String waitSite;

    @Column(name = "wait_until")
    private @Nullable Instant waitUntil;

    @Version
    private long version;

    protected ChangeRequest() {
    }

    /** Refuses a reason and ticket a request cannot keep: a reason is required, and neither may outgrow its column. */
    public static void refuseUnfitReason(String reason, @Nullable String ticket) {
        if (reason.isBlank()) {
            throw new ChangeRefusedException("rollout.submit.reason-required");
        }
        if (reason.length() > REASON_MAX_LENGTH || (ticket != null && ticket.length() > TICKET_MAX_LENGTH)) {
            throw new ChangeRefusedException("rollout.submit.too-long");
        }
    }

    /** Refuses an approver's comment too long to keep, before anything changes. */
    public static void refuseUnfitComment(String comment) {
        if (comment.strip().length() > COMMENT_MAX_LENGTH) {
            throw new ChangeRefusedException("rollout.approve.comment-too-long");
        }
    }

    ChangeRequest(String reason, @Nullable String ticket, @Nullable Integer targetPort, ChangeOrigin origin,
            String requestedBy, Instant requestedAt, ChangeDraft.Schedule schedule, ChangeDraft.Waves waves) {
        this.reason = reason;
        this.ticket = ticket;
        this.targetPort = targetPort;
        this.rollbackOf = origin.rollbackOf();
        this.retryOf = origin.retryOf();
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.scheduleKind = schedule.kind();
        this.windowStart = schedule.windowStart();
        this.latestStart = schedule.latestStart();
        this.canarySize = waves.canarySize();
        this.waveSize = waves.waveSize();
        this.concurrency = waves.concurrency();
        this.failureThreshold = waves.failureThreshold();
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("change request not saved yet");
        }
        return id;
    }

    public String getReason() {
        return reason;
    }

    public @Nullable String getTicket() {
        return ticket;
    }

    public @Nullable Integer getTargetPort() {
        return targetPort;
    }

    public @Nullable Long getRollbackOf() {
        return rollbackOf;
    }

    public @Nullable Long getRetryOf() {
        return retryOf;
    }

    public ChangeState getState() {
        return state;
    }

    public void setState(ChangeState state) {
        this.state = state;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public @Nullable String getDecidedBy() {
        return decidedBy;
    }

    public @Nullable Instant getDecidedAt() {
        return decidedAt;
    }

    public @Nullable String getDecisionComment() {
        return decisionComment;
    }

    void decide(String by, Instant at, @Nullable String comment) {
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionComment = comment;
    }

    public ChangeDraft.Schedule schedule() {
        return new ChangeDraft.Schedule(scheduleKind, windowStart, latestStart);
    }

    public ChangeDraft.Waves waves() {
        return new ChangeDraft.Waves(canarySize, waveSize, concurrency, failureThreshold);
    }

    public @Nullable Instant getLatestStart() {
        return latestStart;
    }

    void setHostCount(int hostCount) {
        this.hostCount = hostCount;
    }

    public @Nullable Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public @Nullable Instant getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(Instant finishedAt) {
        this.finishedAt = finishedAt;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public void requestCancel(String by, StoredMessage why) {
        this.cancelRequested = true;
        this.cancelledBy = by;
        if (endReason == null) {
            this.endReason = why.toJson();
        }
    }

    public boolean isHalted() {
        return halted;
    }

    public void halt(StoredMessage why) {
        this.halted = true;
        if (endReason == null) {
            this.endReason = why.toJson();
        }
    }

    public int getCurrentWave() {
        return currentWave;
    }

    public void setCurrentWave(int wave) {
        this.currentWave = wave;
    }

    /** Why the change ended early: a stored message (rows from before messages were stored hold English text). */
    public @Nullable String getEndReason() {
        return endReason;
    }

    public void setEndReason(StoredMessage endReason) {
        this.endReason = endReason.toJson();
    }

    /** What holds the rollout's next host back, while something does. */
    public @Nullable RolloutWait waiting() {
        return waitReason == null || waitSite == null || waitUntil == null ? null
                : new RolloutWait(waitReason, waitSite, waitUntil);
    }

    public void waitFor(String site, Wait wait) {
        this.waitReason = wait.reason();
        this.waitSite = site;
        this.waitUntil = wait.until();
    }

    public void stopWaiting() {
        this.waitReason = null;
        this.waitSite = null;
        this.waitUntil = null;
    }

    public long getVersion() {
        return version;
    }
}
