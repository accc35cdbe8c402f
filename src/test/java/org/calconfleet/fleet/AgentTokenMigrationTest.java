package org.calconfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.credential.CredentialInfo;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialSecrets;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.rollout.Users;
import org.calconfleet.testdb.DatabaseTest;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class AgentTokenMigrationTest {

    static final String TOKEN = "pYuVFz7j7cbI7JK5qYII84XA1CjOAyOzGfL3N3G9PSI";
    static final String ADDRESS = "https://mig-exc30.corp.example:8443 sha256=" + "5a".repeat(32);

    @Autowired
    AgentTokenMigration migration;
    @Autowired
    FleetService fleet;
    @Autowired
    CredentialService credentials;
    @Autowired
    CredentialSecrets secrets;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_token_in_an_agent_address_moves_into_a_credential_named_on_the_server_once() throws Exception {
        long id = serverWithAnAddressOfAnOlderVersion("MIG-EXC30", ADDRESS + " token=" + TOKEN);

        assertThat(migration.run()).containsExactly("MIG-EXC30");

        ExchangeServer server = Users.as("ada", Role.ADMIN, () -> fleet.find(id).orElseThrow());
        assertThat(server.getBackendAddress()).isEqualTo(ADDRESS);
        assertThat(server.getCredentialName()).isEqualTo("agent-mig-exc30");
        assertThat(secrets.agentToken("agent-mig-exc30").value()).isEqualTo(TOKEN);
        assertThat(Users.as("ada", Role.ADMIN, () -> credentials.list()))
                .filteredOn(c -> c.name().equals("agent-mig-exc30")).singleElement().extracting(CredentialInfo::kind, CredentialInfo::createdBy)
                .containsExactly(CredentialKind.AGENT_TOKEN, "system");
        assertThat(migration.run()).as("a second start finds nothing left").isEmpty();

        StringWriter csv = new StringWriter();
        Users.as("hana", Role.HELPDESK, () -> {
            try {
                fleet.exportCsv(new ServerFilter("MIG-EXC30", null), csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(csv.toString()).contains(ADDRESS, "agent-mig-exc30").doesNotContain(TOKEN);
        List<AuditEntry> entries = Users.as("ada", Role.ADMIN, () -> audit.search(AuditFilter.ALL,
                Pageable.ofSize(50)));
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.getSubject() + e.getBefore() + e.getAfter()
                + e.getReason()).doesNotContain(TOKEN));
        assertThat(entries).filteredOn(e -> e.getSubject().equals("server:MIG-EXC30")
                        && e.getAction() == AuditAction.SERVER_UPDATED).singleElement()
                .extracting(AuditEntry::getReason).isEqualTo(StoredMessage.of("fleet.reason.tokenMoved").toJson());
    }

    @Test
    void a_name_already_taken_gets_a_number_and_an_address_with_an_empty_token_is_only_scrubbed() {
        Users.as("ada", Role.ADMIN, () -> credentials.create("agent-mig-exc31", CredentialKind.AGENT_TOKEN, null,
                "someone-elses-token-0123456789abcdefghijkl"));
        long taken = serverWithAnAddressOfAnOlderVersion("MIG-EXC31", ADDRESS + " token=" + TOKEN);
        long empty = serverWithAnAddressOfAnOlderVersion("MIG-EXC32", ADDRESS + " token=");

        migration.run();

        assertThat(column("credential_name", taken)).isEqualTo("agent-mig-exc31-2");
        assertThat(secrets.agentToken("agent-mig-exc31-2").value()).isEqualTo(TOKEN);
        assertThat(column("backend_address", empty)).isEqualTo(ADDRESS);
        assertThat(column("credential_name", empty)).isNull();
    }

    /** Older versions stored agent tokens this way; today's rules refuse it, so the test writes the row itself. */
    private long serverWithAnAddressOfAnOlderVersion(String host, String address) {
        ExchangeServer server = Users.as("ada", Role.ADMIN, () -> fleet.create(FleetServiceTest.values(host, null)));
        jdbc.update("update exchange_server set backend_kind = 'AGENT', backend_address = ? where id = ?", address,
                server.getId());
        return server.getId();
    }

    private String column(String name, long id) {
        return jdbc.queryForObject("select " + name + " from exchange_server where id = ?", String.class, id);
    }
}
