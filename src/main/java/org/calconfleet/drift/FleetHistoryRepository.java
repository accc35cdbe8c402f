package org.calconfleet.drift;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.calconfleet.common.LocalDays;
import org.calconfleet.rollout.HostRun;
import org.calconfleet.rollout.HostRunState;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Counts over time, grouped in the database: the charts never load the rows they count. */
interface FleetHistoryRepository extends Repository<FleetSnapshot, Long> {

    String SNAPSHOT_QUARTER_HOUR = "sql('" + LocalDays.QUARTER_HOUR_SQL + "', s.takenAt)";
    String RUN_QUARTER_HOUR = "sql('" + LocalDays.QUARTER_HOUR_SQL + "', r.finishedAt)";

    FleetSnapshot save(FleetSnapshot snapshot);

    Optional<FleetSnapshot> findFirstByOrderByIdDesc();

    /** Per quarter-hour ({@link LocalDays}), the worst a scan saw in it. */
    @Query("select " + SNAPSHOT_QUARTER_HOUR + ", max(s.drifted), max(s.needsAttention) from FleetSnapshot s"
            + " where s.takenAt >= :since group by " + SNAPSHOT_QUARTER_HOUR)
    List<Object[]> worstPerQuarterHour(@Param("since") Instant since);

    @Query("select " + RUN_QUARTER_HOUR + ", r.state, count(r) from HostRun r where r.finishedAt >= :since"
            + " group by " + RUN_QUARTER_HOUR + ", r.state")
    List<Object[]> finishedRunsPerQuarterHour(@Param("since") Instant since);

    @Query("select " + RUN_QUARTER_HOUR + ", r.state, count(r) from HostRun r join ExchangeServer s on s.id = r.serverId"
            + " where r.finishedAt >= :since and s.site in :sites group by " + RUN_QUARTER_HOUR + ", r.state")
    List<Object[]> finishedRunsPerQuarterHourAt(@Param("since") Instant since,
            @Param("sites") Collection<String> sites);

    @Query("select count(r) from HostRun r where r.state = org.calconfleet.rollout.HostRunState.NEEDS_ATTENTION")
    long countNeedingAttention();

    @Query("select r.finishedAt, r.targetPort, r.state, r.previousExchange, r.changeRequestId from HostRun r"
            + " where r.serverId = :serverId and r.finishedAt is not null"
            + " and r.state not in (org.calconfleet.rollout.HostRunState.SKIPPED,"
            + " org.calconfleet.rollout.HostRunState.CANCELLED) order by r.finishedAt desc, r.id desc")
    List<Object[]> finishedRunsOf(@Param("serverId") long serverId, org.springframework.data.domain.Limit limit);
}
