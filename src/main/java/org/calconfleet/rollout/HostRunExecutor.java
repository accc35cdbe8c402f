package org.calconfleet.rollout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.calconfleet.backend.HostBackends;
import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.DominoResult;
import org.calconfleet.fleet.ConnectorServiceState;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.Observation;
import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.Done;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.ServiceState;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.port.LoadExcalconCommand;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Carries one host run through its steps: PRECHECK → WRITE → RESTART (stop, start) → VERIFY → DOMINO → done, or
 * ROLLBACK (restore, restart, verify) after a failure past the write. Before every action on the host the run's
 * step and phase are committed; after it, the outcome. An execution that finds a step already begun (the task was
 * revived after its node died, or a transient failure is retried) looks at the host before it acts: values already
 * written, service already stopped, started or failed to start (event 5006 since the start was sent). So a write,
 * a stop or a start is not sent twice. Past the write, a resumed restart or verification first reads the values
 * again: a host that still holds them goes on where the run left it, one that does not (they were lost or changed
 * since) is rolled back rather than restarted or called done on the strength of the run's own record. The Domino console cannot be asked what EXCALCON runs with, so the reload
 * is sent under a request id fixed when the step began: the agent on the Domino host answers a resumed step's
 * repeat from memory. The runbook shows the commands to the operator again, which leaves the same end state.
 *
 * <p>Transient failures (unreachable, time-outs) are retried with doubling back-off up to
 * {@link RolloutSettings#getMaxAttempts()}; others (access denied, wrong value type, a service that will not
 * start) are not. An interrupted execution (the node is stopping) abandons the run as it stands, to be resumed, and
 * gives its lease up so that the next execution need not wait it out.
 *
 * <p>One runner per run: an execution first claims the run's lease ({@link HostRunLeases}), which its writes and,
 * while it waits, its node renew. Every write is fenced by the run's version and every action after a wait by a
 * renewal, so a runner whose lease was taken over stops before it acts again.
 */
@Component
class HostRunExecutor {

    /** The execution stopped mid-run (its thread was interrupted); the run resumes in a later execution. */
    static final class Abandoned extends RuntimeException {
        Abandoned(String message) {
            super(message);
        }
    }

    /**
     * Another runner holds the run's lease (its execution was revived while it still runs): this one stops before it
     * touches the host, and its execution comes back when the lease would have run out.
     */
    static final class LeaseHeld extends RuntimeException {
        private final Instant until;

