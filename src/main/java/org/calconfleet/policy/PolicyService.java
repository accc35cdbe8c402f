package org.calconfleet.policy;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Optional;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PolicyService {

    public static final String AUDIT_SUBJECT = AuditSubject.POLICY;

    private final StoredPolicyRepository policies;
    private final PolicyProposalRepository proposals;
    private final AuditTrail audit;
    private final Clock clock;

    PolicyService(StoredPolicyRepository policies, PolicyProposalRepository proposals, AuditTrail audit, Clock clock) {
        this.policies = policies;
        this.proposals = proposals;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public FleetPolicy current() {
        return stored().toPolicy();
    }

    /**
     * The same policy for the console's own work, which runs on threads no user signed in to (the rollout planner's
     * per-host checks, the job engine). Every role may read the policy, so nothing is disclosed by this.
     */
    @Transactional(readOnly = true)
    public FleetPolicy enforced() {
        return stored().toPolicy();
    }

    /** The policy with its version, the one to pass to {@code update}, and who changed it last. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public PolicyRevision revision() {
        return stored().toRevision();
    }

    /**
     * Replaces the policy, audited with the settings that changed and the reason. An edit that changes nothing
     * stores and audits nothing. An edit that loosens the policy ({@link FleetPolicy#loosenings}) is not applied: it
     * becomes a proposal that another administrator confirms, and the policy in force holds until then.
     *
     * @throws PolicyRefusedException with every rule the edit or the reason breaks
     * @throws StalePolicyException if the policy is no longer at {@code expectedVersion}
     * @throws PolicyProposalException if the edit loosens the policy while another proposal waits
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public PolicyUpdate update(FleetPolicy edited, long expectedVersion, String reason) {
        var refusals = new ArrayList<PolicyRefusal>(edited.refusals());
        refusals.addAll(PolicyText.reason(reason));
        if (!refusals.isEmpty()) {
            throw new PolicyRefusedException(refusals);
        }
        StoredPolicy row = policies.lock(StoredPolicy.ID).orElseThrow(PolicyService::rowMissing);
        if (row.getVersion() != expectedVersion) {
            throw new StalePolicyException(expectedVersion, row.getVersion(), row.getUpdatedBy(), row.getUpdatedAt());
        }
        var inForce = row.toPolicy();
        var changes = inForce.changesTo(edited);
        if (changes.isEmpty()) {
            return new PolicyUpdate(row.toRevision(), null);
        }
        var who = CurrentUser.usernameOrSystem();
        if (!inForce.loosenings(edited).isEmpty()) {
            return new PolicyUpdate(row.toRevision(), propose(row, edited, reason.strip(), who));
        }
        row.apply(edited, now(), who);
        row = policies.saveAndFlush(row);
        audit.record(AuditEvent.of(who, AuditAction.POLICY_CHANGED, AUDIT_SUBJECT)
                .change(PolicyChange.auditedBefore(changes), PolicyChange.auditedAfter(changes))
                .because(reason.strip()));
        return new PolicyUpdate(row.toRevision(), null);
    }

    /** As {@link #update(FleetPolicy, long, String)}, from the settings as typed; refuses with every reason at once. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public PolicyUpdate update(PolicyDraft edited, long expectedVersion, String reason) {
        var parsed = edited.parse();
        var refusals = new ArrayList<PolicyRefusal>(parsed.refusals());
        refusals.addAll(PolicyText.reason(reason));
        if (!refusals.isEmpty()) {
            throw new PolicyRefusedException(refusals);
        }
        return update(parsed.orElseThrow(), expectedVersion, reason);
    }

    /** The loosening edit that waits for a second administrator, if one does. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public Optional<PendingPolicyChange> pending() {
        return proposals.findPending().map(proposal -> pendingChange(proposal, stored().toPolicy()));
    }

    /**
     * Puts a proposal in force, on the word of an administrator who did not propose it, audited with both names.
     *
     * @throws PolicyProposalException if the signed-in administrator proposed it, it is no longer pending, or the
     *         policy changed since it was proposed (it would undo that change unseen)
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public PolicyRevision confirm(long proposalId) {
        var who = CurrentUser.usernameOrSystem();
        StoredPolicy row = policies.lock(StoredPolicy.ID).orElseThrow(PolicyService::rowMissing);
        PolicyProposal proposal = pendingProposal(proposalId);
        if (proposal.proposedBy().equals(who)) {
            throw new PolicyProposalException(PolicyProposalException.Reason.OWN_PROPOSAL);
        }
        if (row.getVersion() != proposal.baseVersion()) {
            throw new PolicyProposalException(PolicyProposalException.Reason.POLICY_CHANGED_SINCE, row.getUpdatedBy());
        }
        var changes = row.toPolicy().changesTo(proposal.policy());
        Instant now = now();
        row.apply(proposal.policy(), now, who);
        row = policies.saveAndFlush(row);
        proposal.decide(PolicyProposal.State.CONFIRMED, who, now, null);
        audit.record(AuditEvent.of(who, AuditAction.POLICY_CHANGE_CONFIRMED, AUDIT_SUBJECT)
                .change(PolicyChange.auditedBefore(changes), proposed(proposal, PolicyChange.auditedAfter(changes)))
                .because(proposal.reason()));
        return row.toRevision();
    }

    /**
     * Turns a proposal down (its proposer may withdraw it this way), audited with the comment; the policy in force
     * is untouched.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void reject(long proposalId, String comment) {
        var refusals = PolicyText.reason(comment);
        if (!refusals.isEmpty()) {
            throw new PolicyRefusedException(refusals);
        }
        var who = CurrentUser.usernameOrSystem();
        policies.lock(StoredPolicy.ID).orElseThrow(PolicyService::rowMissing);
        PolicyProposal proposal = pendingProposal(proposalId);
        proposal.decide(PolicyProposal.State.REJECTED, who, now(), comment.strip());
        audit.record(AuditEvent.of(who, AuditAction.POLICY_CHANGE_REJECTED, AUDIT_SUBJECT)
                .change(null, StoredMessage.of("policy.value.proposal", StoredMessage.port(proposal.id()),
                        StoredMessage.verbatim(proposal.proposedBy()))).because(comment.strip()));
    }

    private PendingPolicyChange propose(StoredPolicy row, FleetPolicy edited, String reason, String who) {
        proposals.findPending().ifPresent(other -> {
            throw new PolicyProposalException(PolicyProposalException.Reason.ANOTHER_PENDING, other.proposedBy());
        });
        PolicyProposal proposal = proposals.save(new PolicyProposal(edited, row.getVersion(), reason, who, now()));
        PendingPolicyChange pending = pendingChange(proposal, row.toPolicy());
        audit.record(AuditEvent.of(who, AuditAction.POLICY_CHANGE_PROPOSED, AUDIT_SUBJECT)
                .change(PolicyChange.auditedBefore(pending.changes()),
                        proposed(proposal, PolicyChange.auditedAfter(pending.changes())))
                .because(reason));
        return pending;
    }

    private PolicyProposal pendingProposal(long id) {
        return proposals.findById(id).filter(p -> p.state() == PolicyProposal.State.PENDING)
                .orElseThrow(() -> new PolicyProposalException(PolicyProposalException.Reason.NOT_PENDING));
    }

    private static PendingPolicyChange pendingChange(PolicyProposal proposal, FleetPolicy inForce) {
        return new PendingPolicyChange(proposal.id(), proposal.policy(), inForce.changesTo(proposal.policy()),
                inForce.loosenings(proposal.policy()), proposal.proposedBy(), proposal.proposedAt(), proposal.reason());
    }

    /** "proposal=3; proposedBy=alice": which proposal an audit entry is about, as data. */
    private static StoredMessage proposed(PolicyProposal proposal, StoredMessage settings) {
        return StoredMessage.of("policy.value.proposed", StoredMessage.port(proposal.id()),
                StoredMessage.verbatim(proposal.proposedBy()), StoredMessage.inner(settings));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private StoredPolicy stored() {
        return policies.findById(StoredPolicy.ID).orElseThrow(PolicyService::rowMissing);
    }

    private static IllegalStateException rowMissing() {
        return new IllegalStateException("port_policy row missing: the schema is damaged");
    }
}
