package org.calconfleet.audit;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface AuditHeadRepository extends Repository<AuditHead, Integer> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from AuditHead h where h.id = :id")
    Optional<AuditHead> lockHead(@Param("id") int id);

    /** The last sequence number as a value: the head row is not managed, so a later lock reads it afresh. */
    @Query("select h.lastSeq from AuditHead h where h.id = " + AuditHead.ID)
    Optional<Long> lastSeq();
}
