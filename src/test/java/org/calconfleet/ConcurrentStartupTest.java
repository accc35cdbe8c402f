package org.calconfleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.calconfleet.security.DemoUsers;
import org.calconfleet.testdb.DatabaseTest;
import org.calconfleet.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two console nodes starting at the same moment on one empty database seed it once, and both start. */
@DatabaseTest
class ConcurrentStartupTest {

    @Test
    void two_demo_nodes_starting_together_seed_the_demo_users_and_fleet_once() {
        assumeTrue(TestDatabase.onPostgres(), "several console nodes share a PostgreSQL database");
        try (TestDatabase database = TestDatabase.createPostgres()) {
            List<ConfigurableApplicationContext> nodes = startTogether(database, List.of("demo", "test"));
            try {
                JdbcTemplate jdbc = nodes.get(1).getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class))
                        .isEqualTo(DemoUsers.ALL.size());
                assertThat(jdbc.queryForObject("select count(*) from exchange_server", Long.class)).isEqualTo(42);
            } finally {
                nodes.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    @Test
    void two_nodes_starting_together_create_the_first_administrator_once() {
        assumeTrue(TestDatabase.onPostgres(), "several console nodes share a PostgreSQL database");
        try (TestDatabase database = TestDatabase.createPostgres()) {
            List<ConfigurableApplicationContext> nodes = startTogether(database, List.of("test"),
                    "--calcon.first-admin.username=ops-admin", "--calcon.first-admin.password=a long passphrase");
            try {
                JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForList("select username from app_user where role = 'ADMIN'", String.class))
                        .containsExactly("ops-admin");
            } finally {
                nodes.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    private static List<ConfigurableApplicationContext> startTogether(TestDatabase database, List<String> profiles,
            String... options) {
        List<CompletableFuture<ConfigurableApplicationContext>> starting = Stream.of("node-1", "node-2")
                .map(node -> CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(CalConFleetApplication.class)
                        .profiles(profiles.toArray(String[]::new))
                        .run(Stream.of(database.arguments(), options, new String[] {"--server.port=0",
                                "--spring.main.banner-mode=off", "--db-scheduler.scheduler-name=" + node,
                                "--calcon.drift-scan.enabled=false"}).flatMap(Stream::of).toArray(String[]::new))))
                .toList();
        return starting.stream().map(CompletableFuture::join).toList();
    }
}
