package org.calconfleet.fleet;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.calconfleet.access.SiteScope;
import org.springframework.data.jpa.domain.Specification;

final class ServerSpecifications {

    private ServerSpecifications() {
    }

    /** The servers {@code filter} matches among those of the acting user's sites. */
    static Specification<ExchangeServer> matching(ServerFilter filter) {
        SiteScope scope = SiteScope.current();
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (!scope.unlimited()) {
                predicates.add(root.get("site").in(scope.sites()));
            }
            if (!filter.text().isEmpty()) {
                String like = "%" + escape(filter.text().toLowerCase(Locale.ROOT)) + "%";
                predicates.add(cb.or(
                        cb.like(cb.lower(root.get("hostName")), like, '\\'),
                        cb.like(cb.lower(root.get("dominoServer")), like, '\\')));
            }
            if (filter.site() != null) {
                predicates.add(cb.equal(root.get("site"), filter.site()));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
