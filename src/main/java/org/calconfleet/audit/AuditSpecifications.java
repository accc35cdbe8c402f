package org.calconfleet.audit;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

final class AuditSpecifications {

    private AuditSpecifications() {
    }

    static Specification<AuditEntry> matching(AuditFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (filter.subject() != null && !filter.subject().isBlank()) {
                predicates.add(cb.equal(root.get("subject"), filter.subject().strip()));
            }
            if (filter.actor() != null && !filter.actor().isBlank()) {
                predicates.add(cb.equal(root.get("actor"), filter.actor().strip()));
            }
            if (filter.action() != null) {
                predicates.add(cb.equal(root.get("action"), filter.action()));
            }
            if (filter.from() != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), filter.from()));
            }
            if (filter.to() != null) {
                predicates.add(cb.lessThan(root.get("occurredAt"), filter.to()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** Keyset paging: each batch starts after the last sequence read, so a page costs the same at any depth. */
    static Specification<AuditEntry> after(long seq) {
        return (root, query, cb) -> cb.greaterThan(root.get("seq"), seq);
    }
}
