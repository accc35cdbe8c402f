package org.calconfleet.rollout;

import org.calconfleet.access.SiteScope;
import org.calconfleet.audit.SubjectScope;
import org.springframework.stereotype.Component;

/** A change's audit history is hidden from a user limited to sites where it is not visible (see RolloutQueries). */
@Component
class ChangeSubjects implements SubjectScope {

    private static final String PREFIX = "change:";

    private final RolloutQueries queries;

    ChangeSubjects(RolloutQueries queries) {
        this.queries = queries;
    }

    @Override
    public boolean hides(String subject) {
        if (SiteScope.current().unlimited() || !subject.startsWith(PREFIX)) {
            return false;
        }
        try {
            return !queries.visible(Long.parseLong(subject.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
