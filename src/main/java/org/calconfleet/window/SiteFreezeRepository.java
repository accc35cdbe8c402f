package org.calconfleet.window;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SiteFreezeRepository extends JpaRepository<SiteFreeze, Long> {

    /** Freezes not yet over at {@code now}: past ones block nothing. */
    List<SiteFreeze> findByEndsAtAfterOrderByStartsAtAsc(Instant now);

    List<SiteFreeze> findAllByOrderByStartsAtDesc();
}
