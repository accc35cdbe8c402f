package org.calconfleet.policy;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PolicyService {

    public static final String AUDIT_SUBJECT = "policy";

    private final StoredPolicyRepository policies;
    private final AuditTrail audit;
    private final Clock clock;

    PolicyService(StoredPolicyRepository policies, AuditTrail audit, Clock clock) {
        this.policies = policies;
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
     * stores and audits nothing.
     *
     * @throws PolicyRefusedException with every rule the edit or the reason breaks
     * @throws StalePolicyException if the policy is no longer at {@code expectedVersion}
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public PolicyRevision update(FleetPolicy edited, long expectedVersion, String reason) {
        var refusals = new ArrayList<PolicyRefusal>(edited.refusals());
        refusals.addAll(PolicyText.reason(reason));
        if (!refusals.isEmpty()) {
            throw new PolicyRefusedException(refusals);
        }
        StoredPolicy row = policies.lock(StoredPolicy.ID).orElseThrow(PolicyService::rowMissing);
        if (row.getVersion() != expectedVersion) {
            throw new StalePolicyException(expectedVersion, row.getVersion(), row.getUpdatedBy(), row.getUpdatedAt());
        }
        var changes = row.toPolicy().changesTo(edited);
        if (changes.isEmpty()) {
            return row.toRevision();
        }
        var who = CurrentUser.usernameOrSystem();
        row.apply(edited, clock.instant().truncatedTo(ChronoUnit.MILLIS), who);
        row = policies.saveAndFlush(row);
        audit.record(AuditEvent.of(who, AuditAction.POLICY_CHANGED, AUDIT_SUBJECT)
                .change(PolicyChange.describeBefore(changes), PolicyChange.describeAfter(changes))
                .because(reason.strip()));
        return row.toRevision();
    }

    /** As {@link #update(FleetPolicy, long, String)}, from the settings as typed; refuses with every reason at once. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public PolicyRevision update(PolicyDraft edited, long expectedVersion, String reason) {
        var parsed = edited.parse();
        var refusals = new ArrayList<PolicyRefusal>(parsed.refusals());
        refusals.addAll(PolicyText.reason(reason));
        if (!refusals.isEmpty()) {
            throw new PolicyRefusedException(refusals);
        }
        return update(parsed.orElseThrow(), expectedVersion, reason);
    }

    private StoredPolicy stored() {
        return policies.findById(StoredPolicy.ID).orElseThrow(PolicyService::rowMissing);
    }

    private static IllegalStateException rowMissing() {
        return new IllegalStateException("port_policy row missing: the schema is damaged");
    }
}
