package org.calconfleet.fleet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.calconfleet.common.CachedFigure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fleet's figures for the metrics endpoint, read from the database at most once per
 * {@code calcon.metrics.gauge-max-age}; every node reports the same figures.
 */
@Component
class FleetMetrics {

    static final String SERVERS = "calcon.servers";
    static final String SERVERS_IN_DRIFT = "calcon.servers.in.drift";

    private final ExchangeServerRepository servers;

    FleetMetrics(ExchangeServerRepository servers, MeterRegistry meters, Clock clock,
            @Value("${calcon.metrics.gauge-max-age:30s}") Duration maxAge) {
        this.servers = servers;
        Gauge.builder(SERVERS, new CachedFigure(servers::count, maxAge, clock), CachedFigure::value)
                .strongReference(true)
                .description("Exchange servers in the inventory")
                .register(meters);
        Gauge.builder(SERVERS_IN_DRIFT, new CachedFigure(this::inDrift, maxAge, clock), CachedFigure::value)
                .strongReference(true)
                .description("Servers whose observed registry values differ from their desired port")
                .register(meters);
    }

    private long inDrift() {
        return servers.countByPortState().stream()
                .filter(group -> Drift.of((Integer) group[1], (Integer) group[2], (Integer) group[3]) == Drift.DRIFTED)
                .mapToLong(group -> (Long) group[5])
                .sum();
    }
}
