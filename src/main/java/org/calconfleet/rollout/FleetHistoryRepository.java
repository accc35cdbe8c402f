package org.calconfleet.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Counts over time, grouped in the database: the charts never load the rows they count. */
interface FleetHistoryRepository extends Repository<FleetSnapshot, Long> {

    FleetSnapshot save(FleetSnapshot snapshot);

    Optional<FleetSnapshot> findFirstByOrderByIdDesc();

    /** Per day, the worst a scan saw that day: a problem seen once in a day shows on that day. */
    @Query("select cast(s.takenAt as LocalDate), max(s.drifted), max(s.needsAttention) from FleetSnapshot s"
            + " where s.takenAt >= :since group by cast(s.takenAt as LocalDate) order by cast(s.takenAt as LocalDate)")
    List<Object[]> worstPerDay(@Param("since") Instant since);

    @Query("select cast(r.finishedAt as LocalDate), r.state, count(r) from HostRun r where r.finishedAt >= :since"
            + " group by cast(r.finishedAt as LocalDate), r.state")
    List<Object[]> finishedRunsPerDay(@Param("since") Instant since);

    @Query("select count(r) from HostRun r where r.state = org.calconfleet.rollout.HostRunState.NEEDS_ATTENTION")
    long countNeedingAttention();

    @Query("select r.finishedAt, r.targetPort, r.state, r.previousExchange, r.changeRequestId from HostRun r"
            + " where r.serverId = :serverId and r.finishedAt is not null"
            + " and r.state not in (org.calconfleet.rollout.HostRunState.SKIPPED,"
            + " org.calconfleet.rollout.HostRunState.CANCELLED) order by r.finishedAt desc, r.id desc")
    List<Object[]> finishedRunsOf(@Param("serverId") long serverId, org.springframework.data.domain.Limit limit);
}
