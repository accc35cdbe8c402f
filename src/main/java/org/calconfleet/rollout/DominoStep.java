package org.calconfleet.rollout;

import static org.calconfleet.i18n.StoredMessage.port;
import static org.calconfleet.i18n.StoredMessage.span;
import static org.calconfleet.i18n.StoredMessage.verbatim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.calconfleet.backend.HostBackends;
import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.DominoResult;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.i18n.StoredMessage.Argument;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.port.LoadExcalconCommand;
import org.springframework.stereotype.Component;

/**
 * Reloads EXCALCON on the Domino partner with the new port: sent to its console, or, where the console is typed by
 * hand, shown to an operator who confirms it (the run waits AWAITING_CONFIRMATION). The console cannot be asked what
 * EXCALCON runs with, so the reload goes under a request id fixed when the step began: the agent on the Domino host
 * answers a resumed step's repeat from memory. One command at a time per Domino server.
 */
@Component
class DominoStep implements HostRunStep {

    private final RolloutStore store;
    private final HostBackends backends;
    private final StepRetries retries;
    private final HostRunEnds ends;
    private final ConcurrentMap<String, ReentrantLock> dominoLocks = new ConcurrentHashMap<>();

    DominoStep(RolloutStore store, HostBackends backends, StepRetries retries, HostRunEnds ends) {
        this.store = store;
        this.backends = backends;
        this.retries = retries;
        this.ends = ends;
    }

    @Override
    public Step step() {
        return Step.DOMINO;
    }

    static boolean applies(ExchangeServer server) {
        return server.getConnectorKind() == ConnectorKind.LOTUS_DOMINO && server.getDominoServer() != null
                && server.getCalendarSystem() != null;
    }

    @Override
    public void carry(HostRunContext c) {
        String dominoServer = Objects.requireNonNull(c.server.getDominoServer());
        List<DominoCommand> commands = List.of(DominoCommand.quit(), new DominoCommand.LoadExcalcon(
                c.server.getHostName(), Objects.requireNonNull(c.server.getCalendarSystem()), c.target(), c.target(),
                c.server.getDominoDebugFlag() == LoadExcalconCommand.DEBUG_ON));
        String lines = commands.stream().map(DominoCommand::commandLine).collect(Collectors.joining(" / "));
        DominoConsole console = backends.domino(c.server);
        String requestId = "host-run-" + c.run().id() + "-"
                + Objects.requireNonNull(c.run().getPhaseAt()).toEpochMilli();
        while (true) {
            DominoResult result = send(console, dominoServer, commands, requestId);
            switch (result) {
                case DominoResult.Sent sent -> ends.finish(c, HostRunState.DONE,
                        RunMessages.run("done-domino", verbatim(dominoServer)), r -> r.setDominoCommands(lines),
                        StepOutcome.of(Step.DOMINO, RunMessages.outcome("sent"), RunMessages.run("domino-sent",
                                verbatim(dominoServer), verbatim(lines),
                                RunMessages.hostText(String.join(" / ", sent.responses())))),
                        HostRunEnds.doneObservation(c, null));
                case DominoResult.AwaitingConfirmation waiting -> c.advance(store.await(c.run(), lines,
                        StepOutcome.of(Step.DOMINO, RunMessages.outcome("awaiting-confirmation"),
                                RunMessages.run("domino-awaiting", verbatim(dominoServer), verbatim(lines))),
                        HostRunEnds.doneObservation(c, null).desired(null)));
                case DominoResult.Failed failed -> {
                    Argument kind = RunMessages.label(failed.kind().messageKey());
                    Argument detail = RunMessages.hostText(failed.detail());
                    if (retries.retryAfterBackoff(c, failed.retryable(),
                            wait -> RunMessages.run("domino-retry", kind, detail, span(wait)))) {
                        continue;
                    }
                    StoredMessage why = RunMessages.run("domino-failed", verbatim(dominoServer), kind, detail,
                            port(c.target()), verbatim(lines));
                    ends.finish(c, HostRunState.NEEDS_ATTENTION, why, r -> r.setDominoCommands(lines),
                            StepOutcome.of(Step.DOMINO, RunMessages.outcome("failed"), why),
                            HostRunEnds.doneObservation(c, null).desired(null));
                }
            }
            return;
        }
    }

    private DominoResult send(DominoConsole console, String dominoServer, List<DominoCommand> commands,
            String requestId) {
        ReentrantLock lock = dominoLocks.computeIfAbsent(dominoServer.toLowerCase(Locale.ROOT),
                k -> new ReentrantLock());
        lock.lock();
        try {
            return console.send(dominoServer, commands, requestId);
        } finally {
            lock.unlock();
        }
    }
}
