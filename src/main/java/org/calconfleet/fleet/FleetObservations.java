package org.calconfleet.fleet;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fleet as the rollout engine and the drift scan see it: reads of servers and the recording of what was
 * observed on a host. These callers act as the system (scheduler threads, no signed-in user), so there is no
 * method security here; the services that call this check their own callers' rights.
 */
@Service
public class FleetObservations {

    /** A server's desired port and site, for the port policy's peer checks. */
    public record DesiredPort(long serverId, String site, @Nullable Integer port) {
    }

    /** What recording an observation changed; drift before and after, and the observed values as text. */
    public record Recorded(Drift driftBefore, Drift driftAfter, String observedBefore, String observedAfter,
                           @Nullable Integer desiredPort, boolean changed) {

        /** The server went into drift, or its drifted values moved: worth one audit entry. */
        public boolean driftChanged() {
            return driftAfter == Drift.DRIFTED
                    && (driftBefore != Drift.DRIFTED || !observedBefore.equals(observedAfter));
        }
    }

    static final int IDS_PER_QUERY = 500;

    /** A row into its entity, column by field (snake case to camel case), as the entity's mapping names them. */
    private static final RowMapper<ExchangeServer> STORED = new SimplePropertyRowMapper<>(ExchangeServer.class);

    private final ExchangeServerRepository servers;
    private final JdbcClient jdbc;
    private final Clock clock;

    FleetObservations(ExchangeServerRepository servers, JdbcClient jdbc, Clock clock) {
        this.servers = servers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The server as stored, in plain SQL and managed by no persistence context: the rollout engine reads one at the
     * start of every host run, where the ORM's session and lookup cost more than the read.
     */
    public Optional<ExchangeServer> server(long id) {
        return jdbc.sql("select * from exchange_server where id = :id").param("id", id).query(STORED).optional();
    }

    /**
     * The servers with these ids, {@value #IDS_PER_QUERY} ids at a time: H2 compares each row it finds with
     * every id of an IN list, so one list of 10,000 ids costs it 10,000 times as much as one of 1. Where those ids lie
     * close together (a plan of the whole fleet or of one site), their range is read instead and the rows between
     * left out: no IN list at all, for the database or for the ORM's binding of its parameters.
     */
    @Transactional(readOnly = true)
    public List<ExchangeServer> servers(Collection<Long> ids) {
        List<ExchangeServer> found = new ArrayList<>(ids.size());
        servers(ids, found::addAll);
        return found;
    }

    /**
     * The same servers, handed to {@code each} one query's worth at a time as each query returns, so that a caller
     * can start on the first of them while the rest are read.
     */
    @Transactional(readOnly = true)
    public void servers(Collection<Long> ids, Consumer<List<ExchangeServer>> each) {
        List<Long> all = ids.stream().distinct().sorted().toList();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<Long> some = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            long first = some.getFirst();
            long last = some.getLast();
            if (last - first < 2L * some.size()) {
                Set<Long> wanted = new HashSet<>(some);
                each.accept(servers.findByIdBetweenOrderById(first, last).stream()
                        .filter(s -> wanted.contains(s.getId())).toList());
            } else {
                each.accept(servers.findAllById(some));
            }
        }
    }

    /** One page of all servers, in id order: for scans over the whole fleet. */
    @Transactional(readOnly = true)
    public Page<ExchangeServer> page(int page, int size) {
        return servers.findAll(PageRequest.of(page, size, Sort.by("id")));
    }

    @Transactional(readOnly = true)
    public FleetSummary summary() {
        return FleetSummary.ofGroups(servers.countByPortState());
    }

    @Transactional(readOnly = true)
    public List<DesiredPort> desiredPorts() {
        return servers.findDesiredPorts().stream()
                .map(row -> new DesiredPort((Long) row[0], (String) row[1], (Integer) row[2]))
                .toList();
    }

    /**
     * Stores what was seen; writes (and bumps the version, so an editor with the server open learns of it) only when
     * something differs. Runs in the caller's transaction, JPA or plain JDBC (hence not {@code @Transactional}, which
     * would try to open a JPA one inside a JDBC one), and locks the server's row until it ends. Plain SQL: every host
     * run ends here, hundreds at a time, and the ORM's load and flush was the largest share of that.
     */
    public Optional<Recorded> record(long serverId, Observation seen) {
        Optional<ObservedState> found = jdbc.sql("""
                        select desired_port, observed_exchange_port, observed_notes_port, service_state,
                          diagnostics_high, last_evidence_at, last_evidence_text
                        from exchange_server where id = :id for update""")
                .param("id", serverId)
                .query((rs, row) -> new ObservedState(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class),
                        rs.getObject(3, Integer.class), ConnectorServiceState.valueOf(rs.getString(4)),
                        rs.getObject(5, Boolean.class), instant(rs.getObject(6, OffsetDateTime.class)),
                        rs.getString(7)))
                .optional();
        return found.map(before -> {
            ObservedState after = before.with(seen);
            boolean changed = !after.equals(before);
            if (changed) {
                jdbc.sql("""
                                update exchange_server set desired_port = :desired, observed_exchange_port = :exchange,
                                  observed_notes_port = :notes, service_state = :service,
                                  diagnostics_high = :diagnostics,
                                  last_evidence_at = :evidenceAt, last_evidence_text = :evidenceText,
                                  updated_at = :updatedAt, updated_by = :updatedBy, version = version + 1
                                where id = :id""")
                        .param("desired", after.desiredPort())
                        .param("exchange", after.exchangePort())
                        .param("notes", after.notesPort())
                        .param("service", after.serviceState().name())
                        .param("diagnostics", after.diagnosticsHigh())
                        .param("evidenceAt", time(after.evidenceAt()))
                        .param("evidenceText", after.evidenceText())
                        .param("updatedAt", time(clock.instant()))
                        .param("updatedBy", seen.observedBy())
                        .param("id", serverId)
                        .update();
            }
            return new Recorded(before.drift(), after.drift(), before.observed(), after.observed(), after.desiredPort(),
                    changed);
        });
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static @Nullable OffsetDateTime time(@Nullable Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
