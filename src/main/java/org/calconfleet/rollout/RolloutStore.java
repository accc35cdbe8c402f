package org.calconfleet.rollout;

import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.port;
import static org.calconfleet.i18n.StoredMessage.verbatim;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.common.DurableCommits;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetObservations;
import org.calconfleet.fleet.Observation;
import org.calconfleet.i18n.StoredMessage.Argument;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of a host run: every step is recorded before and after it acts on the host, each outcome with its
 * log line and its audit entry (into the audit outbox, same transaction). A run's end also records what the host
 * now shows on its server, then asks {@link Admissions} to let the next hosts of the rollout run. Progress events
 * are published after commit.
 */
@Component
class RolloutStore {

    static final Set<HostRunState> FAILURES =
            EnumSet.of(HostRunState.FAILED, HostRunState.ROLLED_BACK, HostRunState.NEEDS_ATTENTION);

    private final HostRunWrites writes;
    private final AuditPump pump;
    private final Admissions admissions;
    private final AuditTrail audit;
    private final FleetObservations fleet;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate jdbcTx;
    private final DurableCommits durable;

    RolloutStore(HostRunWrites writes, AuditPump pump, Admissions admissions, AuditTrail audit, FleetObservations fleet,
            ApplicationEventPublisher events, Clock clock, DataSource dataSource, DurableCommits durable) {
        this.writes = writes;
        this.pump = pump;
        this.admissions = admissions;
        this.audit = audit;
        this.fleet = fleet;
        this.events = events;
        this.clock = clock;
        this.jdbcTx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.durable = durable;
    }

    static String actor(long changeId) {
        return "rollout#" + changeId;
    }

    Instant now() {
        return clock.instant();
    }

    /** What an execution finds when it claims its host run ({@link #claim}). */
    sealed interface Claim {
    }

    /**
     * The run is this execution's, as stored after the claim (its lease, holder and version), with its server (null
     * when the server was deleted).
     */
    record Claimed(HostRun run, @Nullable ExchangeServer server) implements Claim {
    }

    /** Another runner's lease holds the run until then (now, when that runner has just let it go). */
    record Held(Instant until) implements Claim {
    }

    /** Nothing to run: the run has ended, or is gone. */
    record Idle() implements Claim {
    }

    /**
     * Makes a running host run this execution's, in one plain JDBC transaction: claims its lease first ({@link
     * HostRunWrites#claim}), then reads the run as the claim left it, so that no write of another runner can come
     * between the read and the claim. Why it was not claimed, when it was not.
     */
    public Claim claim(long runId, String holder) {
        return Objects.requireNonNull(jdbcTx.execute(s -> {
            Instant now = now();
            if (!writes.claim(runId, holder, now)) {
                return writes.heldUntil(runId, now).<Claim>map(Held::new).orElseGet(Idle::new);
            }
            HostRun run = writes.read(runId).orElseThrow();
            return new Claimed(run, fleet.server(run.getServerId()).orElse(null));
        }));
    }

    /**
     * Records a step's progress (and its outcome, if any) on a run that goes on. Plain JDBC in a plain JDBC
     * transaction: the most frequent write of the engine needs no persistence context.
     */
    public HostRun step(HostRun snapshot, Consumer<HostRun> change, @Nullable StepOutcome outcome) {
        return inJdbcTransaction(() -> doStep(snapshot, change, outcome));
    }

    /**
     * The safe point before the write: records the precheck's outcome and the next step, unless the rollout was
     * cancelled meanwhile; then the run ends CANCELLED with nothing changed on the host. Plain JDBC like
     * {@link #step}.
     */
    public HostRun stepUnlessCancelled(HostRun snapshot, Consumer<HostRun> change, StepOutcome outcome) {
        return inJdbcTransaction(() -> {
            if (writes.cancelRequested(snapshot.getChangeRequestId())) {
                return end(snapshot, HostRunState.CANCELLED, RunMessages.run("cancelled"), r -> { },
                        StepOutcome.of(Step.PRECHECK, RunMessages.outcome("cancelled"),
                                RunMessages.run("rollout-cancelled")), null, actor(snapshot.getChangeRequestId()));
            }
            return doStep(snapshot, change, outcome);
        });
    }

