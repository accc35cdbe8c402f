package org.calconfleet.fleet;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.common.SeedLock;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.host.agent.AgentAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the agent tokens that older versions kept in {@code backend_address} into AGENT_TOKEN credentials named
 * {@code agent-<host>}, names them on their servers and leaves the address with URL and fingerprint only. It runs
 * once the beans exist and before the job engine and the drift scan start (so no host call sees an address that
 * still carries its token), in one transaction under the seed lock: console nodes starting together move each token
 * once, and a second start finds nothing left to move.
 */
@Component
class AgentTokenMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AgentTokenMigration.class);
    static final String ACTOR = "system";
    static final String PREFIX = "agent-";

    private final ExchangeServerRepository servers;
    private final CredentialService credentials;
    private final AuditTrail audit;
    private final SeedLock seedLock;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AgentTokenMigration(ExchangeServerRepository servers, CredentialService credentials, AuditTrail audit,
                        SeedLock seedLock, PlatformTransactionManager transactions, Clock clock) {
        this.servers = servers;
        this.credentials = credentials;
        this.audit = audit;
        this.seedLock = seedLock;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> moved = run();
        if (!moved.isEmpty()) {
            log.warn("Moved the agent tokens of {} server(s) out of their backend addresses into credentials: {}."
                    + " These tokens were kept in clear until now and appear in older audit entries and exports:"
                    + " give each agent a new token and rotate its credential (README, \"Credentials\").",
                    moved.size(), String.join(", ", moved));
        }
    }

    /** Returns the host names whose address was scrubbed. */
    List<String> run() {
        return asSystemAdministrator(() -> transactions.execute(status -> {
            seedLock.hold();
            return servers.findWithTokenInBackendAddress().stream().map(this::move).toList();
        }));
    }

    private String move(ExchangeServer server) {
        String before = server.getBackendAddress();
        AgentAddress.Legacy legacy = AgentAddress.legacy(before == null ? "" : before).orElseThrow();
        String credential = server.getCredentialName();
        if (credential == null && !legacy.token().isEmpty()) {
            credential = freeName(PREFIX + server.getHostName().toLowerCase(Locale.ROOT));
            credentials.create(credential, CredentialKind.AGENT_TOKEN, null, legacy.token(),
                    StoredMessage.of("fleet.reason.tokenMovedFrom", StoredMessage.verbatim(server.getHostName())));
        }
        server.setBackendAddress(legacy.address().isBlank() ? null : legacy.address());
        server.setCredentialName(credential);
        server.touch(clock.instant(), ACTOR);
        audit.record(AuditEvent.of(ACTOR, AuditAction.SERVER_UPDATED, FleetService.subject(server))
                .change(StoredMessage.of("fleet.value.addressWithToken", StoredMessage.verbatim(legacy.address()),
                                StoredMessage.verbatim(AgentAddress.TOKEN_PART + "****")),
                        StoredMessage.of("fleet.value.addressAndCredential", StoredMessage.verbatim(legacy.address()),
                                credential == null ? StoredMessage.inner(StoredMessage.of("fleet.value.empty"))
                                        : StoredMessage.verbatim(credential)))
                .because(StoredMessage.of("fleet.reason.tokenMoved")));
        return server.getHostName();
    }

    private String freeName(String wanted) {
        String base = wanted.length() > 60 ? wanted.substring(0, 60) : wanted;
        String name = base;
        for (int n = 2; credentials.kindOf(name).isPresent(); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /**
     * Creating a credential is for administrators; this start-up step acts for none of them, so it runs as the
     * system, which the audit trail names as the actor.
     */
    private static <T> T asSystemAdministrator(java.util.function.Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ACTOR, null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(system);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
