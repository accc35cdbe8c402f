package org.calconfleet.rollout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.calconfleet.change.ChangeState;
import org.calconfleet.common.DatabaseKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Live progress across console nodes (on PostgreSQL, where there can be several). A committed step publishes its {@link RolloutProgressEvent} only in the JVM
 * that made it, so a browser whose session lives on another node would not see it. Every second this looks for host
 * runs changed since its last look and publishes here, as {@link RelayedProgress}, each change this node has not
 * announced or relayed already (the same host run in the same state and step), then one event per rollout touched.
 * It reads a few seconds back each time: a step's {@code updated_at} is taken before its transaction commits, and
 * the nodes' clocks differ a little. It reads only the host runs of changes that are open or ended within that time,
 * through the change's key: an index on the update time would be rewritten by every step of every host run.
 */
@Component
class RemoteProgressRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RemoteProgressRelay.class);
    static final Duration OVERLAP = Duration.ofSeconds(5);
    /** The states of a change whose host runs may still change (a draft's do not: it is planned again when submitted). */
    private static final String OPEN = Stream.of(ChangeState.PENDING_APPROVAL, ChangeState.APPROVED,
            ChangeState.SCHEDULED, ChangeState.RUNNING).map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", "));

    private record Announced(HostRunState state, Step step, Instant at) {
    }

    private record Change(long hostRunId, long rolloutId, String hostName, HostRunState state, Step step) {
    }

    private final JdbcTemplate jdbc;
    private final DatabaseKind database;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration interval;
    private final Map<Long, Announced> announced = new ConcurrentHashMap<>();
    private @Nullable ScheduledExecutorService timer;
    private volatile boolean relaying;
    private Instant since = Instant.EPOCH;

    RemoteProgressRelay(JdbcTemplate jdbc, DatabaseKind database, ApplicationEventPublisher events, Clock clock,
            @Value("${calcon.rollout.relay-interval:1s}") Duration interval) {
        this.jdbc = jdbc;
        this.database = database;
        this.events = events;
        this.clock = clock;
        this.interval = interval;
    }

    /** Every step this node made. */
    @EventListener
    void announced(RolloutProgressEvent event) {
        if (relaying && event.hostRunId() != null && event.state() != null && event.step() != null) {
            announced.put(event.hostRunId(), new Announced(event.state(), event.step(), clock.instant()));
        }
    }

    /** One look: publishes what other nodes changed since the last. */
    synchronized void relay() {
        Instant now = clock.instant();
        Timestamp from = Timestamp.from(since.minus(OVERLAP));
        List<Change> changes = jdbc.query("""
                        select r.id, r.change_request_id, r.host_name, r.state, r.step
                        from change_request c join host_run r on r.change_request_id = c.id
                        where (c.state in (%s) or c.finished_at > ?) and r.updated_at > ?
                        order by r.updated_at""".formatted(OPEN),
                (rs, row) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        HostRunState.valueOf(rs.getString(4)), Step.valueOf(rs.getString(5))),
                from, from);
        since = now;
        Set<Long> rollouts = new LinkedHashSet<>();
        for (Change change : changes) {
            Announced last = announced.get(change.hostRunId());
            if (last != null && last.state() == change.state() && last.step() == change.step()) {
                continue;
            }
            events.publishEvent(new RelayedProgress(new RolloutProgressEvent(change.rolloutId(), change.hostRunId(),
                    change.hostName(), change.state(), change.step())));
            announced.put(change.hostRunId(), new Announced(change.state(), change.step(), now));
            rollouts.add(change.rolloutId());
        }
        rollouts.forEach(id -> events.publishEvent(new RelayedProgress(RolloutProgressEvent.ofRollout(id))));
        Instant forgotten = now.minus(OVERLAP.multipliedBy(3));
        announced.values().removeIf(a -> a.at().isBefore(forgotten));
    }

    /**
     * Only where several nodes can share the database: an embedded H2 belongs to one console, whose own steps are all
     * announced here already.
     */
    @Override
    public synchronized void start() {
        if (database.h2()) {
            return;
        }
        relaying = true;
        since = clock.instant();
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rollout-progress-relay");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::relaySafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        timer = started;
    }

    private void relaySafely() {
        try {
            relay();
        } catch (RuntimeException e) {
            log.warn("could not look for other nodes' rollout progress: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Started last and stopped first, so it never reads a database that is being closed. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