    private HostRun doStep(HostRun run, Consumer<HostRun> change, @Nullable StepOutcome outcome) {
        change.accept(run);
        Instant now = now();
        run.touch(now);
        if (outcome != null) {
            record(run, outcome, now);
        }
        writes.update(run);
        progress(run);
        return run;
    }

    /**
     * A host run's writes ({@link HostRunWrites}, {@link FleetObservations#record}) in a plain JDBC transaction,
     * returned once they would outlive a killed console: what a runner does next to its host must never be done again
     * by the console that resumes the run.
     */
    private HostRun inJdbcTransaction(Supplier<HostRun> work) {
        HostRun run = Objects.requireNonNull(jdbcTx.execute(s -> work.get()));
        durable.awaitDurable();
        return run;
    }

    /** Counts a retry of the current step: the attempt and why, in the run and its log. */
    public HostRun retrying(HostRun snapshot, StoredMessage message) {
        return inJdbcTransaction(() -> {
            HostRun run = snapshot;
            run.retrying(message);
            Instant now = now();
            run.touch(now);
            writes.log(run.id(), now, run.getStep(), RunMessages.outcome("retry"), message, null);
            writes.update(run);
            progress(run);
            return run;
        });
    }

    /** The Exchange side is done; the Domino commands wait for an operator. Frees the run's slot. */
    public HostRun await(HostRun snapshot, String commands, StepOutcome outcome, Observation observation) {
        return inJdbcTransaction(() -> {
            HostRun run = snapshot;
            Instant now = now();
            run.setState(HostRunState.AWAITING_CONFIRMATION);
            run.setDominoCommands(commands);
            run.setLastMessage(outcome.message());
            run.touch(now);
            record(run, outcome, now);
            writes.update(run);
            fleet.record(run.getServerId(), observation);
            admissions.afterCommit(run.getChangeRequestId());
            progress(run);
            return run;
        });
    }

    /**
     * Ends a run: its last outcome, what the host now shows, HOST_RUN_FINISHED; then the next hosts may run. Plain
     * JDBC like {@link #step}: every run ends here.
     */
    public HostRun finish(HostRun snapshot, HostRunState state, StoredMessage message, Consumer<HostRun> change,
            @Nullable StepOutcome outcome, @Nullable Observation observation) {
        return inJdbcTransaction(() -> end(snapshot, state, message, change, outcome, observation,
                actor(snapshot.getChangeRequestId())));
    }

    /** An operator confirms that the Domino commands were typed: the run is done. */
    @Transactional
    public HostRun confirmDomino(long runId, String who, @Nullable String comment) {
        HostRun run = writes.read(runId).orElseThrow(() -> new ChangeRefusedException("rollout.run.unknown", runId));
        if (run.getState() != HostRunState.AWAITING_CONFIRMATION) {
            throw new ChangeRefusedException("rollout.run.not-awaiting", run.getHostName(),
                    new StoredMessage.Choice(run.getState().messageKey()));
        }
        Instant now = now();
        run.dominoConfirmed(who, now);
        audit.record(AuditEvent.of(who, AuditAction.DOMINO_CONFIRMED, subject(run))
                .change(null, run.getDominoCommands())
                .because(reason(run, null, comment == null || comment.isBlank()
                        ? RunMessages.run("domino-confirmed")
                        : RunMessages.run("domino-confirmed-saying", verbatim(comment.strip())))));
        writes.log(run.id(), now, Step.DOMINO, RunMessages.outcome("confirmed"),
                RunMessages.run("confirmed-by", verbatim(who)), null);
        return end(run, HostRunState.DONE, RunMessages.run("done-confirmed", verbatim(who)), r -> { }, null,
                Observation.by(actor(run.getChangeRequestId())).desired(run.getTargetPort()), who);
    }

    /** The engine gave up on a run after repeated errors of its own: an operator must look. */
    @Transactional
    public void engineFailure(long runId, String message) {
        writes.read(runId).filter(run -> !run.getState().isFinished()).ifPresent(run ->
                end(run, HostRunState.NEEDS_ATTENTION, RunMessages.run("engine-failed", RunMessages.hostText(message)),
                        r -> { }, StepOutcome.of(run.getStep(), RunMessages.outcome("engine-error"),
                                RunMessages.run("engine-error", RunMessages.hostText(message))), null,
                        actor(run.getChangeRequestId())));
    }

