package org.calconfleet.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins per user name and per client address, in the database so that every console node sees
 * the same counts: a key's row is locked while it is counted. A user name is counted whether or not such a user
 * exists, so a lock tells nothing about who exists. Each lock goes into the audit trail.
 */
@Component
@EnableConfigurationProperties(SignInLimits.class)
class SignInThrottle {

    private static final int MAX_KEY_TEXT = 255;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final SignInLimits limits;
    private final Clock clock;

    SignInThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditTrail audit, SignInLimits limits,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
    }

    static String userKey(String username) {
        return AuditSubject.user(cap(username.strip().toLowerCase(Locale.ROOT)));
    }

    static String addressKey(String address) {
        return AuditSubject.address(cap(address));
    }

    /** Until when the user name or the address is locked, whichever lock ends later; empty if neither is. */
    Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        return jdbc.queryForList("select locked_until from sign_in_failures where throttle_key in (?, ?)"
                        + " and locked_until is not null", Timestamp.class, userKey(username), addressKey(address))
                .stream().map(Timestamp::toInstant).filter(now::isBefore).max(Instant::compareTo);
    }

    void failed(String username, String address) {
        count(userKey(username), limits.maxFailuresPerUser());
        count(addressKey(address), limits.maxFailuresPerAddress());
    }

    void succeeded(String username) {
        jdbc.update("delete from sign_in_failures where throttle_key = ?", userKey(username));
    }

    /** Forgets counts whose window has passed and locks that have run out; the number of keys forgotten. */
    int purgeExpired() {
        Instant now = clock.instant();
        return jdbc.update("delete from sign_in_failures where window_start <= ?"
                + " and (locked_until is null or locked_until <= ?)", Timestamp.from(now.minus(limits.failureWindow())),
                Timestamp.from(now));
    }

    private void count(String key, int maxFailures) {
        try {
            tx.executeWithoutResult(s -> countLocked(key, maxFailures));
        } catch (DuplicateKeyException firstFailureOnTwoNodesAtOnce) {
            tx.executeWithoutResult(s -> countLocked(key, maxFailures));
        }
    }

    private void countLocked(String key, int maxFailures) {
        Instant now = clock.instant();
        List<Row> rows = jdbc.query("select failures, window_start from sign_in_failures where throttle_key = ?"
                + " for update", (rs, n) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant()), key);
        if (rows.isEmpty()) {
            jdbc.update("insert into sign_in_failures (throttle_key, failures, window_start) values (?, 0, ?)", key,
                    Timestamp.from(now));
            rows = List.of(new Row(0, now));
        }
        Row row = rows.getFirst();
        boolean windowOver = !now.isBefore(row.windowStart().plus(limits.failureWindow()));
        int failures = windowOver ? 1 : row.failures() + 1;
        Instant windowStart = windowOver ? now : row.windowStart();
        if (failures < maxFailures) {
            jdbc.update("update sign_in_failures set failures = ?, window_start = ? where throttle_key = ?", failures,
                    Timestamp.from(windowStart), key);
            return;
        }
        Instant until = now.plus(limits.lockDuration());
        jdbc.update("update sign_in_failures set failures = 0, window_start = ?, locked_until = ? where throttle_key = ?",
                Timestamp.from(now), Timestamp.from(until), key);
        audit.record(AuditEvent.of("system", AuditAction.SIGN_IN_LOCKED, key)
                .change(null, StoredMessage.of("security.value.lockedUntil", StoredMessage.at(until)))
                .because(StoredMessage.of("security.reason.failedSignIns", StoredMessage.count(failures),
                        StoredMessage.count(minutes(limits.failureWindow())))));
    }

    static long minutes(Duration duration) {
        return Math.max(1, (duration.toSeconds() + 59) / 60);
    }

    private static String cap(String text) {
        return text.length() > MAX_KEY_TEXT ? text.substring(0, MAX_KEY_TEXT) : text;
    }

    private record Row(int failures, Instant windowStart) {
    }
}
