package org.calconfleet.change;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Change requests; what their hosts did is the rollout's, which reads and scopes changes by their host runs. */
public interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

    /** The change locked for the transaction: admissions and state changes of one rollout take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ChangeRequest c where c.id = :id")
    Optional<ChangeRequest> lock(@Param("id") long id);

    Page<ChangeRequest> findAllByOrderByIdDesc(Pageable pageable);

    List<ChangeRequest> findByStateAndRequestedByNotOrderByRequestedAt(ChangeState state, String requestedBy,
            Pageable pageable);

    /** Pairs of (retried rollout, retrying change), in the order the retries were made. */
    @Query("select c.retryOf, c.id from ChangeRequest c where c.retryOf in :ids order by c.id")
    List<Object[]> findRetries(@Param("ids") Collection<Long> ids);

    @Query("select c.id from ChangeRequest c where c.state = :state")
    List<Long> findIdsByState(@Param("state") ChangeState state);
}
