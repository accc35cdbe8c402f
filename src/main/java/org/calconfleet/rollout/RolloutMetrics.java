package org.calconfleet.rollout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
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

    private final Map<ChangeState, Counter> rollouts = new EnumMap<>(ChangeState.class);
    private final Map<HostRunState, Counter> hostRuns = new EnumMap<>(HostRunState.class);

    RolloutMetrics(MeterRegistry meters, HostRunRepository runs, Clock clock,
            @Value("${calcon.metrics.gauge-max-age:30s}") Duration maxAge) {
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
