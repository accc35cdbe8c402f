package org.calconfleet.policy;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface StoredPolicyRepository extends Repository<StoredPolicy, Integer> {

    Optional<StoredPolicy> findById(Integer id);

    /** Locks the row for a read-compare-write, so two nodes never both pass the version check. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from StoredPolicy p where p.id = :id")
    Optional<StoredPolicy> lock(@Param("id") int id);

    StoredPolicy saveAndFlush(StoredPolicy policy);
}
