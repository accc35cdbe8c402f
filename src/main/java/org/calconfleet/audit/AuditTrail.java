package org.calconfleet.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.common.LocalDays;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AuditTrail {

    static final int EXPORT_BATCH = 500;
    private static final StoredMessage.Argument ANY = StoredMessage.inner(StoredMessage.of("audit.value.any"));
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "seq");

    private final AuditEntryRepository entries;
    private final AuditHeadRepository head;
    private final EntityManager entityManager;
    private final CheckpointStore checkpoints;
    private final ChainReader chain;
    private final Clock clock;
    private final List<SubjectScope> scopes;
    private final Messages messages;

    AuditTrail(AuditEntryRepository entries, AuditHeadRepository head, EntityManager entityManager,
            CheckpointStore checkpoints, ChainReader chain, Clock clock, List<SubjectScope> scopes, Messages messages) {
        this.scopes = scopes;
        this.messages = messages;
        this.entries = entries;
        this.chain = chain;
        this.head = head;
        this.entityManager = entityManager;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /**
     * Appends within the caller's transaction, so a change and its entry commit or roll back together. The head
     * row is locked for the append, which keeps one chain even with several console nodes.
     */
    @Transactional
    public AuditEntry record(AuditEvent event) {
        AuditHead chainHead = head.lockHead(AuditHead.ID)
                .orElseThrow(() -> new IllegalStateException("audit_head row missing: the schema is damaged"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // persisted, not saved: an entry's key is its sequence number, which save() would take for a stored entry
        // and look up first
        AuditEntry entry = new AuditEntry(chainHead.getLastSeq() + 1, now, event, chainHead.getLastHash());
        entityManager.persist(entry);
        chainHead.advance(entry);
        return entry;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditFilter filter, Pageable pageable) {
        Pageable sorted = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST);
        return entries.findBy(AuditSpecifications.matching(filter), query -> query.slice(sorted)).getContent();
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        return entries.count(AuditSpecifications.matching(filter));
    }

    /**
     * The entries the filter's subject, actor and action match, per calendar day of {@code zone} from {@code first}
     * to {@code last}, both included (the filter's own period is replaced by these days); days without entries
     * count 0.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Transactional(readOnly = true)
    public Map<LocalDate, Long> entriesPerDay(AuditFilter filter, LocalDate first, LocalDate last, ZoneId zone) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            perDay.put(day, 0L);
        }
        AuditFilter days = filter.during(LocalDays.startOf(first, zone), LocalDays.startOf(last.plusDays(1), zone));
        HibernateCriteriaBuilder cb = entityManager.unwrap(Session.class).getCriteriaBuilder();
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        Root<AuditEntry> entry = query.from(AuditEntry.class);
        Expression<Long> quarterHour = cb.sql(LocalDays.QUARTER_HOUR_SQL, Long.class, entry.get("occurredAt"));
        query.multiselect(quarterHour, cb.count(entry))
                .where(AuditSpecifications.matching(days).toPredicate(entry, query, cb))
                .groupBy(quarterHour);
        for (Object[] row : entityManager.createQuery(query).getResultList()) {
            perDay.merge(LocalDays.dayOf((Long) row[0], zone), (Long) row[1], Long::sum);
        }
        return perDay;
    }

    /**
     * A server's own history, for everyone who may see the server (the helpdesk included): none for a subject outside
     * the acting user's sites.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public List<AuditEntry> historyOf(String subject, int limit) {
        if (scopes.stream().anyMatch(scope -> scope.hides(subject))) {
            return List.of();
        }
        return search(AuditFilter.forSubject(subject), PageRequest.of(0, limit, NEWEST_FIRST));
    }

    /** Walks the whole chain and checks it against every signed checkpoint file; the check is itself audited. */
    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Transactional
    public ChainVerification verify() {
        ChainVerification result = walkChain();
        record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.AUDIT_VERIFIED, AuditSubject.AUDIT)
                .change(null, result.auditValue()));
        return result;
    }

    /**
     * The chain up to its head as it stood when the walk began: the pump goes on appending meanwhile, and an entry
     * appended during the walk is neither required nor looked at. The checkpoints are read before the head, so none
     * lies beyond it.
     */
    private ChainVerification walkChain() {
        ChainCheck check = ChainCheck.fromGenesis(checkpoints.read());
        long headSeq = head.lastSeq().orElse(0L);
        chain.read(entry -> entry.getSeq() <= headSeq && check.accept(entry));
        return check.isBroken() ? check.finish(null) : check.finish(headSeq);
    }

    /** The matching entries as CSV, their values rendered in the exporting user's language and time zone. */
    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    @Transactional
    public void exportCsv(AuditFilter filter, Writer out, Locale locale, ZoneId zone) {
        AuditCsvExport csv = new AuditCsvExport(out, messages, locale, zone);
        try {
            csv.header();
            Specification<AuditEntry> matching = AuditSpecifications.matching(filter);
            long after = 0;
            List<AuditEntry> batch;
            do {
                batch = entries.findBy(matching.and(AuditSpecifications.after(after)),
                        query -> query.sortBy(Sort.by("seq")).limit(EXPORT_BATCH).all());
                for (AuditEntry entry : batch) {
                    csv.row(entry);
                    after = entry.getSeq();
                    entityManager.detach(entry);
                }
            } while (batch.size() == EXPORT_BATCH);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.AUDIT_EXPORTED, AuditSubject.AUDIT)
                .change(null, exported(filter)));
    }

    private static StoredMessage exported(AuditFilter filter) {
        return StoredMessage.of("audit.value.exported", textOrAny(filter.subject()), textOrAny(filter.actor()),
                filter.action() == null ? ANY : new StoredMessage.Choice(filter.action().messageKey()),
                filter.from() == null ? ANY : StoredMessage.at(filter.from()),
                filter.to() == null ? ANY : StoredMessage.at(filter.to()));
    }

    private static StoredMessage.Argument textOrAny(@Nullable String text) {
        return text == null ? ANY : StoredMessage.verbatim(text);
    }
}
