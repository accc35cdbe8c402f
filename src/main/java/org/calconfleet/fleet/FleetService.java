package org.calconfleet.fleet;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.calconfleet.access.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class FleetService {

    private final ExchangeServerRepository servers;

    FleetService(ExchangeServerRepository servers) {
        this.servers = servers;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public Page<ExchangeServer> list(ServerFilter filter, Pageable pageable) {
        return servers.findAll(ServerSpecifications.matching(filter), pageable);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public long count(ServerFilter filter) {
        return servers.count(ServerSpecifications.matching(filter));
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public List<String> sites() {
        return servers.findSites();
    }
}
