package org.calconfleet.rollout;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's hot writes in plain SQL, in the caller's transaction: a host run's state (checked against the version
 * the execution last wrote), its log lines and its audit outbox entries; the admission of waiting runs; and the reads
 * of a run at its claim and of every precheck.
 * Hundreds of host runs each write after every step; going through the ORM for that cost more CPU than everything
 * else the engine does. The writes of every step take positional parameters: named ones cost a new statement text and
 * a parameter map per statement, a quarter of the CPU and of the garbage of the step's update.
 */
@Component
class HostRunWrites {

    /** A row into its entity, column by field (snake case to camel case), as the entity's mapping names them. */
    private static final RowMapper<HostRun> STORED = new SimplePropertyRowMapper<>(HostRun.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate positional;
    private final Duration lease;
    private final ServerClaims claims;

    HostRunWrites(JdbcClient jdbc, JdbcTemplate positional, RolloutSettings settings, ServerClaims claims) {
        this.jdbc = jdbc;
        this.positional = positional;
        this.lease = settings.getHostRunLease();
        this.claims = claims;
    }

    /**
     * Stores a change's new runs in one batch; the ORM would insert them one statement each, their ids being the
     * database's identity.
     */
    void insert(List<HostRun> planned) {
        positional.batchUpdate("""
                insert into host_run (change_request_id, server_id, host_name, wave, seq, target_port, state, step,
                  phase, attempt, needs_write, restarted, verification, planned, last_message, updated_at, finished_at,
                  version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                planned.stream().map(r -> new Object[] {r.getChangeRequestId(), r.getServerId(), r.getHostName(),
                        r.getWave(), r.getSeq(), r.getTargetPort(), r.getState().name(), r.getStep().name(),
                        r.getPhase().name(), r.getAttempt(), r.isNeedsWrite(), r.isRestarted(),
                        r.getVerification().name(), r.getPlanned(), r.getLastMessage(), time(r.getUpdatedAt()),
                        time(r.getFinishedAt()), r.getVersion()}).toList());
    }

    /**
     * Makes a running run this execution's, unless another runner's lease is unexpired: starts its lease, names
     * {@code holder} its holder and bumps its version (the fence: a runner that wrote before fails at its next write).
     * Whether it did.
     */
    boolean claim(long runId, String holder, Instant now) {
        return jdbc.sql("""
                update host_run set lease_until = :until, lease_holder = :holder, version = version + 1
                where id = :id and state = 'RUNNING' and (lease_until is null or lease_until <= :now)""")
                .param("until", time(now.plus(lease)))
                .param("holder", holder)
                .param("id", runId)
                .param("now", time(now))
                .update() == 1;
    }

    /** The run as stored, in plain SQL and managed by no persistence context (it is written in plain SQL too). */
    Optional<HostRun> read(long runId) {
        return jdbc.sql("select * from host_run where id = :id").param("id", runId).query(STORED).optional();
    }

    /**
     * Until when another runner's lease holds a running run that could not be claimed (now if it has just been let
     * go); empty when the run is not running, or gone.
     */
    Optional<Instant> heldUntil(long runId, Instant now) {
        return jdbc.sql("select lease_until from host_run where id = :id and state = 'RUNNING'")
                .param("id", runId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant).filter(now::isBefore).orElse(now))
                .optional();
    }

    /**
     * Writes the run as it is in memory, if nobody wrote it since this execution did (its version is the fence);
     * bumps its version and renews the lease from the run's last touch. A run that has ended lets go of its server.
     */
    void update(HostRun run) {
        int rows = positional.update("""
                update host_run set state = ?, step = ?, phase = ?, phase_at = ?,
                  attempt = ?, previous_exchange = ?, previous_notes = ?,
                  service_before = ?, diagnostics_high = ?, needs_write = ?,
                  restarted = ?, restart_at = ?, verification = ?,
                  evidence_source = ?, evidence_event_id = ?, evidence_at = ?, evidence_text = ?,
                  last_message = ?, failure_reason = ?, domino_commands = ?,
                  domino_confirmed_by = ?, domino_confirmed_at = ?,
                  started_at = ?, updated_at = ?, finished_at = ?,
                  lease_until = ?, version = version + 1
                where id = ? and version = ?""",
                run.getState().name(), run.getStep().name(), run.getPhase().name(), time(run.getPhaseAt()),
                run.getAttempt(), run.getPreviousExchange(), run.getPreviousNotes(),
                run.getServiceBefore(), run.getDiagnosticsHigh(), run.isNeedsWrite(),
                run.isRestarted(), time(run.getRestartAt()), run.getVerification().name(),
                run.getEvidenceSource(), run.getEvidenceEventId(), time(run.getEvidenceAt()), run.getEvidenceText(),
                run.getLastMessage(), run.getFailureReason(), run.getDominoCommands(),
                run.getDominoConfirmedBy(), time(run.getDominoConfirmedAt()),
                time(run.getStartedAt()), time(run.getUpdatedAt()), time(run.getFinishedAt()),
                time(run.getUpdatedAt().plus(lease)),
                run.id(), run.getVersion());
        if (rows != 1) {
            throw new StaleHostRunException(run.id(), "written by another runner since version " + run.getVersion());
        }
        run.written();
        if (run.getState().isFinished()) {
            claims.release(run.id());
        }
    }

    /**
     * Extends the leases of running host runs by one lease from now, each only while its holder still holds it (one
     * batch, without a transaction: each lease is renewed on its own). Per lease, whether it was renewed; false means
     * another runner took the run over, or it is no longer running.
     */
    boolean[] renew(List<HostRunLeases.Lease> leases, Instant now) {
        OffsetDateTime until = time(now.plus(lease));
        int[] rows = positional.batchUpdate("update host_run set lease_until = ? where id = ? and lease_holder = ?"
                        + " and state = 'RUNNING'",
                leases.stream().map(l -> new Object[] {until, l.runId(), l.holder()}).toList());
        boolean[] renewed = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            renewed[i] = rows[i] != 0;
        }
        return renewed;
    }

    /** Gives the lease up (its runner stops without finishing the run), so that the next runner need not wait it out. */
    void release(HostRunLeases.Lease held) {
        jdbc.sql("update host_run set lease_until = null where id = :id and lease_holder = :holder")
                .param("id", held.runId())
                .param("holder", held.holder())
                .update();
    }

    /** The next waiting hosts of a rollout's wave, in their order, none of a closed site: at most {@code limit}. */
    List<Long> pendingOfWave(long changeId, int wave, int limit, Set<String> closedSites) {
        JdbcClient.StatementSpec select = jdbc.sql("select id from host_run"
                        + " where change_request_id = :change and state = 'PENDING' and wave = :wave"
                        + (closedSites.isEmpty() ? ""
                        : " and server_id not in (select id from exchange_server where site in (:closed))")
                        + " order by seq limit :limit")
                .param("change", changeId)
                .param("wave", wave)
                .param("limit", limit);
        return (closedSites.isEmpty() ? select : select.param("closed", closedSites)).query(Long.class).list();
    }

    /** How many of a rollout's runs are in each of these states (a state none is in is left out). */
    Map<HostRunState, Long> countStates(long changeId, Set<HostRunState> states) {
        Map<HostRunState, Long> counts = new EnumMap<>(HostRunState.class);
        jdbc.sql("select state, count(*) from host_run where change_request_id = :change and state in (:states)"
                        + " group by state")
                .param("change", changeId)
                .param("states", states.stream().map(Enum::name).toList())
                .query(rs -> {
                    counts.put(HostRunState.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** The wave of a rollout's next waiting host; empty when none waits. */
    Optional<Integer> nextPendingWave(long changeId) {
        return jdbc.sql("select wave from host_run where change_request_id = :change and state = 'PENDING'"
                        + " order by wave, seq limit 1")
                .param("change", changeId)
                .query(Integer.class)
                .optional();
    }

    /** The sites of a rollout's waiting hosts: those whose windows and freezes admission weighs. */
    List<String> pendingSites(long changeId) {
        return jdbc.sql("""
                select distinct s.site from host_run r join exchange_server s on s.id = r.server_id
                where r.change_request_id = :change and r.state = 'PENDING'""")
                .param("change", changeId)
                .query(String.class)
                .list();
    }

    /** Of the closed sites, the one whose host of the wave is next in turn; empty when none of the wave waits. */
    Optional<String> nextClosedSite(long changeId, int wave, Set<String> closedSites) {
        if (closedSites.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select s.site from host_run r join exchange_server s on s.id = r.server_id
                where r.change_request_id = :change and r.state = 'PENDING' and r.wave = :wave and s.site in (:closed)
                order by r.seq limit 1""")
                .param("change", changeId)
                .param("wave", wave)
                .param("closed", closedSites)
                .query(String.class)
                .optional();
    }

    /**
     * Lets waiting runs start, in the transaction that schedules their tasks: RUNNING, their precheck (reads only)
     * counted as begun. A run that is no longer waiting fails the whole admission.
     */
    void admit(List<Long> runIds, Instant now) {
        int rows = jdbc.sql("""
                update host_run set state = 'RUNNING', started_at = :now,
                  step = 'PRECHECK', phase = 'STARTED', phase_at = :now, updated_at = :now, version = version + 1
                where id in (:ids) and state = 'PENDING'""")
                .param("now", time(now))
                .param("ids", runIds)
                .update();
        if (rows != runIds.size()) {
            throw new IllegalStateException("of " + runIds.size() + " hosts to admit only " + rows + " were waiting");
        }
    }

    /** Whether the rollout is to be cancelled; true for a rollout that no longer exists. */
    boolean cancelRequested(long changeId) {
        return jdbc.sql("select cancel_requested from change_request where id = :id")
                .param("id", changeId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    void log(long runId, Instant at, Step step, StoredMessage outcome, StoredMessage message,
            @Nullable String evidence) {
        positional.update("insert into host_run_log (host_run_id, at, step, outcome, message, evidence)"
                        + " values (?, ?, ?, ?, ?, ?)",
                runId, time(at), step.name(), outcome.toJson(), message.toJson(), HostRun.clip(evidence, 255));
    }

    void outbox(Instant at, AuditEvent event) {
        positional.update("insert into audit_outbox (occurred_at, actor, action, subject, before_value, after_value,"
                        + " reason) values (?, ?, ?, ?, ?, ?, ?)",
                time(at), HostRun.clip(event.actor(), 64), event.action().name(), HostRun.clip(event.subject(), 255),
                HostRun.clip(event.before(), 4000), HostRun.clip(event.after(), 4000),
                HostRun.clip(event.reason(), 1000));
    }

    static @Nullable OffsetDateTime time(@Nullable Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
