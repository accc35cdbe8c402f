package org.calconfleet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Defaults: 5 failures of a user name or 20 of an address within 15 minutes lock it for 15 minutes. */
class SignInLimitsTest extends SignInTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail audit;

    private void failTimes(String username, int times, String address) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> signIn(username, "wrong password", address))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    private static void assertLocked(Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(SignInRefusedException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("login.error.locked"));
    }

    @Test
    void the_fifth_failure_locks_the_user_and_the_right_password_is_refused_until_the_lock_expires() {
        users.createIfAbsent("lena", "Lena", "lena passphrase", Role.OPERATOR);
        failTimes("lena", 4, "198.51.100.1");
        assertThat(signIn("lena", "lena passphrase", "198.51.100.1").getName()).isEqualTo("lena");

        failTimes("lena", 5, "198.51.100.2");
        assertLocked(() -> signIn("lena", "lena passphrase", "198.51.100.3"));
        assertLocked(() -> signIn("LENA ", "lena passphrase", "198.51.100.3"));

        clock.advance(Duration.ofMinutes(14));
        assertLocked(() -> signIn("lena", "lena passphrase", "198.51.100.3"));
        clock.advance(Duration.ofMinutes(2));
        assertThat(signIn("lena", "lena passphrase", "198.51.100.3").getName()).isEqualTo("lena");
    }

    @Test
    void failures_spread_over_more_than_the_window_do_not_lock() {
        users.createIfAbsent("mika", "Mika", "mika passphrase", Role.AUDITOR);
        failTimes("mika", 4, "198.51.100.20");
        clock.advance(Duration.ofMinutes(16));
        failTimes("mika", 4, "198.51.100.20");
        assertThat(signIn("mika", "mika passphrase", "198.51.100.20").getName()).isEqualTo("mika");
    }

    @Test
    void a_locked_user_does_not_lock_another_user_and_an_unknown_name_locks_like_a_known_one() {
        users.createIfAbsent("nora", "Nora", "nora passphrase", Role.HELPDESK);
        users.createIfAbsent("omar", "Omar", "omar passphrase", Role.HELPDESK);
        failTimes("nora", 5, "198.51.100.30");
        failTimes("no-such-user", 5, "198.51.100.31");

        assertLocked(() -> signIn("nora", "nora passphrase", "198.51.100.32"));
        assertLocked(() -> signIn("no-such-user", "anything", "198.51.100.32"));
        assertThat(signIn("omar", "omar passphrase", "198.51.100.32").getName()).isEqualTo("omar");
    }

    @Test
    void an_address_with_too_many_failures_is_refused_for_every_user_name() {
        users.createIfAbsent("pia", "Pia", "pia passphrase", Role.HELPDESK);
        for (int i = 0; i < 20; i++) {
            failTimes("guess-" + i, 1, "203.0.113.66");
        }
        assertLocked(() -> signIn("pia", "pia passphrase", "203.0.113.66"));
        assertThat(signIn("pia", "pia passphrase", "203.0.113.67").getName()).isEqualTo("pia");
    }

    @Test
    void every_lock_is_audited_and_failures_are_counted_by_address_the_first_audited_at_once() {
        failTimes("quin", 5, "198.51.100.40");
        assertLocked(() -> signIn("quin", "wrong password", "198.51.100.40"));

        List<AuditEntry> failures = auditOf("user:quin", AuditAction.SIGN_IN_FAILED);
        assertThat(failures).singleElement().satisfies(first -> {
            assertThat(first.getAfter()).isEqualTo(StoredMessage.of("security.value.from",
                    StoredMessage.verbatim("198.51.100.40")).toJson());
            assertThat(first.getReason()).isEqualTo(StoredMessage.of("security.reason.failure",
                    StoredMessage.verbatim("BadCredentialsException")).toJson());
        });
        assertThat(jdbc.queryForMap("select refusals, attempts from refusal_window where source = '198.51.100.40'"))
                .containsEntry("REFUSALS", 6)
                .containsEntry("ATTEMPTS", "quin BadCredentialsException=5; quin SignInRefusedException=1");
        List<AuditEntry> locks = auditOf("user:quin", AuditAction.SIGN_IN_LOCKED);
        assertThat(locks).singleElement().satisfies(e -> {
            assertThat(e.getReason()).isEqualTo(StoredMessage.of("security.reason.failedSignIns",
                    StoredMessage.count(5), StoredMessage.count(15)).toJson());
            assertThat(StoredMessage.parse(e.getAfter())).hasValueSatisfying(lockedUntil -> {
                assertThat(lockedUntil.code()).isEqualTo("security.value.lockedUntil");
                assertThat(lockedUntil.arguments()).singleElement().isInstanceOf(StoredMessage.At.class);
            });
        });
    }

    private List<AuditEntry> auditOf(String subject, AuditAction action) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("auditor", "n/a",
                List.of(new SimpleGrantedAuthority(Role.AUDITOR.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return audit.search(AuditFilter.forSubject(subject), PageRequest.of(0, 50)).stream()
                    .filter(e -> e.getAction() == action).toList();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
