package org.calconfleet.rollout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.calconfleet.change.ChangeState;
import org.calconfleet.common.CachedFigure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine's figures for the metrics endpoint. Rollouts and host runs by outcome are counted on the node where the
 * outcome is decided (a cluster's total is the sum over its nodes); the servers needing attention are read from the
 * database, at most once per {@code calcon.metrics.gauge-max-age} (every node reports the same figure).
 */
@Component
class RolloutMetrics {

    static final String ROLLOUTS_FINISHED = "calcon.rollouts.finished";
    static final String HOST_RUNS_FINISHED = "calcon.host.runs.finished";
    static final String SERVERS_NEEDING_ATTENTION = "calcon.servers.needing.attention";
    static final String HOST_RUNS_REVIVED = "calcon.host.runs.revived";
    static final String HOST_RUNS_FENCED = "calcon.host.runs.fenced";
    static final String HOST_RUN_RUNNERS_MAX = "calcon.host.run.runners.max";

    private final Map<ChangeState, Counter> rollouts = new EnumMap<>(ChangeState.class);
    private final Map<HostRunState, Counter> hostRuns = new EnumMap<>(HostRunState.class);
    private final Counter revived;
    private final Counter leaseHeld;
    private final Counter takenOver;

    RolloutMetrics(MeterRegistry meters, HostRunRepository runs, HostRunLeases leases, Clock clock,
            @Value("${calcon.metrics.gauge-max-age:30s}") Duration maxAge) {
        revived = Counter.builder(HOST_RUNS_REVIVED)
                .description("Host-run executions the job engine found dead (heartbeats missing) and revived")
                .register(meters);
        leaseHeld = Counter.builder(HOST_RUNS_FENCED).tag("reason", "lease-held")
                .description("Host-run executions fenced out: another runner held the run's lease").register(meters);
        takenOver = Counter.builder(HOST_RUNS_FENCED).tag("reason", "taken-over")
                .description("Host-run executions fenced out: another runner had taken the run over").register(meters);
        Gauge.builder(HOST_RUN_RUNNERS_MAX, leases, HostRunLeases::mostRunnersAtOnce)
                .description("The most runners this node had inside one host run's steps at once since it started"
                        + " (1 is right; more means two runners acted on one host)")
                .register(meters);
        for (ChangeState state : new ChangeState[] {ChangeState.DONE, ChangeState.FAILED, ChangeState.CANCELLED}) {
            rollouts.put(state, Counter.builder(ROLLOUTS_FINISHED).tag("outcome", outcome(state.name()))
                    .description("Rollouts that reached their end, by outcome").register(meters));
        }
        for (HostRunState state : HostRunState.values()) {
            if (state.isFinished()) {
                hostRuns.put(state, Counter.builder(HOST_RUNS_FINISHED).tag("outcome", outcome(state.name()))
                        .description("Host runs that reached their end, by outcome").register(meters));
            }
        }
        Gauge.builder(SERVERS_NEEDING_ATTENTION, new CachedFigure(runs::countServersNeedingAttention, maxAge, clock),
                        CachedFigure::value)
                .strongReference(true)
                .description("Servers whose last rollout left them needing an operator (no later run brought them"
                        + " to the desired port)")
                .register(meters);
    }

    void revived() {
        revived.increment();
    }

    void fenced(RuntimeException cause) {
        (cause instanceof HostRunExecutor.LeaseHeld ? leaseHeld : takenOver).increment();
    }

    private static String outcome(String state) {
        return state.toLowerCase(Locale.ROOT);
    }

    @EventListener
    void hostRunProgressed(RolloutProgressEvent event) {
        if (event.hostRunId() != null && event.state() != null && event.state().isFinished()) {
            hostRuns.get(event.state()).increment();
        }
    }

    @EventListener
    void hostRunsEnded(HostRunsEnded event) {
        hostRuns.get(event.state()).increment(event.count());
    }

    @EventListener
    void rolloutFinished(RolloutFinished event) {
        Counter counter = rollouts.get(event.state());
        if (counter != null) {
            counter.increment();
        }
    }
}
