package org.calconfleet.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One row lock for seeding an empty database (a row lock, not an advisory one, so it works on H2 as on PostgreSQL).
 * Taken first in the seeding transaction and held until it ends: a console node starting at the same moment waits
 * there, then sees what the first one seeded instead of seeding it again.
 */
@Component
public class SeedLock {

    private final JdbcTemplate jdbc;

    SeedLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void hold() {
        jdbc.queryForObject("select name from seed_lock where name = 'seed' for update", String.class);
    }
}
