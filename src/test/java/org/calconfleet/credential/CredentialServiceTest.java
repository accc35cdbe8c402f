package org.calconfleet.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerProblem;
import org.calconfleet.fleet.ServerRejectedException;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.rollout.Users;
import org.calconfleet.testdb.DatabaseTest;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class CredentialServiceTest {

    static final String PASSWORD = "Winter-Password-7781!";
    static final String TOKEN = "agent-token-0123456789abcdefghijklmnopqrstuvwxyz";

    @Autowired
    CredentialService credentials;
    @Autowired
    CredentialSecrets secrets;
    @Autowired
    FleetService fleet;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;

    private <T> T asAdmin(java.util.function.Supplier<T> action) {
        return Users.as("ada", Role.ADMIN, action);
    }

    @Test
    void an_administrator_stores_a_windows_account_that_a_backend_gets_back_whole_and_nobody_else_sees() {
        CredentialInfo created = asAdmin(() -> credentials.create("svc-tokyo", CredentialKind.WINDOWS_ACCOUNT,
                "CORP\\svc-calcon", PASSWORD));

        assertThat(created.account()).isEqualTo("CORP\\svc-calcon");
        assertThat(created.createdBy()).isEqualTo("ada");
        assertThat(created.lastUsedAt()).isNull();
        assertThat(created.toString()).doesNotContain(PASSWORD);

        WindowsAccount account = secrets.windowsAccount("svc-tokyo");
        assertThat(account).isEqualTo(new WindowsAccount("CORP", "svc-calcon", PASSWORD));
        assertThat(account.toString()).doesNotContain(PASSWORD).contains("CORP\\svc-calcon");
        assertThat(asAdmin(() -> credentials.list())).filteredOn(c -> c.name().equals("svc-tokyo")).singleElement()
                .satisfies(c -> assertThat(c.lastUsedAt()).isNotNull());
        Map<String, Object> row = jdbc.queryForMap("select * from credential where name = 'svc-tokyo'");
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(PASSWORD));
    }

    @Test
    void creating_rotating_and_deleting_are_audited_by_name_and_kind_never_by_value() {
        asAdmin(() -> credentials.create("agent-crd-exc01", CredentialKind.AGENT_TOKEN, null, TOKEN));
        CredentialInfo rotated = asAdmin(() -> credentials.rotate("agent-crd-exc01", TOKEN + "-rotated"));
        assertThat(secrets.agentToken("agent-crd-exc01").value()).isEqualTo(TOKEN + "-rotated");
        assertThat(rotated.lastRotatedAt()).isNotNull();
        Users.as("ada", Role.ADMIN, () -> credentials.delete("agent-crd-exc01"));

        List<AuditEntry> entries = asAdmin(() -> audit.historyOf(CredentialService.subject("agent-crd-exc01"), 10));
        assertThat(entries).extracting(AuditEntry::getAction).containsExactly(AuditAction.CREDENTIAL_DELETED,
                AuditAction.CREDENTIAL_ROTATED, AuditAction.CREDENTIAL_CREATED);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("ada");
            assertThat(StoredMessage.parse(e.getBefore() != null ? e.getBefore() : e.getAfter())).contains(
                    StoredMessage.of("credential.value.kind", new StoredMessage.Choice("credential.kind.agent_token")));
            assertThat(e.getBefore() + " " + e.getAfter()).doesNotContain(TOKEN);
        });
        assertThatThrownBy(() -> secrets.agentToken("agent-crd-exc01")).isInstanceOf(MissingCredentialException.class);
    }

    @Test
    void a_credential_a_server_names_cannot_be_deleted_and_a_server_cannot_name_one_that_does_not_exist() {
        asAdmin(() -> credentials.create("agent-crd-exc02", CredentialKind.AGENT_TOKEN, null, TOKEN));
        ExchangeServer server = asAdmin(() -> fleet.create(agentServer("CRD-EXC02", "agent-crd-exc02")));

        assertThatThrownBy(() -> Users.as("ada", Role.ADMIN, () -> credentials.delete("agent-crd-exc02")))
                .isInstanceOfSatisfying(CredentialRejectedException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.messageKey()).isEqualTo("credential.inUse");
                            assertThat(p.arguments()).contains("CRD-EXC02");
                        }));
        assertThatThrownBy(() -> asAdmin(() -> fleet.create(agentServer("CRD-EXC03", "no-such-credential"))))
                .isInstanceOfSatisfying(ServerRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ServerProblem::messageKey).containsExactly("fleet.credential.unknown"));

        asAdmin(() -> fleet.update(server.getId(), server.getVersion(), ServerValues.of(server),
                agentServer("CRD-EXC02", null)));
        Users.as("ada", Role.ADMIN, () -> credentials.delete("agent-crd-exc02"));
        assertThat(asAdmin(() -> credentials.names())).doesNotContain("agent-crd-exc02");
    }

    @Test
    void a_credential_named_for_a_domino_agent_cannot_be_deleted_and_must_be_an_agent_token() {
        asAdmin(() -> credentials.create("agent-crd-dom01", CredentialKind.AGENT_TOKEN, null, TOKEN));
        asAdmin(() -> credentials.create("svc-crd-dom01", CredentialKind.WINDOWS_ACCOUNT, "CORP\\svc", PASSWORD));
        ServerValues agent = agentServer("CRD-EXC08", "agent-crd-dom01");
        asAdmin(() -> fleet.create(withDominoAgent(agent, "agent-crd-dom01")));

        assertThatThrownBy(() -> Users.as("ada", Role.ADMIN, () -> credentials.delete("agent-crd-dom01")))
                .isInstanceOfSatisfying(CredentialRejectedException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.arguments()).contains("CRD-EXC08")));
        assertThatThrownBy(() -> asAdmin(() -> fleet.create(withDominoAgent(agentServer("CRD-EXC09",
                "agent-crd-dom01"), "svc-crd-dom01")))).isInstanceOfSatisfying(ServerRejectedException.class,
                e -> assertThat(e.problems()).extracting(ServerProblem::field, ServerProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("dominoCredentialName",
                                "fleet.credential.notAgentToken")));
    }

    private static ServerValues withDominoAgent(ServerValues v, String credential) {
        return new ServerValues(v.hostName(), v.ipAddress(), v.site(), v.exchangeVersion(), v.connectorKind(),
                v.dominoServer(), v.dominoAddress(), v.calendarSystem(), v.serviceName(), v.backendKind(),
                v.backendAddress(), v.credentialName(), v.desiredPort(), v.notes(),
                "https://kyo-dom01.corp.example:8443 sha256=" + "cd".repeat(32), credential, 1);
    }

    @Test
    void an_agent_server_must_name_an_agent_token_not_a_windows_account() {
        asAdmin(() -> credentials.create("svc-kyoto", CredentialKind.WINDOWS_ACCOUNT, "CORP\\svc", PASSWORD));

        assertThatThrownBy(() -> asAdmin(() -> fleet.create(agentServer("CRD-EXC04", "svc-kyoto"))))
                .isInstanceOfSatisfying(ServerRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ServerProblem::messageKey).containsExactly("fleet.credential.notAgentToken"));
        assertThatThrownBy(() -> secrets.agentToken("svc-kyoto")).isInstanceOf(MissingCredentialException.class)
                .hasMessageContaining("WINDOWS_ACCOUNT");
    }

    @Test
    void names_accounts_and_secrets_are_checked_and_nothing_is_stored_on_refusal() {
        assertThatThrownBy(() -> asAdmin(() -> credentials.create("bad name", CredentialKind.WINDOWS_ACCOUNT,
                "no-domain", "")))
                .isInstanceOfSatisfying(CredentialRejectedException.class, e -> assertThat(e.problems())
                        .extracting(CredentialProblem::field).containsExactly("name", "account", "secret"));
        asAdmin(() -> credentials.create("svc-twice", CredentialKind.WINDOWS_ACCOUNT, ".\\local-admin", PASSWORD));
        assertThat(secrets.windowsAccount("svc-twice")).as("the host's own account has no domain")
                .isEqualTo(new WindowsAccount("", "local-admin", PASSWORD))
                .extracting(WindowsAccount::qualifiedName).isEqualTo(".\\local-admin");
        assertThatThrownBy(() -> asAdmin(() -> credentials.create("svc-twice", CredentialKind.AGENT_TOKEN, null,
                TOKEN))).isInstanceOfSatisfying(CredentialRejectedException.class, e -> assertThat(e.problems())
                        .extracting(CredentialProblem::messageKey).containsExactly("credential.name.duplicate"));
        assertThat(asAdmin(() -> credentials.list())).extracting(CredentialInfo::name).doesNotContain("bad name");
    }

    @Test
    void only_the_administrator_manages_credentials() {
        asAdmin(() -> credentials.create("svc-roles", CredentialKind.WINDOWS_ACCOUNT, "CORP\\svc", PASSWORD));
        for (Role role : List.of(Role.OPERATOR, Role.AUDITOR, Role.HELPDESK)) {
            Users.as("someone", role, () -> {
                assertThatThrownBy(() -> credentials.list()).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> credentials.create("x", CredentialKind.AGENT_TOKEN, null, TOKEN))
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> credentials.rotate("svc-roles", "x"))
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> credentials.delete("svc-roles")).isInstanceOf(AccessDeniedException.class);
            });
        }
        Users.as("olga", Role.OPERATOR, () -> assertThat(credentials.names()).contains("svc-roles"));
    }

    @Test
    void a_secret_copied_onto_another_credentials_row_does_not_open_there() {
        asAdmin(() -> credentials.create("agent-copy-a", CredentialKind.AGENT_TOKEN, null, TOKEN));
        asAdmin(() -> credentials.create("agent-copy-b", CredentialKind.AGENT_TOKEN, null, TOKEN + "-b"));

        jdbc.update("update credential set nonce = (select nonce from credential where name = 'agent-copy-a'),"
                + " ciphertext = (select ciphertext from credential where name = 'agent-copy-a')"
                + " where name = 'agent-copy-b'");

        assertThatThrownBy(() -> secrets.agentToken("agent-copy-b")).isInstanceOf(SecretUnreadableException.class)
                .hasMessageNotContaining(TOKEN);
    }

    static ServerValues agentServer(String host, String credential) {
        return new ServerValues(host, null, "Kyoto", "2007 SP3", ConnectorKind.LOTUS_DOMINO, "KYO-DOM01", null,
                "ExchangeFreeBusy", "MSExchangeCalCon", BackendKind.AGENT,
                "https://" + host.toLowerCase() + ".corp.example:8443 sha256=" + "ab".repeat(32), credential, null,
                null, null, null, 1);
    }
}
