package org.calconfleet.rollout;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.calconfleet.change.ChangeRequest;
import org.calconfleet.change.ChangeRequestRepository;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.RolloutWait;
import org.calconfleet.change.ScheduleKind;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.window.MaintenanceWindows;
import org.calconfleet.window.Wait;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets waiting hosts of a rollout run, as far as the rollout allows: waves one after another (the canary first; any
 * failure in it halts the rollout), at most {@code concurrency} hosts at once, no new host once more than the
 * failure threshold have failed, the maintenance window has closed or the rollout was cancelled; no new host of a
 * site whose weekly windows are closed or that a freeze holds (hosts already running finish; the rollout notes what
 * it waits for and until when, and the sweep below starts the site's hosts once it opens); and ends the rollout when
 * no host is left unfinished. Each pass locks the rollout's row, so passes of several nodes take turns,
 * and schedules the admitted hosts' tasks in the same transaction: a host is RUNNING if and only if its task exists.
 *
 * <p>Hosts that end do not admit their successors themselves (hundreds of them would queue on the rollout's row):
 * they signal this node's admitter after commit, which gathers for {@link #GATHER} and makes one pass for however
 * many ended meanwhile. Every second each node also makes a pass over every running rollout, so that hosts ended by
 * a node that died before its pass are followed up.
 */
@Component
class Admissions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Admissions.class);
    static final TaskDescriptor<Void> HOST_RUN = TaskDescriptor.of("host-run");
    static final TaskDescriptor<Void> ROLLOUT_START = TaskDescriptor.of("rollout-start");
    private static final Duration SWEEP = Duration.ofSeconds(1);
    /**
     * After a signal the admitter waits this long for more: the hosts of a batch end within moments of each other,
     * and one pass admits the successors of all that ended meanwhile.
     */
    static final Duration GATHER = Duration.ofMillis(10);

    private final ChangeRequestRepository changes;
    private final HostRunRepository runs;
    private final ServerClaims claims;
    private final HostRunWrites writes;
    private final ObjectProvider<Scheduler> scheduler;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MaintenanceWindows windows;
    private final TransactionTemplate tx;
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final BurstSignal signal = new BurstSignal(GATHER);
    private volatile boolean running;
    private @Nullable Thread thread;

    Admissions(ChangeRequestRepository changes, HostRunRepository runs, HostRunWrites writes,
            ObjectProvider<Scheduler> scheduler,
            ApplicationEventPublisher events, Clock clock, MaintenanceWindows windows,
            PlatformTransactionManager transactions, ServerClaims claims) {
        this.changes = changes;
        this.runs = runs;
        this.writes = writes;
        this.scheduler = scheduler;
        this.events = events;
        this.clock = clock;
        this.windows = windows;
        this.tx = new TransactionTemplate(transactions);
        this.claims = claims;
    }

    /** After the current transaction commits, this node makes a pass over the rollout. */
    void afterCommit(long changeId) {
        RolloutStore.afterCommit(() -> {
            dirty.add(changeId);
            signal.raise();
        });
    }

    /** The rollout-start task: at the scheduled time the rollout runs, or is cancelled if its window was missed. */
    void start(long changeId) {
        tx.executeWithoutResult(s -> {
            ChangeRequest change = changes.lock(changeId).orElse(null);
            if (change == null || change.getState() != ChangeState.SCHEDULED) {
                return;
            }
            Instant now = clock.instant();
            if (change.getLatestStart() != null && now.isAfter(change.getLatestStart())) {
                change.setState(ChangeState.CANCELLED);
                change.setEndReason(StoredMessage.of("rollout.end.window-missed",
                        StoredMessage.at(change.getLatestStart()), StoredMessage.at(now)));
                change.setFinishedAt(now);
                endPending(changeId, HostRunState.CANCELLED, StoredMessage.of("rollout.run.window-missed").toJson(), now);
                finished(change);
            } else {
                change.setState(ChangeState.RUNNING);
                change.setStartedAt(now);
                admit(change);
            }
            progress(changeId);
        });
    }

    /** One pass over one rollout, in its own transaction. */
    void pass(long changeId) {
        tx.executeWithoutResult(s -> changes.lock(changeId).ifPresent(this::admit));
    }

    /**
     * The pass itself, for callers that hold the rollout's lock in their transaction (start, cancel). A wave starts
     * when the one before has no waiting and no running host left (hosts awaiting a Domino confirmation do not hold
     * the next wave back).
     */
    void admit(ChangeRequest change) {
        if (change.getState() != ChangeState.RUNNING) {
            return;
        }
        long id = change.id();
        Instant now = clock.instant();
        Counts counts = counts(id);
        long failures = counts.failures();
        if (!change.isHalted() && !change.isCancelRequested()) {
            int threshold = change.waves().failureThreshold();
            if (failures > threshold) {
                change.halt(StoredMessage.of("rollout.end.threshold", StoredMessage.count(failures),
                        StoredMessage.count(threshold)));
            } else if (change.getLatestStart() != null && now.isAfter(change.getLatestStart())) {
                change.halt(StoredMessage.of("rollout.end.window-closed", StoredMessage.at(change.getLatestStart())));
            }
        }
        int running = counts.running();
        if (change.isCancelRequested()) {
            change.stopWaiting();
            endPending(id, HostRunState.CANCELLED, StoredMessage.of("rollout.run.before-turn").toJson(), now);
        } else if (change.isHalted()) {
            change.stopWaiting();
            endPending(id, HostRunState.SKIPPED, notStarted(change.getEndReason()), now);
        } else {
            Map<String, Wait> closed = windows.closed(() -> writes.pendingSites(id), now);
            running += admitNext(change, now, running, failures, closed.keySet());
            @Nullable RolloutWait before = change.waiting();
            writes.nextClosedSite(id, change.getCurrentWave(), closed.keySet())
                    .ifPresentOrElse(site -> change.waitFor(site, closed.get(site)), change::stopWaiting);
            if (!Objects.equals(before, change.waiting())) {
                progress(id);
            }
        }
        if (running == 0 && counts.awaiting() == 0
                && writes.nextPendingWave(id).isEmpty()) {
            change.setState(change.isCancelRequested() ? ChangeState.CANCELLED
                    : change.isHalted() ? ChangeState.FAILED : ChangeState.DONE);
            change.setFinishedAt(now);
            finished(change);
            progress(id);
        }
    }

    /** Ends the rollout's waiting hosts in one statement, and says how many after commit. */
    void endPending(long changeId, HostRunState state, String message, Instant now) {
        claims.releasePending(changeId);
        int ended = runs.endPending(changeId, state, message, now);
        if (ended > 0) {
            RolloutStore.afterCommit(() -> events.publishEvent(new HostRunsEnded(changeId, state, ended)));
        }
    }

    /** A host the halt leaves unstarted, with why the rollout halted (an older rollout's English reason as it is). */
    private static String notStarted(@Nullable String endReason) {
        StoredMessage.Argument why = StoredMessage.parse(endReason).map(StoredMessage::inner)
                .orElseGet(() -> StoredMessage.verbatim(endReason));
        return StoredMessage.of("rollout.run.not-started", why).toJson();
    }

    /** The rollout has just reached its end state: announced after commit. */
    void finished(ChangeRequest change) {
        RolloutFinished event = new RolloutFinished(change.id(), change.getState());
        RolloutStore.afterCommit(() -> events.publishEvent(event));
    }

    /** Admits as many waiting hosts as the concurrency and the waves allow; how many it admitted. */
    private int admitNext(ChangeRequest change, Instant now, int runningBefore, long failures,
            Set<String> closedSites) {
        long id = change.id();
        int running = runningBefore;
        int admitted = 0;
        while (true) {
            int free = change.waves().concurrency() - running;
            if (free <= 0) {
                break;
            }
            List<Long> next = writes.pendingOfWave(id, change.getCurrentWave(), free, closedSites);
            if (!next.isEmpty()) {
                writes.admit(next, now);
                scheduler.getObject().scheduleBatch(
                        next.stream().<TaskInstance<?>>map(run -> HOST_RUN.instance(String.valueOf(run)).build()).toList(),
                        now);
            }
            running += next.size();
            admitted += next.size();
            if (next.size() == free || running > 0) {
                break;
            }
            Optional<Integer> nextWave = writes.nextPendingWave(id);
            if (nextWave.isEmpty() || nextWave.get() == change.getCurrentWave()) {
                // nothing left, or the rest of this wave waits for its sites to open: the next wave waits with it
                break;
            }
            if (change.waves().canarySize() > 0 && change.getCurrentWave() == 0 && failures > 0) {
                StoredMessage canary = StoredMessage.of("rollout.end.canary-failed");
                change.halt(canary);
                endPending(id, HostRunState.SKIPPED, notStarted(canary.toJson()), now);
                break;
            }
            change.setCurrentWave(nextWave.get());
        }
        if (admitted > 0) {
            RolloutStore.afterCommit(() -> {
                Scheduler s = scheduler.getIfAvailable();
                if (s != null) {
                    s.triggerCheckForDueExecutions();
                }
            });
            progress(id);
        }
        return admitted;
    }

    /** The hosts of a rollout that admission weighs: running, awaiting confirmation, failed. */
    private record Counts(int running, int awaiting, long failures) {
    }

    private static final Set<HostRunState> COUNTED = EnumSet.copyOf(RolloutStore.FAILURES);

    static {
        COUNTED.add(HostRunState.RUNNING);
        COUNTED.add(HostRunState.AWAITING_CONFIRMATION);
    }

    /** One query, not one per state: a pass runs after every burst of hosts that end. */
    private Counts counts(long id) {
        Map<HostRunState, Long> byState = writes.countStates(id, COUNTED);
        long failures = RolloutStore.FAILURES.stream().mapToLong(s -> byState.getOrDefault(s, 0L)).sum();
        return new Counts(Math.toIntExact(byState.getOrDefault(HostRunState.RUNNING, 0L)),
                Math.toIntExact(byState.getOrDefault(HostRunState.AWAITING_CONFIRMATION, 0L)), failures);
    }

    /** Schedules the rollout's start: now, or at its window's start. Within the approving transaction. */
    void scheduleStart(ChangeRequest change) {
        Instant at = change.schedule().kind() == ScheduleKind.WINDOW && change.schedule().windowStart() != null
                ? change.schedule().windowStart() : clock.instant();
        scheduler.getObject().scheduleIfNotExists(ROLLOUT_START.instance(String.valueOf(change.id())).scheduledTo(at));
        RolloutStore.afterCommit(() -> {
            Scheduler s = scheduler.getIfAvailable();
            if (s != null) {
                s.triggerCheckForDueExecutions();
            }
        });
    }

    void progress(long changeId) {
        RolloutStore.afterCommit(() -> events.publishEvent(RolloutProgressEvent.ofRollout(changeId)));
    }

    private void loop() {
        Instant nextSweep = Instant.now().plus(SWEEP);
        while (running) {
            try {
                signal.await(SWEEP, () -> running);
                for (Long id : List.copyOf(dirty)) {
                    dirty.remove(id);
                    pass(id);
                }
                if (Instant.now().isAfter(nextSweep)) {
                    nextSweep = Instant.now().plus(SWEEP);
                    for (Long id : changes.findIdsByState(ChangeState.RUNNING)) {
                        pass(id);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("admitting hosts failed; trying again", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        // a platform thread: a pass is CPU-bound work that would hold a virtual-thread carrier to its end
        thread = Thread.ofPlatform().daemon().name("rollout-admissions").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            signal.raise();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
