package org.calconfleet.testdb;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that touches the database: it runs on H2 in {@code mvn test} and again on PostgreSQL in the
 * {@code postgres} execution of {@code mvn verify} (tag {@value #TAG}). Without a reachable PostgreSQL that run
 * is skipped, loudly, unless {@value TestDatabase#REQUIRED}{@code =true} makes it fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(DatabaseTest.TAG)
@ExtendWith(PostgresAvailable.class)
public @interface DatabaseTest {

    String TAG = "database";
}
