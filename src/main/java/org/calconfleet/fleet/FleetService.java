package org.calconfleet.fleet;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.access.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class FleetService {

    private final ExchangeServerRepository servers;
    private final AuditTrail audit;
    private final Clock clock;

    FleetService(ExchangeServerRepository servers, AuditTrail audit, Clock clock) {
        this.servers = servers;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public Optional<ExchangeServer> find(long id) {
        return servers.findById(id);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional
    public ExchangeServer create(ServerValues values) {
        List<ServerProblem> problems = new ArrayList<>(ServerRules.check(values));
        if (servers.existsByHostNameIgnoreCase(values.hostName())) {
            problems.add(ServerProblem.of("hostName", "fleet.host.duplicate", values.hostName()));
        }
        if (!problems.isEmpty()) {
            throw new ServerRejectedException(problems);
        }
        ExchangeServer server = new ExchangeServer(values.hostName(), values.site());
        values.applyTo(server);
        server.touch(clock.instant(), CurrentUser.usernameOrSystem());
        ExchangeServer saved = servers.save(server);
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.SERVER_CREATED, subject(saved))
                .change(null, values.describe()));
        return saved;
    }

    /**
     * Saves {@code edited} over the server as it was when the editor opened it ({@code loaded}, at
     * {@code expectedVersion}). If someone saved in between, nothing is written and the exception names them and
     * what they changed.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional
    public ExchangeServer update(long id, long expectedVersion, ServerValues loaded, ServerValues edited) {
        ExchangeServer server = servers.findById(id).orElseThrow(() -> new ServerRejectedException(
                List.of(ServerProblem.of("hostName", "fleet.server.gone", loaded.hostName()))));
        if (server.getVersion() != expectedVersion) {
            throw new ConcurrentEditException(server.getUpdatedBy(), server.getUpdatedAt(),
                    loaded.changesTo(ServerValues.of(server)));
        }
        List<ServerProblem> problems = new ArrayList<>(ServerRules.check(edited));
        if (!edited.hostName().equalsIgnoreCase(server.getHostName())
                && servers.existsByHostNameIgnoreCase(edited.hostName())) {
            problems.add(ServerProblem.of("hostName", "fleet.host.duplicate", edited.hostName()));
        }
        if (!problems.isEmpty()) {
            throw new ServerRejectedException(problems);
        }
        ServerValues before = ServerValues.of(server);
        List<ServerValues.FieldChange> changes = before.changesTo(edited);
        if (changes.isEmpty()) {
            return server;
        }
        String subjectBefore = subject(server);
        edited.applyTo(server);
        server.touch(clock.instant(), CurrentUser.usernameOrSystem());
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.SERVER_UPDATED, subjectBefore)
                .change(side(changes, true), side(changes, false)));
        return server;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional
    public void delete(long id, long expectedVersion, String reason) {
        ExchangeServer server = servers.findById(id).orElse(null);
        if (server == null) {
            return;
        }
        if (server.getVersion() != expectedVersion) {
            throw new ConcurrentEditException(server.getUpdatedBy(), server.getUpdatedAt(), List.of());
        }
        servers.delete(server);
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.SERVER_DELETED, subject(server))
                .change(ServerValues.of(server).describe(), null).because(reason));
    }

    public static String subject(ExchangeServer server) {
        return "server:" + server.getHostName();
    }

    private static String side(List<ServerValues.FieldChange> changes, boolean before) {
        StringBuilder text = new StringBuilder();
        for (ServerValues.FieldChange change : changes) {
            text.append(text.isEmpty() ? "" : ", ").append(change.field()).append('=')
                    .append(before ? change.before() : change.after());
        }
        return text.toString();
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
