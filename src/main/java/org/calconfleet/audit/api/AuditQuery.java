package org.calconfleet.audit.api;

import java.time.Instant;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The query parameters that narrow the trail: subject, actor, action, from (inclusive) and to (exclusive). */
record AuditQuery(@Nullable String subject, @Nullable String actor, @Nullable AuditAction action,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {

    AuditFilter toFilter() {
        return new AuditFilter(subject, actor, action, from, to);
    }
}
