package org.calconfleet.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.calconfleet.drift.DriftScanResult;
import org.calconfleet.drift.FleetHistory;
import org.calconfleet.policy.PolicyService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The share of host backends that answered the last drift scan: UP from {@code degraded-below-percent} (default 90),
 * DEGRADED below it, DOWN below {@code down-below-percent} (default 50). UNKNOWN before the first scan, when it scanned
 * no host, or when it is older than three scan intervals (the figure no longer says anything). Never probes a host.
 */
@Component("backends")
class BackendsHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "fewer host backends answered than expected");

    private final FleetHistory history;
    private final PolicyService policies;
    private final Clock clock;
    private final int degradedBelow;
    private final int downBelow;

    BackendsHealth(FleetHistory history, PolicyService policies, Clock clock,
            @Value("${calcon.health.backends.degraded-below-percent:90}") int degradedBelow,
            @Value("${calcon.health.backends.down-below-percent:50}") int downBelow) {
        this.history = history;
        this.policies = policies;
        this.clock = clock;
        this.degradedBelow = degradedBelow;
        this.downBelow = downBelow;
    }

    @Override
    public Health health() {
        Optional<DriftScanResult> last = history.lastScan();
        if (last.isEmpty()) {
            return Health.unknown().withDetail("reason", "no drift scan has finished yet").build();
        }
        DriftScanResult scan = last.get();
        Health.Builder health = Health.unknown()
                .withDetail("lastScan", scan.finishedAt().toString())
                .withDetail("scanned", scan.scanned())
                .withDetail("unreachable", scan.unreachable())
                .withDetail("skippedBusy", scan.skippedBusy());
        Duration tooOld = policies.enforced().driftScanInterval().multipliedBy(3);
        if (scan.finishedAt().plus(tooOld).isBefore(clock.instant())) {
            return health.withDetail("reason", "the last drift scan is older than three scan intervals").build();
        }
        if (scan.scanned() == 0) {
            return health.withDetail("reason", "the last drift scan reached no host").build();
        }
        double reachable = 100.0 * (scan.scanned() - scan.unreachable()) / scan.scanned();
        Status status = reachable < downBelow ? Status.DOWN : reachable < degradedBelow ? DEGRADED : Status.UP;
        return health.status(status)
                .withDetail("reachablePercent", Math.round(reachable * 10) / 10.0)
                .withDetail("degradedBelowPercent", degradedBelow)
                .withDetail("downBelowPercent", downBelow)
                .build();
    }
}