        LeaseHeld(long runId, Instant until) {
            super("host run " + runId + " has another runner until " + until);
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    private final RolloutStore store;
    private final HostRunLeases leases;
    private final HostBackends backends;
    private final RolloutSettings settings;
    private final ConcurrentMap<String, ReentrantLock> dominoLocks = new ConcurrentHashMap<>();

    HostRunExecutor(RolloutStore store, HostRunLeases leases, HostBackends backends, RolloutSettings settings) {
        this.store = store;
        this.leases = leases;
        this.backends = backends;
        this.settings = settings;
    }

    /**
     * What one execution knows: the run as last committed, its lease, the server, its backend, and whether it resumes a
     * step.
     */
    private static final class Ctx {
        HostRun run;
        final HostRunLeases.Lease lease;
        final ExchangeServer server;
        final HostBackend host;
        boolean resumed;

        Ctx(HostRun run, HostRunLeases.Lease lease, ExchangeServer server, HostBackend host) {
            this.run = run;
            this.lease = lease;
            this.server = server;
            this.host = host;
            this.resumed = run.getPhase() != Phase.NONE;
        }

        void advance(HostRun next) {
            run = next;
            resumed = false;
        }

        int target() {
            return run.getTargetPort();
        }

        String actor() {
            return RolloutStore.actor(run.getChangeRequestId());
        }
    }

    void run(long runId) {
        RolloutStore.Begin begin = store.begin(runId).orElse(null);
        if (begin == null || begin.run().getState() != HostRunState.RUNNING) {
            return;
        }
        HostRun run = begin.run();
        String holder = UUID.randomUUID().toString();
        Optional<Instant> heldUntil = store.claim(run, holder);
        if (heldUntil.isPresent()) {
            throw new LeaseHeld(runId, heldUntil.get());
        }
        try (HostRunLeases.Lease lease = leases.hold(runId, holder)) {
            try {
                steps(run, lease, begin.server());
            } catch (Abandoned e) {
                lease.release();
                throw e;
            }
        }
    }

    private void steps(HostRun run, HostRunLeases.Lease lease, @Nullable ExchangeServer server) {
        if (server == null) {
            store.finish(run, HostRunState.FAILED, "the server is no longer in the inventory", r -> { },
                    StepOutcome.of(run.getStep(), "failed", "the server is no longer in the inventory"), null);
            return;
        }
        Ctx c = new Ctx(run, lease, server, backends.backend(server));
        while (c.run.getState() == HostRunState.RUNNING) {
            if (Thread.currentThread().isInterrupted()) {
                throw new Abandoned("interrupted before " + c.run.getStep() + " of " + c.run.getHostName());
            }
            c.lease.check();
            switch (c.run.getStep()) {
                case PRECHECK -> precheck(c);
                case WRITE -> write(c);
                case RESTART -> {
                    if (c.run.getPhase() == Phase.STARTING) {
                        startPhase(c, Step.RESTART);
                    } else {
                        stopPhase(c, Step.RESTART);
                    }
                }
                case VERIFY -> verify(c);
                case DOMINO -> domino(c);
                case ROLLBACK -> rollback(c);
                case FINISHED -> {
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- PRECHECK

    private void precheck(Ctx c) {
        if (c.run.getPhase() == Phase.NONE) {
            Instant now = store.now();
            c.advance(store.step(c.run, r -> r.enter(Step.PRECHECK, Phase.STARTED, now), null));
        }
        int target = c.target();
        HostInspector.Inspection i = HostInspector.inspect(c.host, target, settings.getProbeTimeout(),
                new HostInspector.Caller() {
                    @Override
                    public <T> HostResult<T> call(String what, Supplier<HostResult<T>> read) {
                        return HostRunExecutor.this.read(c, what, read);
                    }
                });
        Observation seen = observation(c, i.ports(), i.service()).diagnosticsHigh(
                i.diagnostics() == null ? null : i.diagnostics().isHighOrAbove());
        if (i.blocked()) {
            String why = i.problems();
            finish(c, HostRunState.FAILED, "precheck failed, nothing was changed: " + why,
                    StepOutcome.of(Step.PRECHECK, "failed", why), seen);
            return;
        }
        CalConPorts ports = Objects.requireNonNull(i.ports());
        ServiceState service = Objects.requireNonNull(i.service());
        if (i.atTarget(target)) {
            finish(c, HostRunState.NO_CHANGE, "already at port " + target + " with the connector running",
                    StepOutcome.of(Step.PRECHECK, "no change", "both values hold " + target), seen.desired(target));
            return;
        }
        boolean needsWrite = i.needsWrite(target);
        boolean unverifiable = i.unverifiable();
        Instant now = store.now();
        String before = ports.exchangeSide() + " / " + ports.notesSide() + ", service " + service;
        String after = "REG_DWORD " + target + " / REG_DWORD " + target + ", service restarted";
        String message = "precheck passed" + (needsWrite ? "" : "; values already hold " + target + ", restart only")
                + (unverifiable ? "; logging below High: the change will be unverifiable" : "");
        c.advance(store.stepUnlessCancelled(c.run, r -> {
            r.prechecked(RegistryReads.encode(ports.exchangeSide()), RegistryReads.encode(ports.notesSide()),
                    service.name(), !unverifiable, needsWrite);
            r.setLastMessage(message);
            if (needsWrite) {
                r.enter(Step.WRITE, Phase.STARTED, now);
            } else {
                r.enter(Step.RESTART, Phase.STOPPING, now);
                r.restarting(seconds(now));
            }
        }, StepOutcome.of(Step.PRECHECK, "passed", message).change(before, after)));
    }

    // ---------------------------------------------------------------- WRITE

    private void write(Ctx c) {
        int target = c.target();
        while (true) {
            boolean alreadyWritten = false;
            if (c.resumed) {
                HostResult<CalConPorts> now = c.host.readCalConPorts();
                if (now instanceof HostResult.Failure<CalConPorts> f) {
                    if (retry(c, "read the port values", f)) {
                        continue;
                    }
                    startRollback(c, Step.WRITE, HostInspector.describe("read the port values", f));
                    return;
                }
                alreadyWritten = HostInspector.hasPort(now.orElseThrow(), target)
                        && now.orElseThrow().exchangeSide() instanceof RegistryRead.Present;
            }
            if (!alreadyWritten) {
                HostResult<Done> written = c.host.writeCalConPorts(target, target);
                if (written instanceof HostResult.Failure<Done> f) {
                    if (retry(c, "write the port values", f)) {
                        continue;
                    }
                    startRollback(c, Step.WRITE, "the write failed: " + f.kind() + " " + f.detail());
                    return;
                }
            }
            Instant now = store.now();
            String message = alreadyWritten ? "values already written by an earlier execution" : "both values written";
            StepOutcome written = StepOutcome.of(Step.WRITE, alreadyWritten ? "already written" : "written", message);
            c.advance(store.step(c.run, r -> {
                r.setLastMessage(message);
                r.enter(Step.RESTART, Phase.STOPPING, now);
                r.restarting(seconds(now));
            }, written
                    .change(previous(c.run), "REG_DWORD " + target + " / REG_DWORD " + target)));
            return;
        }
    }

    // ---------------------------------------------------------------- RESTART (and the rollback's restart)

    private void stopPhase(Ctx c, Step step) {
        while (true) {
            boolean stopped = false;
            if (c.resumed && step == Step.RESTART && !stillWritten(c, step)) {
                return;
            }
            if (c.resumed) {
                HostResult<ServiceState> state = c.host.queryServiceState();
                if (state instanceof HostResult.Failure<ServiceState> f) {
                    if (retry(c, "query the service", f)) {
                        continue;
                    }
                    fail(c, step, HostInspector.describe("query the service", f));
                    return;
                }
                stopped = state.orElseThrow() == ServiceState.STOPPED;
            }
            if (!stopped) {
                HostResult<ServiceState> result = c.host.stopService(settings.getStopTimeout());
                if (result instanceof HostResult.Failure<ServiceState> f) {
                    if (retry(c, "stop the service", f)) {
                        continue;
                    }
                    fail(c, step, "the service did not stop: " + f.kind() + " " + f.detail());
                    return;
                }
            }
            Instant now = store.now();
            boolean start = step == Step.RESTART || wasRunning(c.run.getServiceBefore());
            c.advance(store.step(c.run, r -> {
                r.setLastMessage("service stopped");
                r.enter(step, start ? Phase.STARTING : Phase.VERIFYING, now);
            }, null));
            return;
        }
    }

    private void startPhase(Ctx c, Step step) {
        while (true) {
            boolean running = false;
            if (c.resumed && step == Step.RESTART && !stillWritten(c, step)) {
                return;
            }
            if (c.resumed) {
                HostResult<ServiceState> state = c.host.queryServiceState();
                if (state instanceof HostResult.Failure<ServiceState> f) {
                    if (retry(c, "query the service", f)) {
                        continue;
                    }
                    fail(c, step, HostInspector.describe("query the service", f));
                    return;
                }
                running = state.orElseThrow() == ServiceState.RUNNING;
                if (state.orElseThrow() == ServiceState.STOPPED) {
                    Optional<HostEvent> startFailure = startFailureSince(c, Objects.requireNonNull(c.run.getPhaseAt()));
                    if (startFailure.isPresent()) {
                        fail(c, step, "the service did not come back: " + startFailure.get().text());
                        return;
                    }
                }
            }
            if (!running) {
                HostResult<ServiceState> result = c.host.startService(settings.getStartTimeout());
                if (result instanceof HostResult.Failure<ServiceState> f) {
                    if (retry(c, "start the service", f)) {
                        continue;
                    }
                    fail(c, step, "the service did not come back: " + f.kind() + " " + f.detail()
                            + (f.hasWindowsErrorCode() ? " (error " + f.windowsErrorCode() + ")" : ""));
                    return;
                }
            }
            Instant now = store.now();
            if (step == Step.RESTART) {
                c.advance(store.step(c.run, r -> {
                    r.setLastMessage("service restarted");
                    r.enter(Step.VERIFY, Phase.STARTED, now);
                }, StepOutcome.of(Step.RESTART, "restarted", c.host.serviceName() + " stopped and started")));
            } else {
                c.advance(store.step(c.run, r -> {
                    r.setLastMessage("service restarted with the previous values");
                    r.enter(Step.ROLLBACK, Phase.VERIFYING, now);
                }, null));
            }
            return;
        }
    }

    /**
     * Whether the host still holds the written values, read again when a step past the write resumes; if it does not
     * (or cannot be read), the run is rolled back and the answer is false.
     */
    private boolean stillWritten(Ctx c, Step step) {
        HostResult<CalConPorts> read = read(c, "read the port values", c.host::readCalConPorts);
        if (read instanceof HostResult.Failure<CalConPorts> f) {
            startRollback(c, step, HostInspector.describe("read the port values", f));
            return false;
        }
        CalConPorts now = read.orElseThrow();
        if (HostInspector.hasPort(now, c.target())) {
            return true;
        }
        startRollback(c, step, "resuming, the host no longer holds the written values: " + now.exchangeSide() + " / "
                + now.notesSide() + " instead of " + c.target());
        return false;
    }

    private Optional<HostEvent> startFailureSince(Ctx c, Instant since) {
        HostResult<List<HostEvent>> events = read(c, "read the event log", () -> c.host.readCalConEvents(since));
        return events instanceof HostResult.Ok<List<HostEvent>> ok
                ? ok.value().stream().filter(e -> e.is(CalConEvents.SOURCE_CALCON, CalConEvents.SHUTTING_DOWN))
                        .reduce((a, b) -> b)
                : Optional.empty();
    }

    // ---------------------------------------------------------------- VERIFY

    private void verify(Ctx c) {
        int target = c.target();
        Instant since = Objects.requireNonNull(c.run.getRestartAt());
        if (c.resumed && !stillWritten(c, Step.VERIFY)) {
            return;
        }
        while (true) {
            HostResult<ServiceState> state = read(c, "query the service", c.host::queryServiceState);
            if (state instanceof HostResult.Failure<ServiceState> f) {
                startRollback(c, Step.VERIFY, HostInspector.describe("query the service", f));
                return;
            }
            if (state.orElseThrow() != ServiceState.RUNNING) {
                startRollback(c, Step.VERIFY, "the service is " + state.orElseThrow() + " after the restart");
                return;
            }
            HostResult<List<HostEvent>> read = read(c, "read the event log", () -> c.host.readCalConEvents(since));
            if (read instanceof HostResult.Failure<List<HostEvent>> f) {
                startRollback(c, Step.VERIFY, HostInspector.describe("read the event log", f));
                return;
            }
            List<HostEvent> events = read.orElseThrow();
            Optional<HostEvent> linkFailure = events.stream().filter(CalConEvents::isNotesLinkFailure).reduce((a, b) -> b);
            if (linkFailure.isPresent()) {
                startRollback(c, Step.VERIFY, "event 5010 after the restart: " + linkFailure.get().text());
                return;
            }
            Optional<HostEvent> configured = events.stream()
                    .filter(e -> CalConEvents.configuredPort(e).isPresent()).reduce((a, b) -> b);
            if (configured.isPresent()) {
                int port = CalConEvents.configuredPort(configured.get()).getAsInt();
                if (port != target) {
                    startRollback(c, Step.VERIFY, "event 6001 reports port " + port + ", expected " + target + ": "
                            + configured.get().text());
                    return;
                }
                verified(c, Verification.VERIFIED, configured.get());
                return;
            }
            if (!Boolean.TRUE.equals(c.run.getDiagnosticsHigh())) {
                verified(c, Verification.UNVERIFIABLE, null);
                return;
            }
            if (c.run.getAttempt() + 1 < settings.getVerifyAttempts()) {
                c.run = store.retrying(c.run, "no event 6001 since the restart yet; looking again in "
                        + settings.getVerifyDelay());
                pause(c, settings.getVerifyDelay());
                continue;
            }
            String why = "no event 6001 since the restart although logging is High; the values are written and the"
                    + " service runs, but the change is not proven";
            finish(c, HostRunState.NEEDS_ATTENTION, why, StepOutcome.of(Step.VERIFY, "no evidence", why),
                    observation(c, CalConPorts.of(target, target), ServiceState.RUNNING));
            return;
        }
    }

    private void verified(Ctx c, Verification verification, @Nullable HostEvent event) {
        String message = verification == Verification.VERIFIED
                ? "event 6001 at " + Objects.requireNonNull(event).time() + " reports port " + c.target()
                : "unverifiable: logging below High, no event 6001 is written";
        StepOutcome outcome = StepOutcome.of(Step.VERIFY, verification == Verification.VERIFIED ? "verified" : "unverifiable",
                message).evidence(event == null ? null : event.text());
        Consumer<HostRun> record = r -> {
            r.verified(verification, event == null ? null : Evidence.of(event));
            r.setLastMessage(message);
        };
        if (dominoApplies(c.server)) {
            Instant now = store.now();
            c.advance(store.step(c.run, record.andThen(r -> r.enter(Step.DOMINO, Phase.STARTED, now)), outcome));
        } else {
            finish(c, HostRunState.DONE, "done (" + verification.name().toLowerCase(java.util.Locale.ROOT)
                    + "); no Domino partner to reload", record, outcome, doneObservation(c, event));
        }
    }

    // ---------------------------------------------------------------- DOMINO

    private static boolean dominoApplies(ExchangeServer server) {
        return server.getConnectorKind() == ConnectorKind.LOTUS_DOMINO && server.getDominoServer() != null
                && server.getCalendarSystem() != null;
    }

    private void domino(Ctx c) {
        String dominoServer = Objects.requireNonNull(c.server.getDominoServer());
        List<DominoCommand> commands = List.of(DominoCommand.quit(), new DominoCommand.LoadExcalcon(
                c.server.getHostName(), Objects.requireNonNull(c.server.getCalendarSystem()), c.target(), c.target(),
                c.server.getDominoDebugFlag() == LoadExcalconCommand.DEBUG_ON));
        String lines = commands.stream().map(DominoCommand::commandLine).collect(Collectors.joining(" / "));
        DominoConsole console = backends.domino(c.server);
        String requestId = "host-run-" + c.run.id() + "-"
                + Objects.requireNonNull(c.run.getPhaseAt()).toEpochMilli();
        while (true) {
            DominoResult result = send(console, dominoServer, commands, requestId);
            switch (result) {
                case DominoResult.Sent sent -> finish(c, HostRunState.DONE, "done; EXCALCON reloaded on " + dominoServer,
                        r -> r.setDominoCommands(lines),
                        StepOutcome.of(Step.DOMINO, "sent", dominoServer + ": " + lines + " → "
                                + String.join(" / ", sent.responses())), doneObservation(c, null));
                case DominoResult.AwaitingConfirmation waiting -> c.advance(store.await(c.run, lines,
                        StepOutcome.of(Step.DOMINO, "awaiting confirmation",
                                "type on the console of " + dominoServer + ": " + lines + ", then confirm"),
                        doneObservation(c, null).desired(null)));
                case DominoResult.Failed failed -> {
                    if (failed.retryable() && c.run.getAttempt() + 1 < settings.getMaxAttempts()) {
                        Duration wait = settings.backoff(c.run.getAttempt());
                        c.run = store.retrying(c.run, "Domino console: " + failed.kind() + " " + failed.detail()
                                + "; trying again in " + wait);
                        pause(c, wait);
                        continue;
                    }
                    String why = "the Domino console of " + dominoServer + " failed: " + failed.kind() + " "
                            + failed.detail() + "; the Exchange side runs port " + c.target()
                            + "; type by hand: " + lines;
                    finish(c, HostRunState.NEEDS_ATTENTION, why, r -> r.setDominoCommands(lines),
                            StepOutcome.of(Step.DOMINO, "failed", why), doneObservation(c, null).desired(null));
                }
            }
            return;
        }
    }

    private DominoResult send(DominoConsole console, String dominoServer, List<DominoCommand> commands,
            String requestId) {
        ReentrantLock lock = dominoLocks.computeIfAbsent(dominoServer.toLowerCase(java.util.Locale.ROOT),
                k -> new ReentrantLock());
        lock.lock();
        try {
            return console.send(dominoServer, commands, requestId);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- ROLLBACK

    private void startRollback(Ctx c, Step failedStep, String reason) {
        Instant now = store.now();
        c.advance(store.step(c.run, r -> {
            r.setFailureReason(failedStep + ": " + reason);
            r.setLastMessage("rolling back: " + reason);
            r.enter(Step.ROLLBACK, Phase.STARTED, now);
        }, StepOutcome.of(failedStep, "failed", reason + "; rolling back")));
    }

    /** A step failed for good: past the write the host is rolled back; a failing rollback needs an operator. */
    private void fail(Ctx c, Step step, String reason) {
        if (step == Step.ROLLBACK) {
            needsAttention(c, "the rollback failed: " + reason);
        } else {
            startRollback(c, step, reason);
        }
    }

    private void needsAttention(Ctx c, String why) {
        String full = why + " (after: " + c.run.getFailureReason() + ")";
        finish(c, HostRunState.NEEDS_ATTENTION, full, StepOutcome.of(Step.ROLLBACK, "failed", full),
                Observation.by(c.actor()).service(ConnectorServiceState.UNKNOWN));
    }

    private void rollback(Ctx c) {
        switch (c.run.getPhase()) {
            case NONE, STARTED -> restore(c);
            case STOPPING -> stopPhase(c, Step.ROLLBACK);
            case STARTING -> startPhase(c, Step.ROLLBACK);
            case VERIFYING -> verifyRollback(c);
        }
    }

    private static boolean unrestorable(RegistryRead read) {
        return read instanceof RegistryRead.WrongType w && !w.restorable();
    }

    private void restore(Ctx c) {
        RegistryRead prevExchange = RegistryReads.decode(c.run.getPreviousExchange());
        RegistryRead prevNotes = RegistryReads.decode(c.run.getPreviousNotes());
        CalConPorts previous = new CalConPorts(prevExchange, prevNotes);
        if (unrestorable(prevExchange) || unrestorable(prevNotes)) {
            needsAttention(c, "the previous values (" + previous + ") were not kept with their data and cannot be"
                    + " restored");
            return;
        }
        while (true) {
            HostResult<CalConPorts> now = c.host.readCalConPorts();
            if (now instanceof HostResult.Failure<CalConPorts> f) {
                if (retry(c, "read the port values", f)) {
                    continue;
                }
                needsAttention(c, HostInspector.describe("read the port values", f));
                return;
            }
            boolean same = now.orElseThrow().exchangeSide().equals(prevExchange)
                    && now.orElseThrow().notesSide().equals(prevNotes);
            if (!same) {
                HostResult<Done> restored = c.host.restoreCalConPorts(previous);
                if (restored instanceof HostResult.Failure<Done> f) {
                    if (retry(c, "restore the port values", f)) {
                        continue;
                    }
                    needsAttention(c, "restoring " + previous + " failed: " + f.kind() + " " + f.detail());
                    return;
                }
            }
            String reason = Objects.requireNonNullElse(c.run.getFailureReason(), "failed");
            Observation seen = observation(c, previous, null);
            if (!c.run.isRestarted()) {
                if (same) {
                    finish(c, HostRunState.FAILED, reason + "; nothing was changed on the host",
                            StepOutcome.of(Step.ROLLBACK, "nothing to restore", "the values are unchanged"), seen);
                } else {
                    finish(c, HostRunState.ROLLED_BACK, reason + "; previous values restored (the service had not"
                                    + " been restarted)",
                            StepOutcome.of(Step.ROLLBACK, "restored", "previous values restored").change(null,
                                    previous.toString()), seen);
                }
                return;
            }
            Instant at = store.now();
            c.advance(store.step(c.run, r -> {
                r.setLastMessage("previous values restored; restarting");
                r.enter(Step.ROLLBACK, Phase.STOPPING, at);
                r.restarting(seconds(at));
            }, StepOutcome.of(Step.ROLLBACK, same ? "already restored" : "restored",
                    "previous values " + prevExchange + " / " + prevNotes + " put back").change(
                    "REG_DWORD " + c.target(), prevExchange + " / " + prevNotes)));
            return;
        }
    }

    private void verifyRollback(Ctx c) {
        RegistryRead prevExchange = RegistryReads.decode(c.run.getPreviousExchange());
        RegistryRead prevNotes = RegistryReads.decode(c.run.getPreviousNotes());
        CalConPorts previous = new CalConPorts(prevExchange, prevNotes);
        boolean shouldRun = wasRunning(c.run.getServiceBefore());
        HostResult<ServiceState> state = read(c, "query the service", c.host::queryServiceState);
        if (state instanceof HostResult.Failure<ServiceState> f) {
            needsAttention(c, HostInspector.describe("query the service", f));
            return;
        }
        ServiceState now = state.orElseThrow();
        if (shouldRun ? now != ServiceState.RUNNING : now != ServiceState.STOPPED) {
            needsAttention(c, "after the rollback the service is " + now + ", it was " + c.run.getServiceBefore());
            return;
        }
        HostEvent evidence = null;
        OptionalInt previousPort = previous.agreedPort();
        if (shouldRun && previousPort.isPresent() && Boolean.TRUE.equals(c.run.getDiagnosticsHigh())) {
            Instant since = Objects.requireNonNull(c.run.getRestartAt());
            HostResult<List<HostEvent>> events = read(c, "read the event log", () -> c.host.readCalConEvents(since));
            if (events instanceof HostResult.Ok<List<HostEvent>> ok) {
                evidence = ok.value().stream().filter(e -> CalConEvents.configuredPort(e).isPresent())
                        .reduce((a, b) -> b).orElse(null);
                if (evidence != null && CalConEvents.configuredPort(evidence).getAsInt() != previousPort.getAsInt()) {
                    needsAttention(c, "after the rollback event 6001 reports " + evidence.text() + ", expected port "
                            + previousPort.getAsInt());
                    return;
                }
            }
        }
        HostEvent proof = evidence;
        String reason = Objects.requireNonNullElse(c.run.getFailureReason(), "failed");
        finish(c, HostRunState.ROLLED_BACK, reason + "; previous values restored and the service restarted"
                        + (proof == null ? "" : ", event 6001 confirms port " + previousPort.getAsInt()),
                r -> r.setLastMessage("rolled back"),
                StepOutcome.of(Step.ROLLBACK, "verified", "service " + now + " with " + previous)
                        .evidence(proof == null ? null : proof.text()),
                observation(c, previous, now).evidence(proof == null ? null : proof.time(),
                        proof == null ? null : proof.text()));
    }

    private static boolean wasRunning(@Nullable String serviceBefore) {
        return !ServiceState.STOPPED.name().equals(serviceBefore) && !ServiceState.STOP_PENDING.name().equals(serviceBefore);
    }

    // ---------------------------------------------------------------- helpers

    private void finish(Ctx c, HostRunState state, String message, @Nullable StepOutcome outcome,
            @Nullable Observation observation) {
        finish(c, state, message, r -> { }, outcome, observation);
    }

    private void finish(Ctx c, HostRunState state, String message, Consumer<HostRun> change,
            @Nullable StepOutcome outcome, @Nullable Observation observation) {
        c.advance(store.finish(c.run, state, message, change, outcome, observation));
    }

    /** What a host shows after the change took: the new port, running, and the 6001 evidence if any. */
    private Observation doneObservation(Ctx c, @Nullable HostEvent evidence) {
        Instant at = evidence != null ? evidence.time() : c.run.getEvidenceAt();
        String text = evidence != null ? evidence.text() : c.run.getEvidenceText();
        return observation(c, CalConPorts.of(c.target(), c.target()), ServiceState.RUNNING)
                .diagnosticsHigh(c.run.getDiagnosticsHigh())
                .evidence(at, text)
                .desired(c.target());
    }

    private static Observation observation(Ctx c, @Nullable CalConPorts ports, @Nullable ServiceState service) {
        Observation o = Observation.by(c.actor());
        if (ports != null) {
            o = o.ports(RegistryReads.dword(ports.exchangeSide()), RegistryReads.dword(ports.notesSide()));
        }
        return service == null ? o : o.service(connectorState(service));
    }

    static ConnectorServiceState connectorState(ServiceState state) {
        return switch (state) {
            case RUNNING -> ConnectorServiceState.RUNNING;
            case STOPPED -> ConnectorServiceState.STOPPED;
            case START_PENDING, CONTINUE_PENDING -> ConnectorServiceState.START_PENDING;
            case STOP_PENDING -> ConnectorServiceState.STOP_PENDING;
            case PAUSED, PAUSE_PENDING -> ConnectorServiceState.PAUSED;
            case NOT_INSTALLED -> ConnectorServiceState.NOT_INSTALLED;
        };
    }

    private static String previous(HostRun run) {
        return RegistryReads.describe(run.getPreviousExchange()) + " / " + RegistryReads.describe(run.getPreviousNotes());
    }

    /** A read, retried while the failure is transient and attempts are left; then its last answer. */
    private <T> HostResult<T> read(Ctx c, String what, Supplier<HostResult<T>> call) {
        while (true) {
            HostResult<T> result = call.get();
            if (result instanceof HostResult.Failure<T> f && retry(c, what, f)) {
                continue;
            }
            return result;
        }
    }

    /**
     * A transient failure with attempts left: counts the attempt, waits the back-off and answers true, after which
     * the step looks at the host again before it acts. False when the failure is final.
     */
    private boolean retry(Ctx c, String what, HostResult.Failure<?> f) {
        if (f.kind() == HostFailure.INTERRUPTED || Thread.currentThread().isInterrupted()) {
            throw new Abandoned("interrupted while trying to " + what + " on " + c.run.getHostName());
        }
        if (!f.retryable() || c.run.getAttempt() + 1 >= settings.getMaxAttempts()) {
            return false;
        }
        Duration wait = settings.backoff(c.run.getAttempt());
        c.run = store.retrying(c.run, "attempt " + (c.run.getAttempt() + 2) + " of " + settings.getMaxAttempts()
                + " in " + wait + ": cannot " + what + ": " + f.kind() + " " + f.detail());
        pause(c, wait);
        c.resumed = true;
        return true;
    }

    /** Waits under the run's lease: it is renewed meanwhile and again before the runner goes on, or the runner stops. */
    private static void pause(Ctx c, Duration duration) {
        try {
            c.lease.await(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned("interrupted while waiting");
        }
    }

    static Instant seconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS);
    }
}
