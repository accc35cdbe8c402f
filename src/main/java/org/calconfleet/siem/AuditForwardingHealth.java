package org.calconfleet.siem;

import java.time.Clock;
import java.time.Instant;
import org.calconfleet.audit.AuditFeed;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Forwarding to the SIEM, as every node reads it from the database: UP while batches get through, DEGRADED while they
 * fail (the entries wait in the trail), DOWN once they have failed for longer than {@code down-after}. The details
 * say where to, how far the receiver has read, how many entries wait, and what went wrong last. Only while forwarding
 * is on.
 */
@Component("auditForwarding")
@ConditionalOnProperty(name = "calcon.siem.syslog.enabled", havingValue = "true")
class AuditForwardingHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "audit entries are not reaching the SIEM");

    private final ForwardingCursor cursor;
    private final AuditFeed feed;
    private final SyslogSettings settings;
    private final Clock clock;

    AuditForwardingHealth(ForwardingCursor cursor, AuditFeed feed, SyslogSettings settings, Clock clock) {
        this.cursor = cursor;
        this.feed = feed;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Health health() {
        ForwardingStatus status = cursor.status();
        long head = feed.headSeq();
        Health.Builder health = Health.up();
        Instant failingSince = status.failingSince();
        if (status.failing() && failingSince != null) {
            health = failingSince.plus(settings.downAfter()).isBefore(clock.instant()) ? Health.down()
                    : Health.status(DEGRADED);
        }
        return health.withDetail("target", settings.target())
                .withDetail("forwardedThrough", status.forwardedSeq())
                .withDetail("newestEntry", head)
                .withDetail("waiting", Math.max(0, head - status.forwardedSeq()))
                .withDetail("lastForwardedAt", text(status.forwardedAt()))
                .withDetail("failedAttempts", status.failures())
                .withDetail("failingSince", text(failingSince))
                .withDetail("lastFailureAt", text(status.lastFailureAt()))
                .withDetail("lastFailure", text(status.lastFailure()))
                .withDetail("lastFailureDetail", text(status.lastFailureDetail()))
                .build();
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
