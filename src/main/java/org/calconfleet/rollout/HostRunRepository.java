package org.calconfleet.rollout;

import java.util.Collection;
import java.util.List;
import org.calconfleet.change.ChangeExecution;
import org.calconfleet.change.ChangeRequest;
import org.calconfleet.change.ChangeRequestRepository;
import org.calconfleet.change.ChangeState;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface HostRunRepository extends JpaRepository<HostRun, Long> {

    /** How many hosts of a change are servers outside {@code sites} (a deleted server is outside). */
    @Query("""
            select count(r) from HostRun r where r.changeRequestId = :changeId
              and r.serverId not in (select s.id from ExchangeServer s where s.site in :sites)""")
    long countOutsideSites(@Param("changeId") long changeId, @Param("sites") Collection<String> sites);

    List<HostRun> findByChangeRequestIdOrderBySeq(long changeRequestId);

    Page<HostRun> findByChangeRequestIdOrderBySeq(long changeRequestId, Pageable pageable);

    Page<HostRun> findByChangeRequestIdAndStateOrderBySeq(long changeRequestId, HostRunState state, Pageable pageable);

    long countByChangeRequestId(long changeRequestId);

    /**
     * A change's runs in one state, in their order, as what an approval checks of them; read as values, so that the
     * ORM has nothing to track and flush.
     */
    List<ChangeExecution.WaitingHost> findWaitingByChangeRequestIdAndStateOrderBySeq(long changeRequestId, HostRunState state);

    long countByChangeRequestIdAndState(long changeRequestId, HostRunState state);

    List<HostRun> findByChangeRequestIdAndStateInOrderBySeq(long changeRequestId, Collection<HostRunState> states,
            Pageable limit);

    @Query("select r.changeRequestId, r.state, count(r) from HostRun r where r.changeRequestId in :ids"
            + " group by r.changeRequestId, r.state")
    List<Object[]> countStates(@Param("ids") Collection<Long> changeRequestIds);

    @Query("select r.changeRequestId, count(r) from HostRun r where r.changeRequestId in :ids"
            + " and r.state = org.calconfleet.rollout.HostRunState.DONE"
            + " and r.verification = org.calconfleet.rollout.Verification.UNVERIFIABLE group by r.changeRequestId")
    List<Object[]> countUnverifiable(@Param("ids") Collection<Long> changeRequestIds);

    /** Servers with a run that ended NEEDS_ATTENTION and no later run that brought them to the desired port. */
    @Query("select count(distinct r.serverId) from HostRun r"
            + " where r.state = org.calconfleet.rollout.HostRunState.NEEDS_ATTENTION and not exists (select l.id"
            + " from HostRun l where l.serverId = r.serverId and l.id > r.id and l.state in"
            + " (org.calconfleet.rollout.HostRunState.DONE, org.calconfleet.rollout.HostRunState.NO_CHANGE))")
    long countServersNeedingAttention();

    /** Ends a change's waiting runs (cancelled, halted, window closed); {@link ServerClaims} lets go of their hosts. */
    @Modifying(flushAutomatically = true)
    @Query("update HostRun r set r.state = :state, r.step = org.calconfleet.rollout.Step.FINISHED,"
            + " r.lastMessage = :message, r.finishedAt = :now, r.updatedAt = :now,"
            + " r.version = r.version + 1"
            + " where r.changeRequestId = :id and r.state = org.calconfleet.rollout.HostRunState.PENDING")
    int endPending(@Param("id") long changeRequestId, @Param("state") HostRunState state,
            @Param("message") String message, @Param("now") java.time.Instant now);

    /** The changes none of whose hosts is a server outside {@code sites} (a deleted server is outside). */
    @Query(value = """
            select c from ChangeRequest c where not exists (select r.id from HostRun r
              where r.changeRequestId = c.id
                and r.serverId not in (select s.id from ExchangeServer s where s.site in :sites))
            order by c.id desc""", countQuery = """
            select count(c) from ChangeRequest c where not exists (select r.id from HostRun r
              where r.changeRequestId = c.id
                and r.serverId not in (select s.id from ExchangeServer s where s.site in :sites))""")
    Page<ChangeRequest> findChangesWithinSites(@Param("sites") Collection<String> sites, Pageable pageable);

    /**
     * As {@link ChangeRequestRepository#findByStateAndRequestedByNotOrderByRequestedAt}, of the changes all within
     * {@code sites}.
     */
    @Query("""
            select c from ChangeRequest c where c.state = :state and c.requestedBy <> :requestedBy
              and not exists (select r.id from HostRun r where r.changeRequestId = c.id
                and r.serverId not in (select s.id from ExchangeServer s where s.site in :sites))
            order by c.requestedAt""")
    List<ChangeRequest> findChangesWithinSitesByStateAndRequestedByNot(@Param("state") ChangeState state,
            @Param("requestedBy") String requestedBy, @Param("sites") Collection<String> sites,
            Pageable pageable);
}
