package org.calconfleet.operations;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job engine (db-scheduler): this node's scheduler is running, its executions keep their heartbeats, and across
 * the cluster no task has been due for longer than {@code overdue-after} (nobody picks it up) and no execution has
 * gone without a heartbeat for longer than {@code dead-after} (its node died and nobody revived it). DOWN when any of
 * that fails, OUT_OF_SERVICE while this node's scheduler is paused or shutting down.
 */
@Component("jobEngine")
class JobEngineHealth implements HealthIndicator {

    private final Scheduler scheduler;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration overdueAfter;
    private final Duration deadAfter;

    JobEngineHealth(Scheduler scheduler, JdbcClient jdbc, Clock clock,
            @Value("${calcon.health.job-engine.overdue-after:5m}") Duration overdueAfter,
            @Value("${calcon.health.job-engine.dead-after:2m}") Duration deadAfter) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.clock = clock;
        this.overdueAfter = overdueAfter;
        this.deadAfter = deadAfter;
    }

    private record Tasks(long due, long overdue, long executing, long dead) {
    }

    @Override
    public Health health() {
        SchedulerState state = scheduler.getSchedulerState();
        int staleHere = scheduler.getCurrentlyExecutingWithStaleHeartbeat().size();
        Instant now = clock.instant();
        Tasks tasks = jdbc.sql("""
                        select sum(case when picked = false and execution_time <= :now then 1 else 0 end),
                               sum(case when picked = false and execution_time < :overdue then 1 else 0 end),
                               sum(case when picked = true then 1 else 0 end),
                               sum(case when picked = true and last_heartbeat < :dead then 1 else 0 end)
                        from scheduled_tasks""")
                .param("now", utc(now))
                .param("overdue", utc(now.minus(overdueAfter)))
                .param("dead", utc(now.minus(deadAfter)))
                .query((rs, n) -> new Tasks(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
        Health.Builder health;
        if (state.isShuttingDown()) {
            health = Health.outOfService().withDetail("state", "shutting down");
        } else if (!state.isStarted()) {
            health = Health.down().withDetail("state", "not started");
        } else if (state.isPaused()) {
            health = Health.outOfService().withDetail("state", "paused");
        } else {
            boolean stuck = staleHere > 0 || tasks.overdue() > 0 || tasks.dead() > 0;
            health = (stuck ? Health.down() : Health.up()).withDetail("state", "running");
        }
        return health.withDetail("staleHeartbeatsOnThisNode", staleHere)
                .withDetail("dueTasks", tasks.due())
                .withDetail("overdueTasks", tasks.overdue())
                .withDetail("overdueAfter", overdueAfter.toString())
                .withDetail("executing", tasks.executing())
                .withDetail("deadExecutions", tasks.dead())
                .withDetail("deadAfter", deadAfter.toString())
                .build();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
