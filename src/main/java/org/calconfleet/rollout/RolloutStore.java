package org.calconfleet.rollout;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.fleet.FleetObservations;
import org.calconfleet.fleet.Observation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The engine's transactions: every step of a host run is recorded here before and after it acts, each with its log
 * line and audit entry; a run's end also records what was observed on the host and admits the next hosts under
 * the rollout's lock (waves, concurrency, failure threshold, cancellation). Tasks are scheduled in the same
 * transaction (db-scheduler's data source takes part in it), so a host is admitted if and only if its task exists.
 * Progress events are published after commit.
 */
@Component
class RolloutStore {

    static final TaskDescriptor<Void> HOST_RUN = TaskDescriptor.of("host-run");
    static final TaskDescriptor<Void> ROLLOUT_START = TaskDescriptor.of("rollout-start");

    static final Set<HostRunState> FAILURES =
            EnumSet.of(HostRunState.FAILED, HostRunState.ROLLED_BACK, HostRunState.NEEDS_ATTENTION);
    static final Set<HostRunState> UNFINISHED =
            EnumSet.of(HostRunState.PENDING, HostRunState.RUNNING, HostRunState.AWAITING_CONFIRMATION);

    private final ChangeRequestRepository changes;
    private final HostRunRepository runs;
    private final HostRunLogRepository logs;
    private final AuditTrail audit;
    private final FleetObservations fleet;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<Scheduler> scheduler;
    private final Clock clock;

    RolloutStore(ChangeRequestRepository changes, HostRunRepository runs, HostRunLogRepository logs,
            AuditTrail audit, FleetObservations fleet, ApplicationEventPublisher events,
            ObjectProvider<Scheduler> scheduler, Clock clock) {
        this.changes = changes;
        this.runs = runs;
        this.logs = logs;
        this.audit = audit;
        this.fleet = fleet;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    static String actor(long changeId) {
        return "rollout#" + changeId;
    }

    Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    public Optional<HostRun> run(long runId) {
        return runs.findById(runId);
    }

    @Transactional(readOnly = true)
    public boolean cancelRequested(long changeId) {
        return changes.isCancelRequested(changeId).orElse(true);
    }

    /** Records a step's progress (and its outcome, if any) on a run that goes on. */
    @Transactional
    public HostRun step(HostRun snapshot, Consumer<HostRun> change, @Nullable StepOutcome outcome) {
        HostRun run = current(snapshot);
        change.accept(run);
        Instant now = now();
        run.touch(now);
        if (outcome != null) {
            record(run, outcome, now);
        }
        runs.flush();
        progress(run);
        return run;
    }

    /** Counts a retry of the current step: the attempt and why, in the run and its log. */
    @Transactional
    public HostRun retrying(HostRun snapshot, String message) {
        HostRun run = current(snapshot);
        run.retrying(message);
        Instant now = now();
        run.touch(now);
        logs.save(new HostRunLog(run.id(), now, run.getStep(), "retry", message, null));
        runs.flush();
        progress(run);
        return run;
    }

    /** The Exchange side is done; the Domino commands wait for an operator. Frees the run's slot. */
    @Transactional
    public HostRun await(HostRun snapshot, String commands, StepOutcome outcome, Observation observation) {
        ChangeRequest change = lock(snapshot.getChangeRequestId());
        HostRun run = current(snapshot);
        Instant now = now();
        run.setState(HostRunState.AWAITING_CONFIRMATION);
        run.setDominoCommands(commands);
        run.setLastMessage(outcome.message());
        run.touch(now);
        record(run, outcome, now);
        fleet.record(run.getServerId(), observation);
        runs.flush();
        admit(change);
        progress(run);
        return run;
    }

    /** Ends a run: its last outcome, what the host now shows, HOST_RUN_FINISHED; then admits the next hosts. */
    @Transactional
    public HostRun finish(HostRun snapshot, HostRunState state, String message, Consumer<HostRun> change,
            @Nullable StepOutcome outcome, @Nullable Observation observation) {
        ChangeRequest rollout = lock(snapshot.getChangeRequestId());
        HostRun run = current(snapshot);
        return end(rollout, run, state, message, change, outcome, observation, actor(rollout.id()));
    }

    /** An operator confirms that the Domino commands were typed: the run is done. */
    @Transactional
    public HostRun confirmDomino(long runId, String who, @Nullable String comment) {
        HostRun found = runs.findById(runId).orElseThrow(() -> new ChangeRefusedException("rollout.run.unknown", runId));
        ChangeRequest rollout = lock(found.getChangeRequestId());
        HostRun run = runs.findById(runId).orElseThrow();
        if (run.getState() != HostRunState.AWAITING_CONFIRMATION) {
            throw new ChangeRefusedException("rollout.run.not-awaiting", run.getHostName(), run.getState());
        }
        Instant now = now();
        run.dominoConfirmed(who, now);
        audit.record(AuditEvent.of(who, AuditAction.DOMINO_CONFIRMED, subject(run))
                .change(null, run.getDominoCommands())
                .because(reason(run, "Domino commands confirmed" + (comment == null || comment.isBlank() ? "" : ": " + comment))));
        logs.save(new HostRunLog(run.id(), now, Step.DOMINO, "confirmed", "confirmed by " + who, null));
        return end(rollout, run, HostRunState.DONE, "done; Domino commands confirmed by " + who, r -> { }, null,
                Observation.by(actor(rollout.id())).desired(run.getTargetPort()), who);
    }

    /** The engine gave up on a run after repeated errors of its own: an operator must look. */
    @Transactional
    public void engineFailure(long runId, String message) {
        HostRun found = runs.findById(runId).orElse(null);
        if (found == null || found.getState().isFinished()) {
            return;
        }
        ChangeRequest rollout = lock(found.getChangeRequestId());
        HostRun run = runs.findById(runId).orElseThrow();
        end(rollout, run, HostRunState.NEEDS_ATTENTION, "the engine failed on this host: " + message, r -> { },
                StepOutcome.of(run.getStep(), "engine error", message), null, actor(rollout.id()));
    }

    private HostRun end(ChangeRequest rollout, HostRun run, HostRunState state, String message,
            Consumer<HostRun> change, @Nullable StepOutcome outcome, @Nullable Observation observation, String actor) {
        Instant now = now();
        change.accept(run);
        Step lastStep = run.getStep();
        if (outcome != null) {
            record(run, outcome, now);
        }
        run.finish(state, message, now);
        if (observation != null) {
            fleet.record(run.getServerId(), observation);
        }
        logs.save(new HostRunLog(run.id(), now, lastStep, state.name(), message, run.getEvidenceText()));
        audit.record(AuditEvent.of(actor, AuditAction.HOST_RUN_FINISHED, subject(run))
                .change(run.getPreviousExchange() == null ? null
                                : RegistryReads.describe(run.getPreviousExchange()) + " / "
                                        + RegistryReads.describe(run.getPreviousNotes()),
                        state + (run.getVerification() == Verification.NONE ? "" : " (" + run.getVerification() + ")"))
                .because(reason(run, message)));
        runs.flush();
        admit(rollout);
        progress(run);
        return run;
    }

    /** The rollout-start task: at the scheduled time, the rollout runs (or is cancelled if its window was missed). */
    @Transactional
    public void start(long changeId) {
        ChangeRequest change = changes.lock(changeId).orElse(null);
        if (change == null || change.getState() != ChangeState.SCHEDULED) {
            return;
        }
        Instant now = now();
        if (change.getLatestStart() != null && now.isAfter(change.getLatestStart())) {
            change.setState(ChangeState.CANCELLED);
            change.setEndReason("the maintenance window was missed: latest start " + change.getLatestStart()
                    + ", the console started it at " + now);
            change.setFinishedAt(now);
            runs.endPending(changeId, HostRunState.CANCELLED, "the maintenance window was missed", now);
        } else {
            change.setState(ChangeState.RUNNING);
            change.setStartedAt(now);
            admit(change);
        }
        rolloutProgress(changeId);
    }

    /** Schedules the rollout's start: now, or at its window's start. Within the approving transaction. */
    void scheduleStart(ChangeRequest change) {
        Instant at = change.schedule().kind() == ScheduleKind.WINDOW && change.schedule().windowStart() != null
                ? change.schedule().windowStart() : now();
        scheduler().scheduleIfNotExists(ROLLOUT_START.instance(String.valueOf(change.id())).scheduledTo(at));
        triggerAfterCommit();
    }

    /**
     * Lets waiting hosts run as far as the rollout allows. Call with the change locked. A wave starts when no host of
     * an earlier wave still runs; any failure in the canary, or more failures than the threshold, halts the rollout
     * (running hosts finish, waiting ones are skipped); a cancelled rollout starts nothing. The rollout ends when no
     * host is unfinished.
     */
    void admit(ChangeRequest change) {
        if (change.getState() != ChangeState.RUNNING) {
            return;
        }
        long id = change.id();
        Instant now = now();
        if (!change.isHalted() && !change.isCancelRequested()) {
            long failures = runs.countByChangeRequestIdAndStateIn(id, FAILURES);
            int threshold = change.waves().failureThreshold();
            if (failures > threshold) {
                change.halt(failures + " hosts failed, more than the threshold of " + threshold);
            } else if (change.getLatestStart() != null && now.isAfter(change.getLatestStart())) {
                change.halt("the maintenance window closed at " + change.getLatestStart());
            }
        }
        if (change.isCancelRequested()) {
            runs.endPending(id, HostRunState.CANCELLED, "cancelled before its turn", now);
        } else if (change.isHalted()) {
            runs.endPending(id, HostRunState.SKIPPED, "not started: " + change.getEndReason(), now);
        } else {
            admitNextWave(change, now);
        }
        if (runs.countByChangeRequestIdAndStateIn(id, UNFINISHED) == 0) {
            change.setState(change.isCancelRequested() ? ChangeState.CANCELLED
                    : change.isHalted() ? ChangeState.FAILED : ChangeState.DONE);
            change.setFinishedAt(now);
            rolloutProgress(id);
        }
    }

    private void admitNextWave(ChangeRequest change, Instant now) {
        long id = change.id();
        Optional<Integer> nextWave = runs.minWave(id, HostRunState.PENDING);
        if (nextWave.isEmpty()) {
            return;
        }
        int wave = nextWave.get();
        if (runs.countByChangeRequestIdAndStateAndWaveLessThan(id, HostRunState.RUNNING, wave) > 0) {
            return;
        }
        if (change.waves().canarySize() > 0 && wave > 0
                && runs.countByChangeRequestIdAndWaveAndStateIn(id, 0, FAILURES) > 0) {
            change.halt("the canary failed");
            runs.endPending(id, HostRunState.SKIPPED, "not started: the canary failed", now);
            return;
        }
        int free = change.waves().concurrency() - (int) runs.countByChangeRequestIdAndState(id, HostRunState.RUNNING);
        if (free <= 0) {
            return;
        }
        List<HostRun> next = runs.findByChangeRequestIdAndStateAndWaveOrderBySeq(id, HostRunState.PENDING, wave,
                PageRequest.of(0, free));
        Scheduler tasks = scheduler();
        for (HostRun run : next) {
            run.admit(run.getServerId(), now);
            run.touch(now);
            tasks.scheduleIfNotExists(HOST_RUN.instance(String.valueOf(run.id())).scheduledTo(now));
        }
        if (!next.isEmpty()) {
            triggerAfterCommit();
            rolloutProgress(id);
        }
    }

    private ChangeRequest lock(long changeId) {
        return changes.lock(changeId).orElseThrow(() -> new IllegalStateException("change " + changeId + " is gone"));
    }

    private HostRun current(HostRun snapshot) {
        HostRun run = runs.findById(snapshot.id()).orElseThrow(() -> new IllegalStateException(
                "host run " + snapshot.id() + " is gone"));
        if (run.getVersion() != snapshot.getVersion()) {
            throw new StaleHostRunException(run.id(), snapshot.getVersion(), run.getVersion());
        }
        return run;
    }

    private void record(HostRun run, StepOutcome outcome, Instant now) {
        logs.save(new HostRunLog(run.id(), now, outcome.step(), outcome.outcome(), outcome.message(),
                outcome.evidence()));
        String after = outcome.after();
        if (outcome.evidence() != null) {
            after = (after == null ? "" : after + "; ") + "evidence: " + outcome.evidence();
        }
        audit.record(AuditEvent.of(actor(run.getChangeRequestId()), AuditAction.HOST_STEP, subject(run))
                .change(outcome.before(), after)
                .because(reason(run, outcome.step() + " " + outcome.outcome() + ": " + outcome.message())));
    }

    static String subject(HostRun run) {
        return "server:" + run.getHostName();
    }

    private static String reason(HostRun run, String text) {
        return "change #" + run.getChangeRequestId() + ", port " + run.getTargetPort() + ": " + text;
    }

    private Scheduler scheduler() {
        return scheduler.getObject();
    }

    private void triggerAfterCommit() {
        afterCommit(() -> {
            Scheduler s = scheduler.getIfAvailable();
            if (s != null) {
                s.triggerCheckForDueExecutions();
            }
        });
    }

    private void progress(HostRun run) {
        RolloutProgressEvent event = new RolloutProgressEvent(run.getChangeRequestId(), run.id(), run.getHostName(),
                run.getState(), run.getStep());
        afterCommit(() -> events.publishEvent(event));
    }

    void rolloutProgress(long changeId) {
        afterCommit(() -> events.publishEvent(RolloutProgressEvent.ofRollout(changeId)));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
