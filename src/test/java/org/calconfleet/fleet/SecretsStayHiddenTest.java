package org.calconfleet.fleet;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialSecrets;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.rollout.Users;
import org.calconfleet.security.ApiTokenService;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Secrets go into the vault and come out only to a backend: no role, the administrator included, finds one in the
 * fleet CSV, the audit trail or its CSV, the REST API, the rendered server and credentials pages, health, metrics,
 * or the log.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"calcon.drift-scan.enabled=false", "calcon.metrics.scrape-token=" + SecretsStayHiddenTest.SCRAPE_TOKEN})
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayHiddenTest extends KaribuSpringTest {

    static final String PASSWORD = "Hidden-Windows-Password-9052";
    static final String TOKEN = "hidden-agent-token-first-0123456789abcdef";
    static final String ROTATED_TOKEN = "hidden-agent-token-rotated-0123456789abcd";
    static final String LEGACY_TOKEN = "hidden-legacy-token-from-the-address-0123456";
    static final List<String> SECRETS = List.of(PASSWORD, TOKEN, ROTATED_TOKEN, LEGACY_TOKEN);
    static final String SCRAPE_TOKEN = "secrets-test-scrape-token-0123456789";
    static final String ADDRESS = "https://tky-exc02.corp.example:8443 sha256=" + "5a".repeat(32);

    @LocalServerPort
    int port;
    @Autowired
    CredentialService credentials;
    @Autowired
    CredentialSecrets secrets;
    @Autowired
    AgentTokenMigration migration;
    @Autowired
    FleetService fleet;
    @Autowired
    AuditTrail audit;
    @Autowired
    ApiTokenService apiTokens;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void no_role_finds_a_secret_in_exports_audit_api_pages_or_logs(CapturedOutput output) {
        long legacy = aServerWhoseTokenTheUpgradeMoved();
        long agent = anAgentServerOnARotatedToken();
        assertThat(secrets.windowsAccount("svc-hidden").password()).as("the backend gets it").isEqualTo(PASSWORD);
        assertThat(secrets.agentToken("agent-hidden").value()).isEqualTo(ROTATED_TOKEN);

        for (Role role : List.of(Role.HELPDESK, Role.AUDITOR, Role.OPERATOR, Role.ADMIN)) {
            String user = role.name().toLowerCase();
            List<String> seen = new ArrayList<>();
            Users.as(user, role, () -> {
                seen.add(fleetCsv(ServerCsv.Header.ENGLISH));
                seen.add(fleetCsv(ServerCsv.Header.JAPANESE));
                seen.addAll(auditText(role));
            });
            String apiToken = Users.as(user, role, () -> apiTokens.create("secrets test", null)).secret();
            for (String path : List.of("/api/v1/servers?size=100", "/api/v1/servers/" + legacy,
                    "/api/v1/servers/" + agent, "/api/v1/audit/entries?size=500", "/api/v1/audit/export")) {
                seen.add(get(path, apiToken));
            }
            seen.addAll(pages(user, role, legacy, agent));

            String everything = String.join("\n", seen);
            assertThat(everything).as("what %s sees", role).contains("agent-hidden", "agent-tky-exc02", ADDRESS)
                    .doesNotContain(SECRETS);
            if (role == Role.ADMIN) {
                assertThat(everything).as("the vault's page").contains("svc-hidden", "CORP\\svc-hidden");
            }
        }
        assertThat(get("/actuator/health", "none") + get("/actuator/prometheus", SCRAPE_TOKEN))
                .as("health and metrics").contains("UP", "calcon_servers").doesNotContain(SECRETS);
        assertThat(output.getAll()).as("the log").contains("Moved the agent tokens of 1 server(s)")
                .doesNotContain(SECRETS);
    }

    private long aServerWhoseTokenTheUpgradeMoved() {
        long id = Users.as("admin", Role.ADMIN, () ->
                fleet.list(new ServerFilter("TKY-EXC02", null), Pageable.ofSize(1)).getFirst().getId());
        jdbc.update("update exchange_server set backend_kind = 'AGENT', backend_address = ? where id = ?",
                ADDRESS + " token=" + LEGACY_TOKEN, id);
        migration.afterSingletonsInstantiated();
        return id;
    }

    private long anAgentServerOnARotatedToken() {
        return Users.as("admin", Role.ADMIN, () -> {
            credentials.create("svc-hidden", CredentialKind.WINDOWS_ACCOUNT, "CORP\\svc-hidden", PASSWORD);
            credentials.create("agent-hidden", CredentialKind.AGENT_TOKEN, null, TOKEN);
            credentials.rotate("agent-hidden", ROTATED_TOKEN);
            ExchangeServer server = fleet.list(new ServerFilter("TKY-EXC03", null), Pageable.ofSize(1)).getFirst();
            ServerValues before = ServerValues.of(server);
            fleet.update(server.getId(), server.getVersion(), before, new ServerValues(before.hostName(),
                    before.ipAddress(), before.site(), before.exchangeVersion(), before.connectorKind(),
                    before.dominoServer(), before.dominoAddress(), before.calendarSystem(), before.serviceName(),
                    BackendKind.AGENT, ADDRESS, "agent-hidden", before.desiredPort(), before.notes(),
                    null, null, 1));
            return server.getId();
        });
    }

    private String fleetCsv(ServerCsv.Header header) {
        StringWriter csv = new StringWriter();
        try {
            fleet.exportCsv(ServerFilter.NONE, header, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    /** The helpdesk has no audit trail to read; the others read it all and export it. */
    private List<String> auditText(Role role) {
        if (role == Role.HELPDESK || role == Role.OPERATOR) {
            assertThatThrownBy(() -> audit.search(AuditFilter.ALL, Pageable.ofSize(1)))
                    .isInstanceOf(AccessDeniedException.class);
            return List.of();
        }
        StringWriter csv = new StringWriter();
        audit.exportCsv(AuditFilter.ALL, csv, Locale.ENGLISH, ZoneOffset.UTC);
        List<String> seen = new ArrayList<>(List.of(csv.toString()));
        audit.search(AuditFilter.ALL, Pageable.ofSize(1000)).forEach(e -> seen.add(e.getSubject() + " "
                + e.getBefore() + " " + e.getAfter() + " " + e.getReason()));
        return seen;
    }

    private String get(String path, String apiToken) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).header("Authorization", "Bearer " + apiToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The rendered text and HTML of both server pages, the editor where the role may edit, and the vault's page. */
    private List<String> pages(String user, Role role, long legacy, long agent) {
        signIn(user, role);
        List<String> seen = new ArrayList<>();
        for (long id : List.of(legacy, agent)) {
            UI.getCurrent().navigate("servers/" + id);
            if (role == Role.ADMIN || role == Role.OPERATOR) {
                _click(_get(Button.class, spec -> spec.withId("server-edit")));
            }
            seen.add(rendered());
        }
        if (refusedAt("credentials")) {
            assertThat(role).isNotEqualTo(Role.ADMIN);
        } else {
            seen.add(rendered());
            assertThat(role).isEqualTo(Role.ADMIN);
        }
        // while a Vaadin session is current, Spring Security reads the user from it: end it for the next role
        MockVaadin.tearDown();
        return seen;
    }

    private static String rendered() {
        UI ui = UI.getCurrent();
        return BasicUtilsKt.get_textRecursively(ui) + ui.getElement().getOuterHTML();
    }
}
