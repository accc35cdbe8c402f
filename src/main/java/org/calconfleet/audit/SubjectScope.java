package org.calconfleet.audit;

/**
 * Whether the user acting right now may read the history of an audit subject of one kind (a server, a change): a
 * feature that names subjects and limits who sees them (by site) says so here, so the audit trail needs to know
 * nothing of it.
 */
public interface SubjectScope {

    /** True when {@code subject} is of this scope's kind and the acting user may not see it. */
    boolean hides(String subject);
}
