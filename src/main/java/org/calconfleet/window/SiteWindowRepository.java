package org.calconfleet.window;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SiteWindowRepository extends JpaRepository<SiteWindow, Long> {

    List<SiteWindow> findAllByOrderBySiteAscDayOfWeekAscStartTimeAsc();
}
