package org.calconfleet.fleet;

import org.calconfleet.access.SiteScope;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.SubjectScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A server's audit history is hidden from a user limited to other sites (and a deleted server's, to any such user). */
@Component
class ServerSubjects implements SubjectScope {

    private final ExchangeServerRepository servers;

    ServerSubjects(ExchangeServerRepository servers) {
        this.servers = servers;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hides(String subject) {
        SiteScope scope = SiteScope.current();
        if (scope.unlimited()) {
            return false;
        }
        return AuditSubject.serverOf(subject).map(hostName -> servers.findByHostNameIgnoreCase(hostName)
                .map(server -> !scope.allows(server.getSite())).orElse(true)).orElse(false);
    }
}
