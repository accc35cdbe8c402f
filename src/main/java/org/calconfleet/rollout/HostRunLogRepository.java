package org.calconfleet.rollout;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostRunLogRepository extends JpaRepository<HostRunLog, Long> {

    List<HostRunLog> findByHostRunIdOrderById(long hostRunId);
}