    private HostRun end(HostRun run, HostRunState state, StoredMessage message, Consumer<HostRun> change,
            @Nullable StepOutcome outcome, @Nullable Observation observation, String actor) {
        Instant now = now();
        change.accept(run);
        Step lastStep = run.getStep();
        if (outcome != null) {
            record(run, outcome, now);
        }
        run.finish(state, message, now);
        writes.update(run);
        if (observation != null) {
            fleet.record(run.getServerId(), observation);
        }
        writes.log(run.id(), now, lastStep, RunMessages.outcome(state), message, run.getEvidenceText());
        StoredMessage ended = run.getVerification() == Verification.NONE
                ? StoredMessage.of("rollout.audit.finished", RunMessages.label(state.messageKey()))
                : StoredMessage.of("rollout.audit.finished-verification", RunMessages.label(state.messageKey()),
                        RunMessages.label(run.getVerification().messageKey()));
        audit(now, AuditEvent.of(actor, AuditAction.HOST_RUN_FINISHED, subject(run))
                .change(run.getPreviousExchange() == null ? null : RunMessages.previousValues(run).toJson(),
                        ended.toJson())
                .because(reason(run, now, message)));
        admissions.afterCommit(run.getChangeRequestId());
        progress(run);
        return run;
    }

    private void record(HostRun run, StepOutcome outcome, Instant now) {
        writes.log(run.id(), now, outcome.step(), outcome.outcome(), outcome.message(), outcome.evidence());
        StoredMessage after = outcome.after();
        if (outcome.evidence() != null) {
            Argument evidence = RunMessages.hostText(outcome.evidence());
            after = after == null ? StoredMessage.of("rollout.audit.evidence", evidence)
                    : StoredMessage.of("rollout.audit.after-evidence", inner(after), evidence);
        }
        audit(now, AuditEvent.of(actor(run.getChangeRequestId()), AuditAction.HOST_STEP, subject(run))
                .change(json(outcome.before()), json(after))
                .because(reason(run, now, StoredMessage.of("rollout.audit.step",
                        RunMessages.label(outcome.step().messageKey()), inner(outcome.outcome()),
                        inner(outcome.message())))));
    }

    /** Into the outbox, in this transaction; the pump moves it into the chain after commit. */
    private void audit(Instant now, AuditEvent event) {
        writes.outbox(now, event);
        afterCommit(pump::signal);
    }

    static String subject(HostRun run) {
        return AuditSubject.server(run.getHostName());
    }

    /**
     * Why an entry was written: the change, its port and what happened; for an entry that goes through the outbox,
     * first the moment it happened ({@code at}), since the chain stamps the later moment of its append. The audit
     * keeps reasons up to {@link AuditEntry#REASON_MAX_LENGTH}: one that would not fit names the change and its port
     * only, as a cut one could not be read back.
     */
    private static String reason(HostRun run, @Nullable Instant at, StoredMessage text) {
        Argument change = port(run.getChangeRequestId());
        Argument target = port(run.getTargetPort());
        String reason = stamped(at, StoredMessage.of("rollout.audit.reason", change, target, inner(text)));
        return reason.length() <= AuditEntry.REASON_MAX_LENGTH ? reason
                : stamped(at, StoredMessage.of("rollout.audit.reason-short", change, target));
    }

    private static String stamped(@Nullable Instant at, StoredMessage reason) {
        return (at == null ? reason : StoredMessage.of("rollout.audit.at", StoredMessage.at(at), inner(reason)))
                .toJson();
    }

    private static @Nullable String json(@Nullable StoredMessage message) {
        return message == null ? null : message.toJson();
    }

    private void progress(HostRun run) {
        RolloutProgressEvent event = new RolloutProgressEvent(run.getChangeRequestId(), run.id(), run.getHostName(),
                run.getState(), run.getStep());
        afterCommit(() -> events.publishEvent(event));
    }

    static void afterCommit(Runnable action) {
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
