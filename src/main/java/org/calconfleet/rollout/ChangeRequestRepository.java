package org.calconfleet.rollout;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

    /** The change locked for the transaction: admissions and state changes of one rollout take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ChangeRequest c where c.id = :id")
    Optional<ChangeRequest> lock(@Param("id") long id);

    Page<ChangeRequest> findAllByOrderByIdDesc(Pageable pageable);

    /** The changes none of whose hosts is a server outside {@code sites} (a deleted server is outside). */
    @Query(value = """
            select c from ChangeRequest c where not exists (select r.id from HostRun r
              where r.changeRequestId = c.id
                and r.serverId not in (select s.id from ExchangeServer s where s.site in :sites))
            order by c.id desc""", countQuery = """
            select count(c) from ChangeRequest c where not exists (select r.id from HostRun r
              where r.changeRequestId = c.id
                and r.serverId not in (select s.id from ExchangeServer s where s.site in :sites))""")
    Page<ChangeRequest> findWithinSites(@Param("sites") java.util.Collection<String> sites, Pageable pageable);

    java.util.List<ChangeRequest> findByStateAndRequestedByNotOrderByRequestedAt(ChangeState state, String requestedBy,
            org.springframework.data.domain.Pageable pageable);

    /** As {@link #findByStateAndRequestedByNotOrderByRequestedAt}, of the changes all within {@code sites}. */
    @Query("""
            select c from ChangeRequest c where c.state = :state and c.requestedBy <> :requestedBy
              and not exists (select r.id from HostRun r where r.changeRequestId = c.id
                and r.serverId not in (select s.id from ExchangeServer s where s.site in :sites))
            order by c.requestedAt""")
    java.util.List<ChangeRequest> findWithinSitesByStateAndRequestedByNot(@Param("state") ChangeState state,
            @Param("requestedBy") String requestedBy, @Param("sites") java.util.Collection<String> sites,
            org.springframework.data.domain.Pageable pageable);
    /** Pairs of (retried rollout, retrying change), in the order the retries were made. */
    @Query("select c.retryOf, c.id from ChangeRequest c where c.retryOf in :ids order by c.id")
    java.util.List<Object[]> findRetries(@Param("ids") java.util.Collection<Long> ids);

    @Query("select c.id from ChangeRequest c where c.state = :state")
    java.util.List<Long> findIdsByState(@Param("state") ChangeState state);
}
