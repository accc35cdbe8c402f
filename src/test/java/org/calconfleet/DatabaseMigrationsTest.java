package org.calconfleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.calconfleet.testdb.DatabaseTest;
import org.calconfleet.testdb.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

/** The same migration scripts build the schema on H2 and on PostgreSQL, and Hibernate accepts what they built. */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class DatabaseMigrationsTest {

    @Autowired
    Flyway flyway;

    @Autowired
    DataSource dataSource;

    @Test
    void the_tests_run_on_the_database_they_were_asked_for() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo(TestDatabase.onPostgres() ? "PostgreSQL" : "H2");
        }
    }

    @Test
    void every_migration_script_was_applied_to_the_fresh_database_and_none_is_pending() throws IOException {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");
        MigrationInfo[] applied = flyway.info().applied();

        assertThat(applied).extracting(MigrationInfo::getScript)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(scripts).map(Resource::getFilename).toList());
        assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void a_step_of_a_host_run_writes_no_index_another_one_covers() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(indexes(connection, "host_run_log")).as("host_run_log's indexes other than its key")
                    .containsExactly(List.of("host_run_id"));
            assertThat(indexes(connection, "host_run")).as("host_run's indexes other than its key")
                    .noneMatch(columns -> columns.contains("updated_at"));
        }
    }

    /** The columns of each index of {@code table} but its primary key, lower case, each in its order. */
    private static List<List<String>> indexes(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String name = metaData.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        Set<String> primaryKey = new HashSet<>();
        try (ResultSet keys = metaData.getPrimaryKeys(null, null, name)) {
            while (keys.next()) {
                primaryKey.add(keys.getString("PK_NAME"));
            }
        }
        Map<String, List<String>> columns = new TreeMap<>();
        try (ResultSet index = metaData.getIndexInfo(null, null, name, false, false)) {
            while (index.next()) {
                String indexName = index.getString("INDEX_NAME");
                if (indexName != null && !primaryKey.contains(indexName)
                        && !indexName.toLowerCase(Locale.ROOT).startsWith("primary_key")) {
                    List<String> these = columns.computeIfAbsent(indexName, n -> new ArrayList<>());
                    int position = index.getShort("ORDINAL_POSITION");
                    while (these.size() < position) {
                        these.add("");
                    }
                    these.set(position - 1, index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(columns.values());
    }
}
