package org.calconfleet.change;

import java.util.OptionalLong;
import org.calconfleet.access.SiteScope;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.SubjectScope;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** A change's audit history is hidden from a user limited to sites where it is not visible (see ChangeExecution). */
@Component
class ChangeSubjects implements SubjectScope {

    private final ChangeExecution execution;

    /** Lazy: the audit trail asks every subject scope, and the engine behind the port writes to the audit trail. */
    ChangeSubjects(@Lazy ChangeExecution execution) {
        this.execution = execution;
    }

    @Override
    public boolean hides(String subject) {
        if (SiteScope.current().unlimited() || !AuditSubject.isChange(subject)) {
            return false;
        }
        OptionalLong change = AuditSubject.changeOf(subject);
        return change.isEmpty() || !execution.visible(change.getAsLong());
    }
}
