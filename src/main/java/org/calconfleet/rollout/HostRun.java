package org.calconfleet.rollout;

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
import java.time.temporal.ChronoUnit;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;

/**
 * One host of a rollout: its state machine, persisted after every step. While the run may act on the host (from
 * approval until it finishes) its server is claimed ({@link ServerClaims}), which keeps a host in at most one active
 * rollout.
 */
@Entity
@Table(name = "host_run")
public class HostRun {

    /** Stored messages are never cut: their host texts are ({@link RunMessages#hostText}). */
    public static final int MESSAGE_MAX_LENGTH = 4000;
    public static final int PLAN_MAX_LENGTH = 2000;
    static final int COMMANDS_MAX_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "change_request_id", nullable = false)
    private long changeRequestId;

    @Column(name = "server_id", nullable = false)
    private long serverId;

    @Column(name = "host_name", nullable = false)
    private String hostName = "";

    @Column(nullable = false)
    private int wave;

    @Column(nullable = false)
    private int seq;

    @Column(name = "target_port", nullable = false)
    private int targetPort;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HostRunState state = HostRunState.PENDING;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Step step = Step.PRECHECK;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Phase phase = Phase.NONE;

    @Column(name = "phase_at")
    private @Nullable Instant phaseAt;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "previous_exchange")
    private @Nullable String previousExchange;

    @Column(name = "previous_notes")
    private @Nullable String previousNotes;

    @Column(name = "service_before")
    private @Nullable String serviceBefore;

    @Column(name = "diagnostics_high")
    private @Nullable Boolean diagnosticsHigh;

    @Column(name = "needs_write", nullable = false)
    private boolean needsWrite;

    @Column(nullable = false)
    private boolean restarted;

    @Column(name = "restart_at")
    private @Nullable Instant restartAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Verification verification = Verification.NONE;

    @Column(name = "evidence_source")
    private @Nullable String evidenceSource;

    @Column(name = "evidence_event_id")
    private @Nullable Integer evidenceEventId;

    @Column(name = "evidence_at")
    private @Nullable Instant evidenceAt;

    @Column(name = "evidence_text")
    private @Nullable String evidenceText;

    @Column(length = PLAN_MAX_LENGTH)
    private @Nullable String planned;

    @Column(name = "last_message", length = MESSAGE_MAX_LENGTH)
    private @Nullable String lastMessage;

    @Column(name = "failure_reason", length = MESSAGE_MAX_LENGTH)
    private @Nullable String failureReason;

    @Column(name = "domino_commands", length = COMMANDS_MAX_LENGTH)
    private @Nullable String dominoCommands;

    @Column(name = "domino_confirmed_by")
    private @Nullable String dominoConfirmedBy;

    @Column(name = "domino_confirmed_at")
    private @Nullable Instant dominoConfirmedAt;

    @Column(name = "started_at")
    private @Nullable Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    @Version
    private long version;

    protected HostRun() {
    }

    HostRun(long changeRequestId, long serverId, String hostName, int wave, int seq, int targetPort,
            HostRunState state, @Nullable String planned, @Nullable String message, Instant now) {
        this.changeRequestId = changeRequestId;
        this.serverId = serverId;
        this.hostName = hostName;
        this.wave = wave;
        this.seq = seq;
        this.targetPort = targetPort;
        this.state = state;
        this.planned = clip(planned, PLAN_MAX_LENGTH);
        this.lastMessage = clip(message, MESSAGE_MAX_LENGTH);
        this.updatedAt = now;
        if (state.isFinished()) {
            this.step = Step.FINISHED;
            this.finishedAt = now;
        }
    }

    static @Nullable String clip(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("host run not saved yet");
        }
        return id;
    }

    public long getChangeRequestId() {
        return changeRequestId;
    }

    public long getServerId() {
        return serverId;
    }

    public String getHostName() {
        return hostName;
    }

    public int getWave() {
        return wave;
    }

    public int getSeq() {
        return seq;
    }

    public int getTargetPort() {
        return targetPort;
    }

    public HostRunState getState() {
        return state;
    }

    void setState(HostRunState state) {
        this.state = state;
    }

    public Step getStep() {
        return step;
    }

    public Phase getPhase() {
        return phase;
    }

    public @Nullable Instant getPhaseAt() {
        return phaseAt;
    }

    /**
     * Records that {@code step} is about to act (in {@code phase}); a new step starts its attempts afresh. The moment
     * is kept to the microsecond, as PostgreSQL stores it (rounding the nanoseconds): a resumed DOMINO step names its
     * request by this moment as read back, and must name it as the runner that began the step did.
     */
    void enter(Step step, Phase phase, Instant now) {
        if (this.step != step) {
            this.attempt = 0;
        }
        this.step = step;
        this.phase = phase;
        this.phaseAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public int getAttempt() {
        return attempt;
    }

    void retrying(StoredMessage message) {
        this.attempt++;
        this.lastMessage = message.toJson();
    }

    public @Nullable String getPreviousExchange() {
        return previousExchange;
    }

    public @Nullable String getPreviousNotes() {
        return previousNotes;
    }

    public @Nullable String getServiceBefore() {
        return serviceBefore;
    }

    public @Nullable Boolean getDiagnosticsHigh() {
        return diagnosticsHigh;
    }

    void prechecked(String previousExchange, String previousNotes, String serviceBefore, boolean diagnosticsHigh,
            boolean needsWrite) {
        this.previousExchange = previousExchange;
        this.previousNotes = previousNotes;
        this.serviceBefore = serviceBefore;
        this.diagnosticsHigh = diagnosticsHigh;
        this.needsWrite = needsWrite;
    }

    public boolean isNeedsWrite() {
        return needsWrite;
    }

    public boolean isRestarted() {
        return restarted;
    }

    public @Nullable Instant getRestartAt() {
        return restartAt;
    }

    /** The service is about to be stopped; events from {@code at} on belong to this restart. */
    void restarting(Instant at) {
        this.restarted = true;
        this.restartAt = at;
    }

    public Verification getVerification() {
        return verification;
    }

    void verified(Verification verification, @Nullable Evidence evidence) {
        this.verification = verification;
        this.evidenceSource = evidence == null ? null : evidence.source();
        this.evidenceEventId = evidence == null ? null : evidence.eventId();
        this.evidenceAt = evidence == null ? null : evidence.writtenAt();
        this.evidenceText = evidence == null ? null : clip(evidence.text(), 255);
    }

    /** The event the verification read, if it read one (runs verified before the source was kept have none). */
    public @Nullable Evidence getEvidence() {
        return evidenceSource == null || evidenceEventId == null || evidenceAt == null || evidenceText == null ? null
                : new Evidence(evidenceSource, evidenceEventId, evidenceAt, evidenceText);
    }

    public @Nullable String getEvidenceSource() {
        return evidenceSource;
    }

    public @Nullable Integer getEvidenceEventId() {
        return evidenceEventId;
    }

    public @Nullable Instant getEvidenceAt() {
        return evidenceAt;
    }

    public @Nullable String getEvidenceText() {
        return evidenceText;
    }

    public @Nullable String getPlanned() {
        return planned;
    }

    public @Nullable String getLastMessage() {
        return lastMessage;
    }

    void setLastMessage(StoredMessage message) {
        this.lastMessage = message.toJson();
    }

    public @Nullable String getFailureReason() {
        return failureReason;
    }

    void setFailureReason(StoredMessage reason) {
        this.failureReason = reason.toJson();
    }

    public @Nullable String getDominoCommands() {
        return dominoCommands;
    }

    void setDominoCommands(String commands) {
        this.dominoCommands = clip(commands, COMMANDS_MAX_LENGTH);
    }

    public @Nullable String getDominoConfirmedBy() {
        return dominoConfirmedBy;
    }

    public @Nullable Instant getDominoConfirmedAt() {
        return dominoConfirmedAt;
    }

    void dominoConfirmed(String by, Instant at) {
        this.dominoConfirmedBy = by;
        this.dominoConfirmedAt = at;
    }

    public @Nullable Instant getStartedAt() {
        return startedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    public @Nullable Instant getFinishedAt() {
        return finishedAt;
    }

    /** Ends the run and lets go of the host. */
    void finish(HostRunState state, StoredMessage message, Instant now) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("not a final state: " + state);
        }
        this.state = state;
        this.step = Step.FINISHED;
        this.phase = Phase.NONE;
        this.lastMessage = message.toJson();
        this.finishedAt = now;
        this.updatedAt = now;
    }

    public long getVersion() {
        return version;
    }

    /** The run was written in plain SQL ({@link HostRunWrites}); this copy now has the stored version. */
    void written() {
        version++;
    }
}
