package org.calconfleet.fleet;

import org.calconfleet.access.SiteScope;
import org.calconfleet.audit.SubjectScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A server's audit history is hidden from a user limited to other sites (and a deleted server's, to any such user). */
@Component
class ServerSubjects implements SubjectScope {

    private static final String PREFIX = "server:";

    private final ExchangeServerRepository servers;

    ServerSubjects(ExchangeServerRepository servers) {
        this.servers = servers;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hides(String subject) {
        SiteScope scope = SiteScope.current();
        if (scope.unlimited() || !subject.startsWith(PREFIX)) {
            return false;
        }
        return servers.findByHostNameIgnoreCase(subject.substring(PREFIX.length()))
                .map(server -> !scope.allows(server.getSite())).orElse(true);
    }
}
