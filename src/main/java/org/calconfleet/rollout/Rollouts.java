package org.calconfleet.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.calconfleet.change.ChangeExecution;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeRequest;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.stereotype.Component;

/**
 * How the rollout engine takes changes over from the change feature: a stored change's plan becomes one host run
 * per host, and an approved change claims its hosts and is scheduled. Called inside the change feature's
 * transactions.
 */
@Component
class Rollouts implements ChangeExecution {

    private final HostRunRepository runs;
    private final HostRunWrites writes;
    private final Admissions admissions;
    private final RolloutQueries queries;
    private final ServerClaims claims;

    Rollouts(HostRunRepository runs, HostRunWrites writes, Admissions admissions, RolloutQueries queries,
            ServerClaims claims) {
        this.runs = runs;
        this.writes = writes;
        this.admissions = admissions;
        this.queries = queries;
        this.claims = claims;
    }

    @Override
    public void planned(long changeId, ChangePlan plan, Instant at) {
        int seq = 0;
        List<HostRun> toSave = new ArrayList<>(plan.hosts().size());
        for (HostPlan host : plan.hosts()) {
            HostRunState runState = switch (host.verdict()) {
                case CHANGE -> HostRunState.PENDING;
                case NO_CHANGE -> HostRunState.NO_CHANGE;
                case BLOCKED -> HostRunState.SKIPPED;
            };
            StoredMessage message = switch (host.verdict()) {
                case CHANGE -> StoredMessage.of("rollout.run.waiting-wave", StoredMessage.count(host.wave()));
                case NO_CHANGE -> StoredMessage.of("rollout.run.already-at", StoredMessage.port(host.targetPort()));
                case BLOCKED -> host.blockedBy(HostRun.MESSAGE_MAX_LENGTH);
            };
            toSave.add(new HostRun(changeId, host.serverId(), host.hostName(), Math.max(host.wave(), 0), seq++,
                    Math.max(host.targetPort(), 0), runState, host.storedSummary(HostRun.PLAN_MAX_LENGTH),
                    message.toJson(), at));
        }
        writes.insert(toSave);
    }

    @Override
    public List<Long> serverIds(long changeId) {
        return runs.findByChangeRequestIdOrderBySeq(changeId).stream().map(HostRun::getServerId).toList();
    }

    @Override
    public List<WaitingHost> waiting(long changeId) {
        return runs.findWaitingByChangeRequestIdAndStateOrderBySeq(changeId, HostRunState.PENDING);
    }

    @Override
    public List<ActiveChange> active() {
        return claims.all();
    }

    @Override
    public void start(ChangeRequest change) {
        claims.claimPending(change.id());
        change.setState(ChangeState.SCHEDULED);
        admissions.scheduleStart(change);
        admissions.progress(change.id());
    }

    @Override
    public void rejected(long changeId, Instant at) {
        admissions.endPending(changeId, HostRunState.CANCELLED, StoredMessage.of("rollout.run.rejected").toJson(), at);
    }

    @Override
    public ChangeSummary summary(ChangeRequest change) {
        return queries.summary(change);
    }

    @Override
    public boolean visible(long changeId) {
        return queries.visible(changeId);
    }
}
