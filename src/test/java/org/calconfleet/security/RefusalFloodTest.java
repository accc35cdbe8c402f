package org.calconfleet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calconfleet.access.Role;
import org.calconfleet.i18n.Messages;
import org.calconfleet.rollout.Users;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Anyone on the network can knock as often as they like; the audit trail must not grow with every knock. */
@DatabaseTest
class RefusalFloodTest extends SignInTestBase {

    private static final Duration PAST_THE_WINDOW = Duration.ofMinutes(16);

    @Autowired
    ApiTokenService tokens;

    @Autowired
    RefusalTally refusals;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    JdbcTemplate jdbc;

    private long seqBefore;

    @BeforeEach
    void closeEveryWindowFirst() {
        clock.advance(PAST_THE_WINDOW);
        refusals.closeEndedWindows();
        throttle.purgeExpired();
        seqBefore = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
    }

    @Test
    void ten_thousand_refused_tokens_leave_a_few_entries_that_tell_who_tried_what_from_where_and_how_often() {
        Users.as("flood-admin", Role.ADMIN, () -> users.createUser(new NewUser("flood-bob", "Bob", "a long passphrase",
                Role.OPERATOR)));
        IssuedApiToken bobs = Users.as("flood-bob", Role.OPERATOR, () -> tokens.create("ci", null));
        Users.as("flood-bob", Role.OPERATOR, () -> tokens.revoke(bobs.info().id()));
        long afterSetUp = jdbc.queryForObject("select max(seq) from audit_entry", Long.class);

        for (int i = 0; i < 9_000; i++) {
            tokens.authenticate("ccf_guess-" + i, "203.0.113.7");
        }
        for (int i = 0; i < 990; i++) {
            tokens.authenticate(bobs.secret(), "198.51.100.9");
        }
        for (int i = 0; i < 10; i++) {
            tokens.authenticate(i % 2 == 0 ? "ccf_guess" : bobs.secret(), "192.0.2.1");
        }

        List<Map<String, Object>> atOnce = entriesAfter(afterSetUp);
        assertThat(atOnce).as("the first refusal from each address, at once").hasSize(3)
                .extracting(e -> e.get("ACTOR") + " " + english(e.get("AFTER_VALUE"))).containsExactly(
                        "anonymous An unknown token from 203.0.113.7",
                        "flood-bob Token #" + bobs.info().id() + " \"ci\", no expiry from 198.51.100.9",
                        "anonymous An unknown token from 192.0.2.1");

        clock.advance(PAST_THE_WINDOW);
        refusals.closeEndedWindows();

        List<Map<String, Object>> all = entriesAfter(afterSetUp);
        System.out.printf("10,000 refused API tokens from 3 addresses: %d audit entries%n", all.size());
        assertThat(all).hasSize(6).allSatisfy(e -> assertThat(e).containsEntry("ACTION", "API_TOKEN_REFUSED"));
        assertThat(all.subList(3, 6)).extracting(e -> e.get("SUBJECT") + " " + english(e.get("AFTER_VALUE"))
                .replaceAll(" between .*", "") + " / " + english(e.get("REASON"))).containsExactlyInAnyOrder(
                "address:203.0.113.7 9,000 refusals from 203.0.113.7 / Tried: UNKNOWN anonymous: 9,000",
                "address:198.51.100.9 990 refusals from 198.51.100.9 / Tried: REVOKED user:flood-bob #"
                        + bobs.info().id() + ": 990",
                "address:192.0.2.1 10 refusals from 192.0.2.1 / Tried: UNKNOWN anonymous: 5, REVOKED user:flood-bob #"
                        + bobs.info().id() + ": 5");
        assertThat(jdbc.queryForObject("select count(*) from refusal_window", Long.class)).isZero();

        tokens.authenticate("ccf_later", "203.0.113.7");
        assertThat(entriesAfter(afterSetUp)).as("a new window opens with an entry at once").hasSize(7);
    }

    @Test
    void a_sign_in_flood_from_one_address_is_one_entry_at_once_and_one_with_the_count() {
        for (int i = 0; i < 1_000; i++) {
            String username = "guess-" + (i % 50);
            catchThrowable(() -> signIn(username, "wrong", "203.0.113.99"));
        }

        assertThat(entriesAfter(seqBefore)).extracting(e -> e.get("ACTION")).containsExactly("SIGN_IN_FAILED",
                "SIGN_IN_LOCKED");
        clock.advance(PAST_THE_WINDOW);
        refusals.closeEndedWindows();

        List<Map<String, Object>> all = entriesAfter(seqBefore);
        System.out.printf("1,000 failed sign-ins from one address: %d audit entries%n", all.size());
        assertThat(all).hasSize(3);
        assertThat(all.getLast()).containsEntry("ACTION", "SIGN_IN_FAILED")
                .containsEntry("SUBJECT", "address:203.0.113.99");
        assertThat(english(all.getLast().get("AFTER_VALUE"))).startsWith("1,000 refusals from 203.0.113.99 between ");
        assertThat(english(all.getLast().get("REASON"))).as("the first %d attempts by name, the rest together",
                RefusalTally.MAX_ATTEMPTS).startsWith("Tried: guess-0 BadCredentialsException: 1, guess-1 Bad")
                .endsWith(", guess-14 BadCredentialsException: 1, other attempts: 985");
    }

    @Test
    void counters_older_than_their_window_are_purged() {
        catchThrowable(() -> signIn("purge-me", "wrong", "203.0.113.50"));
        tokens.authenticate("ccf_purge-me", "203.0.113.50");
        jdbc.update("insert into sign_in_failures (throttle_key, failures, window_start, locked_until)"
                + " values ('address:203.0.113.51', 20, ?, ?)", Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant().plus(Duration.ofMinutes(15))));

        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.purgeExpired()).isZero();
        assertThat(refusals.closeEndedWindows()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.purgeExpired()).as("the user's and the address's counts, and the ended lock").isEqualTo(3);
        assertThat(refusals.closeEndedWindows()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from sign_in_failures", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from refusal_window", Long.class)).isZero();
    }

    private List<Map<String, Object>> entriesAfter(long seq) {
        return jdbc.queryForList("select actor, action, subject, after_value, reason from audit_entry where seq > ?"
                + " and action <> 'AUDIT_CHECKPOINT_WRITTEN' order by seq", seq);
    }

    private static String english(Object stored) {
        return new Messages().render(stored.toString(), Locale.ENGLISH, ZoneOffset.UTC);
    }
}
