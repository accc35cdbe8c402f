package org.calconfleet.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One link of the chain. Immutable: Hibernate never issues an update for it, and no code path deletes it. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

    public static final int TEXT_MAX_LENGTH = 4000;
    /** What a person may type as a reason; the column holds as much as before and after, for stored messages. */
    public static final int REASON_MAX_LENGTH = 1000;

    @Id
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt = Instant.EPOCH;

    @Column(nullable = false)
    private String actor = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action = AuditAction.SIGN_IN;

    @Column(nullable = false)
    private String subject = "";

    @Column(name = "before_value")
    private @Nullable String before;

    @Column(name = "after_value")
    private @Nullable String after;

    private @Nullable String reason;

    @Column(name = "prev_hash", nullable = false)
    private String prevHash = "";

    @Column(nullable = false)
    private String hash = "";

    protected AuditEntry() {
    }

    AuditEntry(long seq, Instant occurredAt, AuditEvent event, String prevHash) {
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actor = event.actor();
        this.action = event.action();
        this.subject = event.subject();
        this.before = clip(event.before(), TEXT_MAX_LENGTH);
        this.after = clip(event.after(), TEXT_MAX_LENGTH);
        this.reason = clip(event.reason(), TEXT_MAX_LENGTH);
        this.prevHash = prevHash;
        this.hash = AuditChain.hash(prevHash, this);
    }

    /** An entry as read back from outside the database (an exported CSV), to be checked, never stored. */
    AuditEntry(long seq, Instant occurredAt, String actor, AuditAction action, String subject, @Nullable String before,
            @Nullable String after, @Nullable String reason, String prevHash, String hash) {
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.subject = subject;
        this.before = before;
        this.after = after;
        this.reason = reason;
        this.prevHash = prevHash;
        this.hash = hash;
    }

    /** A stored message keeps its shape (its longest texts are shortened); a plain text is clipped. */
    private static @Nullable String clip(@Nullable String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return StoredValueFit.fit(text, max).orElseGet(() -> text.substring(0, max - 1) + "…");
    }

    public long getSeq() {
        return seq;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public @Nullable String getBefore() {
        return before;
    }

    public @Nullable String getAfter() {
        return after;
    }

    public @Nullable String getReason() {
        return reason;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
