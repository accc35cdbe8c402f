package org.calconfleet.audit;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Deliberately not a CrudRepository: entries can be added and read, never updated or deleted. */
interface AuditEntryRepository extends Repository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    AuditEntry save(AuditEntry entry);

    @Query("select e from AuditEntry e where e.seq > :after order by e.seq")
    List<AuditEntry> findChainAfter(@Param("after") long after, Pageable limit);
}
