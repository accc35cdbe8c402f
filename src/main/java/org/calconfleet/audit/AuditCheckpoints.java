package org.calconfleet.audit;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors the chain outside the database: signs its head into a checkpoint file, at the configured interval when
 * the head moved and whenever an auditor asks. Each checkpoint is itself an entry of the chain, recorded first so
 * that the checkpoint covers it; the interval's next turn then finds the head where the checkpoint left it.
 */
@Service
public class AuditCheckpoints {

    static final String SYSTEM = "system";

    private final AuditTrail audit;
    private final AuditHeadRepository head;
    private final CheckpointStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditCheckpoints(AuditTrail audit, AuditHeadRepository head, CheckpointStore store,
            ApplicationEventPublisher events, Clock clock) {
        this.audit = audit;
        this.head = head;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** A checkpoint of the chain as it is now, asked for by a person. */
    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Transactional
    public AuditCheckpoint writeNow() {
        return write(CurrentUser.usernameOrSystem());
    }

    /** The interval's checkpoint: only when entries were added since the last one. */
    @Transactional
    public Optional<AuditCheckpoint> writeIfHeadMoved() {
        AuditHead chainHead = head.lockHead(AuditHead.ID)
                .orElseThrow(() -> new IllegalStateException("audit_head row missing: the schema is damaged"));
        if (chainHead.getLastSeq() == store.lastCheckpointedSeq()) {
            return Optional.empty();
        }
        return Optional.of(write(SYSTEM));
    }

    private AuditCheckpoint write(String actor) {
        AuditEntry entry = audit.record(AuditEvent.of(actor, AuditAction.AUDIT_CHECKPOINT_WRITTEN,
                AuditSubject.AUDIT).change(null, StoredMessage.of("audit.value.checkpointFolder",
                        StoredMessage.verbatim(store.folder()))));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditCheckpointWritten written = store.write(entry.getSeq(), entry.getHash(), now);
        events.publishEvent(written);
        return written.checkpoint();
    }
}
