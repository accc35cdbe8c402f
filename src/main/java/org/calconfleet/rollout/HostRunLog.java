package org.calconfleet.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One line of a host run's own log: a step's outcome, a retry, a confirmation. Outcome and message are stored
 * messages (written in plain SQL by {@link HostRunWrites#log}); lines written before are sentences, shown as they are.
 */
@Entity
@Immutable
@Table(name = "host_run_log")
public class HostRunLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "host_run_id", nullable = false)
    private long hostRunId;

    @Column(nullable = false)
    private Instant at = Instant.EPOCH;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Step step = Step.PRECHECK;

    @Column(nullable = false)
    private String outcome = "";

    @Column(length = HostRun.MESSAGE_MAX_LENGTH)
    private @Nullable String message;

    private @Nullable String evidence;

    protected HostRunLog() {
    }

    public Instant getAt() {
        return at;
    }

    public Step getStep() {
        return step;
    }

    public String getOutcome() {
        return outcome;
    }

    public @Nullable String getMessage() {
        return message;
    }

    public @Nullable String getEvidence() {
        return evidence;
    }
}
