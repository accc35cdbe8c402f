package org.calconfleet.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps refusals from flooding the audit trail, which is never shortened: of the refusals of one kind from one
 * source within a window, the first is audited at once (nothing is hidden) and the others are counted, by what was
 * tried; when the window has ended, one entry tells how many there were in all and what they tried. A source thus
 * adds at most two entries per window however fast it knocks, and its counter is gone once its window is summed up.
 */
@Component
class RefusalTally {

    /** Distinct attempts kept per window; the rest are counted together. */
    static final int MAX_ATTEMPTS = 15;
    private static final int MAX_ATTEMPT_TEXT = 100;
    private static final int MAX_SOURCE_TEXT = 255;
    private static final String OTHERS = "other";

    enum Kind {
        API_TOKEN, SIGN_IN
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration window;

    RefusalTally(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditTrail audit, Clock clock,
            @Value("${calcon.audit.refusal-window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // A refusal is recorded whatever becomes of the request's own transaction.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
        this.clock = clock;
        this.window = window;
    }

    /**
     * Counts a refusal from {@code source}; {@code first} is audited when it opens a window. {@code attempt} names
     * what was tried in few words ("UNKNOWN anonymous", "alice BadCredentialsException"), so that the window's
     * entry can tell who tried what.
     */
    void refused(Kind kind, String source, String attempt, AuditEvent first) {
        String from = cap(source, MAX_SOURCE_TEXT);
        String tried = cap(attempt.replace(';', ','), MAX_ATTEMPT_TEXT);
        try {
            ownTransaction.executeWithoutResult(s -> count(kind, from, tried, first));
        } catch (DuplicateKeyException firstRefusalOnTwoNodesAtOnce) {
            ownTransaction.executeWithoutResult(s -> count(kind, from, tried, first));
        }
    }

    /** Sums up and removes every window that has ended; the number removed. */
    int closeEndedWindows() {
        Instant ended = clock.instant().minus(window);
        List<String[]> keys = jdbc.query("select kind, source from refusal_window where window_start <= ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, Timestamp.from(ended));
        int closed = 0;
        for (String[] key : keys) {
            Boolean removed = ownTransaction.execute(s -> close(Kind.valueOf(key[0]), key[1]));
            closed += Boolean.TRUE.equals(removed) ? 1 : 0;
        }
        return closed;
    }

    private void count(Kind kind, String source, String attempt, AuditEvent first) {
        Instant now = clock.instant();
        List<Window> open = lock(kind, source);
        if (!open.isEmpty() && !hasEnded(open.getFirst(), now)) {
            Window counted = open.getFirst().plus(attempt, now);
            jdbc.update("update refusal_window set refusals = ?, last_at = ?, attempts = ? where kind = ? and source = ?",
                    counted.refusals(), Timestamp.from(now), counted.attemptsText(), kind.name(), source);
            return;
        }
        if (open.isEmpty()) {
            jdbc.update("insert into refusal_window (kind, source, window_start, last_at, refusals, attempts)"
                    + " values (?, ?, ?, ?, 1, ?)", kind.name(), source, Timestamp.from(now), Timestamp.from(now),
                    attempt + "=1");
        } else {
            summarize(kind, source, open.getFirst());
            jdbc.update("update refusal_window set window_start = ?, last_at = ?, refusals = 1, attempts = ?"
                    + " where kind = ? and source = ?", Timestamp.from(now), Timestamp.from(now), attempt + "=1",
                    kind.name(), source);
        }
        audit.record(first);
    }

    private boolean close(Kind kind, String source) {
        List<Window> open = lock(kind, source);
        if (open.isEmpty() || !hasEnded(open.getFirst(), clock.instant())) {
            return false;
        }
        summarize(kind, source, open.getFirst());
        jdbc.update("delete from refusal_window where kind = ? and source = ?", kind.name(), source);
        return true;
    }

    /** A window whose only refusal was audited when it came needs no second entry. */
    private void summarize(Kind kind, String source, Window ended) {
        if (ended.refusals() > 1) {
            audit.record(AuditEvent.of("system", actionOf(kind), AuditSubject.address(source))
                    .change(null, StoredMessage.of("security.value.refusals", StoredMessage.count(ended.refusals()),
                            StoredMessage.verbatim(source), StoredMessage.at(ended.start()),
                            StoredMessage.at(ended.lastAt())))
                    .because(ended.audited()));
        }
    }

    private static AuditAction actionOf(Kind kind) {
        return switch (kind) {
            case API_TOKEN -> AuditAction.API_TOKEN_REFUSED;
            case SIGN_IN -> AuditAction.SIGN_IN_FAILED;
        };
    }

    private boolean hasEnded(Window open, Instant now) {
        return !now.isBefore(open.start().plus(window));
    }

    private List<Window> lock(Kind kind, String source) {
        return jdbc.query("select window_start, last_at, refusals, attempts from refusal_window where kind = ?"
                + " and source = ? for update", (rs, n) -> new Window(rs.getTimestamp(1).toInstant(),
                rs.getTimestamp(2).toInstant(), rs.getInt(3), Window.parse(rs.getString(4))), kind.name(), source);
    }

    private static String cap(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** An open window: when it began, its last refusal, how many, and how many of each attempt. */
    private record Window(Instant start, Instant lastAt, int refusals, Map<String, Integer> attempts) {

        static Map<String, Integer> parse(String text) {
            Map<String, Integer> attempts = new LinkedHashMap<>();
            for (String pair : text.split("; ")) {
                int equals = pair.lastIndexOf('=');
                if (equals > 0) {
                    attempts.merge(pair.substring(0, equals), Integer.parseInt(pair.substring(equals + 1)),
                            Integer::sum);
                }
            }
            return attempts;
        }

        Window plus(String attempt, Instant now) {
            Map<String, Integer> more = new LinkedHashMap<>(attempts);
            boolean known = more.containsKey(attempt) || more.size() < MAX_ATTEMPTS;
            more.merge(known ? attempt : OTHERS, 1, Integer::sum);
            return new Window(start, now, refusals + 1, more);
        }

        /** What was tried, and how often, as the window's audit entry gives it. */
        StoredMessage audited() {
            return StoredMessage.of("security.reason.attempts", StoredMessage.listed(attempts.entrySet().stream()
                    .map(tried -> StoredMessage.inner(StoredMessage.of("security.value.attempt",
                            OTHERS.equals(tried.getKey())
                                    ? StoredMessage.inner(StoredMessage.of("security.value.otherAttempts"))
                                    : StoredMessage.verbatim(tried.getKey()),
                            StoredMessage.count(tried.getValue())))).toList()));
        }

        /** "UNKNOWN anonymous=9998; REVOKED user:bob #12=2": what was tried, and how often, as the window keeps it. */
        String attemptsText() {
            return attempts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }
    }
}
