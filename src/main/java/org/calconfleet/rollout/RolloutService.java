package org.calconfleet.rollout;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.access.SiteScope;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.ChangeRequest;
import org.calconfleet.change.ChangeRequestRepository;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.fleet.FirewallPlans;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.logarchive.ArchivedLog;
import org.calconfleet.logarchive.RolloutLogArchive;
import org.calconfleet.port.FirewallExport;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rollouts as people follow and steer them: pages of rollouts with their counts, the hosts of one rollout with
 * their current step, a host's log; cancelling, and confirming runbook Domino commands. Live progress comes as
 * {@link RolloutProgressEvent}s.
 */
@Service
public class RolloutService {

    private final ChangeRequestRepository changes;
    private final HostRunRepository runs;
    private final HostRunLogRepository logs;
    private final RolloutQueries queries;
    private final RolloutLogArchive archive;
    private final RolloutStore store;
    private final Admissions admissions;
    private final AuditTrail audit;
    private final FirewallPlans firewallPlans;
    private final Clock clock;

    RolloutService(ChangeRequestRepository changes, HostRunRepository runs, HostRunLogRepository logs,
            RolloutQueries queries, RolloutLogArchive archive, RolloutStore store, Admissions admissions, AuditTrail audit, FirewallPlans firewallPlans,
            Clock clock) {
        this.changes = changes;
        this.runs = runs;
        this.logs = logs;
        this.queries = queries;
        this.archive = archive;
        this.store = store;
        this.admissions = admissions;
        this.audit = audit;
        this.firewallPlans = firewallPlans;
        this.clock = clock;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public Page<ChangeSummary> rollouts(Pageable pageable) {
        return queries.page(pageable);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public Optional<ChangeSummary> rollout(long id) {
        return changes.findById(id).filter(change -> queries.visible(id)).map(queries::summary);
    }

    /**
     * The changes waiting for an approval that the signed-in user may give, oldest first: those someone else
     * requested, since nobody approves their own.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional(readOnly = true)
    public List<ChangeSummary> awaitingYourDecision(int limit) {
        SiteScope scope = SiteScope.current();
        String you = CurrentUser.usernameOrSystem();
        return (scope.unlimited()
                ? changes.findByStateAndRequestedByNotOrderByRequestedAt(ChangeState.PENDING_APPROVAL, you,
                        PageRequest.of(0, limit))
                : runs.findChangesWithinSitesByStateAndRequestedByNot(ChangeState.PENDING_APPROVAL, you, scope.sites(),
                        PageRequest.of(0, limit))).stream().map(queries::summary).toList();
    }

    /** The hosts of a rollout in their order, with the current step and last message. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public Page<HostRunView> hostRuns(long rolloutId, Pageable pageable) {
        return hostRuns(rolloutId, null, pageable);
    }

    /** The hosts of a rollout in one state (all when {@code state} is null), in their order. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public Page<HostRunView> hostRuns(long rolloutId, @Nullable HostRunState state, Pageable pageable) {
        if (!queries.visible(rolloutId)) {
            return Page.empty(pageable);
        }
        return (state == null ? runs.findByChangeRequestIdOrderBySeq(rolloutId, pageable)
                : runs.findByChangeRequestIdAndStateOrderBySeq(rolloutId, state, pageable)).map(HostRunView::of);
    }

    /** How many hosts of a rollout are in {@code state} (all when null): for a grid that fetches them page by page. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public long countHostRuns(long rolloutId, @Nullable HostRunState state) {
        if (!queries.visible(rolloutId)) {
            return 0;
        }
        return state == null ? runs.countByChangeRequestId(rolloutId)
                : runs.countByChangeRequestIdAndState(rolloutId, state);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public Optional<HostRunView> hostRun(long hostRunId) {
        return visibleRun(hostRunId).map(HostRunView::of);
    }

    /** One host run's own log, oldest first: each step's outcome, retries, confirmations, with 6001 evidence. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public List<HostRunLogEntry> hostLog(long hostRunId) {
        return visibleRun(hostRunId).isEmpty() ? List.of()
                : logs.findByHostRunIdOrderById(hostRunId).stream().map(HostRunLogEntry::of).toList();
    }

    /** Where the host run's log went, if an administrator archived its rollout's logs (its live log is then empty). */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public Optional<ArchivedLog> archivedLog(long hostRunId) {
        return visibleRun(hostRunId).flatMap(run -> archive.archivedLogOf(hostRunId));
    }

    /** The firewall openings of every host of a rollout at the rollout's port: one script and one CSV for all. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public Optional<FirewallExport> firewall(long rolloutId) {
        if (!changes.existsById(rolloutId) || !queries.visible(rolloutId)) {
            return Optional.empty();
        }
        var portsByServer = new LinkedHashMap<Long, Integer>();
        runs.findByChangeRequestIdOrderBySeq(rolloutId)
                .forEach(run -> portsByServer.put(run.getServerId(), run.getTargetPort()));
        return Optional.of(firewallPlans.export(portsByServer));
    }

    /** An operator typed the runbook's Domino commands: recorded (who, when) and the host run is done. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public HostRunView confirmDomino(long hostRunId, @Nullable String comment) {
        if (visibleRun(hostRunId).isEmpty()) {
            throw new ChangeRefusedException("rollout.run.unknown", hostRunId);
        }
        return HostRunView.of(store.confirmDomino(hostRunId, CurrentUser.usernameOrSystem(), comment));
    }

    /**
     * Cancels a change. Not yet running: it ends at once. Running: no new host starts; a host that has not written
     * yet stops before its write, a host past its write finishes (or rolls back), since stopping between write and
     * verification would leave it half-changed. Audited as PORT_CHANGE_REJECTED with the state CANCELLED.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional
    public ChangeSummary cancel(long id, String reason) {
        String user = CurrentUser.usernameOrSystem();
        StoredMessage why = cancelled(user, reason);
        // Kept as the change's end reason, whose column holds COMMENT_MAX_LENGTH characters.
        if (why.toJson().length() > ChangeRequest.COMMENT_MAX_LENGTH) {
            throw new ChangeRefusedException("rollout.cancel.too-long");
        }
        ChangeRequest change = changes.lock(id).filter(found -> queries.visible(id))
                .orElseThrow(() -> new ChangeRefusedException("rollout.change.unknown", id));
        ChangeState before = change.getState();
        Instant now = clock.instant();
        switch (before) {
            case DRAFT, PENDING_APPROVAL, APPROVED, SCHEDULED -> {
                change.requestCancel(user, why);
                change.setState(ChangeState.CANCELLED);
                change.setFinishedAt(now);
                admissions.endPending(id, HostRunState.CANCELLED, why.toJson(), now);
                admissions.finished(change);
            }
            case RUNNING -> {
                change.requestCancel(user, why);
                admissions.admit(change);
            }
            default -> throw new ChangeRefusedException("rollout.cancel.finished", id, before);
        }
        audit.record(AuditEvent.of(user, AuditAction.PORT_CHANGE_REJECTED, AuditSubject.change(id))
                .change(before.stored(), ChangeState.CANCELLED.stored())
                .because(reason.isBlank() ? null : reason.strip()));
        admissions.progress(id);
        return queries.summary(change);
    }

    /** Why a host run of a cancelled change did not start: who cancelled it, and why if they said. */
    private static StoredMessage cancelled(String user, String reason) {
        return reason.isBlank() ? StoredMessage.of("rollout.run.cancelled-by", StoredMessage.verbatim(user))
                : StoredMessage.of("rollout.run.cancelled-by-because", StoredMessage.verbatim(user),
                        StoredMessage.verbatim(reason.strip()));
    }

    /** A host run of a change the acting user may see (see {@link RolloutQueries#visible}). */
    private Optional<HostRun> visibleRun(long hostRunId) {
        return runs.findById(hostRunId).filter(run -> queries.visible(run.getChangeRequestId()));
    }
}
