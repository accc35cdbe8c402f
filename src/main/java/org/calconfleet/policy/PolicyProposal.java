package org.calconfleet.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An edit that loosens the policy, waiting for a second administrator; the policy in force stays as it was until
 * then. It was based on one version of the policy and can only be confirmed while that version is in force.
 */
@Entity
@Table(name = "policy_proposal")
class PolicyProposal {

    enum State {
        PENDING, CONFIRMED, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Embedded
    private PolicySettings settings = new PolicySettings();

    @Column(name = "base_version", nullable = false)
    private long baseVersion;

    @Column(nullable = false, length = PolicyText.MAX_REASON_LENGTH)
    private String reason = "";

    @Column(name = "proposed_by", nullable = false, length = 64)
    private String proposedBy = "";

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt = Instant.EPOCH;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state = State.PENDING;

    @Column(name = "decided_by", length = 64)
    private @Nullable String decidedBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decision_comment", length = PolicyText.MAX_REASON_LENGTH)
    private @Nullable String decisionComment;

    protected PolicyProposal() {
    }

    PolicyProposal(FleetPolicy policy, long baseVersion, String reason, String proposedBy, Instant proposedAt) {
        this.settings = PolicySettings.of(policy);
        this.baseVersion = baseVersion;
        this.reason = reason;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    void decide(State decision, String who, Instant when, @Nullable String comment) {
        this.state = decision;
        this.decidedBy = who;
        this.decidedAt = when;
        this.decisionComment = comment;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("a proposal has an id once it is saved");
        }
        return id;
    }

    FleetPolicy policy() {
        return settings.toPolicy();
    }

    long baseVersion() {
        return baseVersion;
    }

    String reason() {
        return reason;
    }

    String proposedBy() {
        return proposedBy;
    }

    Instant proposedAt() {
        return proposedAt;
    }

    State state() {
        return state;
    }
}
