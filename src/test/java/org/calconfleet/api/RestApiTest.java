package org.calconfleet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.backend.SimulatedFleet;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.Precheck;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.discovery.ExchangeForest;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerCsv;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.WindowsErrors;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.rollout.HostRunState;
import org.calconfleet.rollout.HostRunView;
import org.calconfleet.rollout.Rendered;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.rollout.Users;
import org.calconfleet.security.ApiTokenService;
import org.calconfleet.security.NewUser;
import org.calconfleet.security.UserService;
import org.calconfleet.window.MaintenanceWindows;
import org.calconfleet.window.WeeklyWindow;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API over real HTTP, with real personal tokens made through the token service: every endpoint as each
 * role, refusals as problem details, and a refused write that changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "calcon.simulated.stop-duration=20ms", "calcon.simulated.start-duration=20ms",
        "calcon.rollout.initial-backoff=20ms", "calcon.rollout.verify-delay=20ms", "calcon.drift-scan.enabled=false"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiTest {

    static final String PASSWORD = "a long passphrase";
    /** Submits the changes that the four roles then approve, reject or cancel: never one of them. */
    static final String REQUESTER = "api-requester";
    static final String DISCOVERY_CREDENTIAL = "api-discovery";
    static final String JSON = "application/json";
    static final String CSV = "text/csv";
    static final String CSV_HEADER = String.join(",", ServerCsv.COLUMNS) + "\r\n";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    FleetService fleet;
    @Autowired
    ChangeService changes;
    @Autowired
    RolloutService rollouts;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CredentialService credentials;
    @Autowired
    SimulatedFleet simulated;
    @Autowired
    MaintenanceWindows maintenance;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    final Map<Role, String> tokenOf = new EnumMap<>(Role.class);
    final AtomicInteger serial = new AtomicInteger();

    @BeforeAll
    void usersAndTheirTokens() {
        for (Role role : Role.values()) {
            String username = usernameOf(role);
            asAdmin(() -> users.createUser(new NewUser(username, username, PASSWORD, role)));
            tokenOf.put(role, Users.as(username, role, () -> tokens.create("tests", null)).secret());
        }
        asAdmin(() -> users.createUser(new NewUser(REQUESTER, REQUESTER, PASSWORD, Role.OPERATOR)));
    }

    // ---------------------------------------------------------------- every endpoint, every role

    /** A request ready to send, and what it must leave unchanged when refused. */
    record Call(String method, String path, @Nullable String body, Supplier<Object> state, String contentType) {

        Call(String method, String path, @Nullable String body, Supplier<Object> state) {
            this(method, path, body, state, JSON);
        }
    }

    enum Endpoint {
        LIST_SERVERS(200, 200, 200, 200) {
            Call prepare(RestApiTest t) {
                t.server();
                return read("/api/v1/servers?q=API-&sort=hostName&direction=DESC&size=5");
            }
        },
        READ_SERVER(200, 200, 200, 200) {
            Call prepare(RestApiTest t) {
                return read("/api/v1/servers/" + t.server());
            }
        },
        CREATE_SERVER(201, 201, 403, 403) {
            Call prepare(RestApiTest t) {
                String host = "API-N%04d".formatted(t.serial.incrementAndGet());
                return new Call("POST", "/api/v1/servers", t.serverBody(host, t.freePort(), "", null),
                        () -> t.asAdmin(() -> t.fleet.count(new ServerFilter(host, null))));
            }
        },
        REPLACE_SERVER(200, 200, 403, 403) {
            Call prepare(RestApiTest t) {
                long id = t.server();
                ExchangeServer server = t.asAdmin(() -> t.fleet.find(id).orElseThrow());
                return new Call("PUT", "/api/v1/servers/" + id, t.serverBody(server.getHostName(), t.freePort(),
                        "", server.getVersion()), () -> t.asAdmin(() -> ServerValues.of(t.fleet.find(id).orElseThrow())));
            }
        },
        SET_DESIRED_PORT(200, 200, 403, 403) {
            Call prepare(RestApiTest t) {
                long id = t.server();
                ExchangeServer server = t.asAdmin(() -> t.fleet.find(id).orElseThrow());
                return new Call("PUT", "/api/v1/servers/" + id + "/desired-port",
                        "{\"desiredPort\": " + t.freePort() + ", \"version\": " + server.getVersion() + "}",
                        () -> t.asAdmin(() -> ServerValues.of(t.fleet.find(id).orElseThrow())));
            }
        },
        DELETE_SERVER(204, 204, 403, 403) {
            Call prepare(RestApiTest t) {
                long id = t.server();
                return new Call("DELETE", "/api/v1/servers/" + id + "?version=" + t.versionOf(id) + "&reason=retired",
                        null, () -> t.asAdmin(() -> t.fleet.find(id).isPresent()));
            }
        },
        PREVIEW_IMPORT(200, 200, 403, 403) {
            Call prepare(RestApiTest t) {
                String host = "API-P%04d".formatted(t.serial.incrementAndGet());
                return new Call("POST", "/api/v1/servers/import?dryRun=true", t.csv(host), t.serverCount(host),
                        CSV);
            }
        },
        IMPORT_SERVERS(200, 200, 403, 403) {
            Call prepare(RestApiTest t) {
                String host = "API-I%04d".formatted(t.serial.incrementAndGet());
                return new Call("POST", "/api/v1/servers/import?reason=CHG-9", t.csv(host), t.serverCount(host), CSV);
            }
        },
        PLAN(200, 200, 403, 403) {
            Call prepare(RestApiTest t) {
                return new Call("POST", "/api/v1/rollouts/plan", t.changeBody(t.server(), t.freePort()),
                        t::rolloutCount);
            }
        },
        SUBMIT(201, 201, 403, 403) {
            Call prepare(RestApiTest t) {
                return new Call("POST", "/api/v1/rollouts", t.changeBody(t.server(), t.freePort()), t::rolloutCount);
            }
        },
        SUBMIT_DRAFT(201, 201, 403, 403) {
            Call prepare(RestApiTest t) {
                long draft = t.requested(true);
                return new Call("POST", "/api/v1/rollouts/" + draft + "/submit", null, () -> t.stateOf(draft));
            }
        },
        LIST_ROLLOUTS(200, 200, 200, 200) {
            Call prepare(RestApiTest t) {
                t.requested(false);
                return read("/api/v1/rollouts?size=3");
            }
        },
        READ_ROLLOUT(200, 200, 200, 200) {
            Call prepare(RestApiTest t) {
                return read("/api/v1/rollouts/" + t.requested(false));
            }
        },
        READ_HOST_RUNS(200, 200, 200, 200) {
            Call prepare(RestApiTest t) {
                return read("/api/v1/rollouts/" + t.requested(false) + "/hosts");
            }
        },
        APPROVE(200, 200, 403, 403) {
            Call prepare(RestApiTest t) {
                return decision(t, "approve", "ok");
            }
        },
        REJECT(200, 200, 403, 403) {
            Call prepare(RestApiTest t) {
                return decision(t, "reject", "wrong port");
            }
        },
        CONFIRM_DOMINO(200, 200, 403, 403) {
            Call prepare(RestApiTest t) {
                HostRunView run = t.awaitingDominoConfirmation();
                return new Call("POST", "/api/v1/rollouts/" + run.rolloutId() + "/hosts/" + run.id()
                        + "/confirm-domino", "{\"comment\": \"typed\"}",
                        () -> t.asAdmin(() -> t.rollouts.hostRun(run.id()).orElseThrow().state()));
            }
        },
        ROLLBACK(201, 201, 403, 403) {
            Call prepare(RestApiTest t) {
                return new Call("POST", "/api/v1/rollouts/" + t.ranToEnd(false) + "/rollback",
                        "{\"reason\": \"postponed\"}", t::rolloutCount);
            }
        },
        CANCEL(200, 200, 403, 403) {
            Call prepare(RestApiTest t) {
                return decision(t, "cancel", "not tonight");
            }
        },
        RETRY_FAILED_HOSTS(201, 201, 403, 403) {
            Call prepare(RestApiTest t) {
                return new Call("POST", "/api/v1/rollouts/" + t.rolledBackRollout() + "/retry-failed", null,
                        t::rolloutCount);
            }
        },
        FIREWALL_OF_SERVERS(200, 200, 200, 200) {
            Call prepare(RestApiTest t) {
                t.server();
                return read("/api/v1/servers/firewall?q=API-&format=netsh");
            }
        },
        FIREWALL_OF_ROLLOUT(200, 200, 200, 200) {
            Call prepare(RestApiTest t) {
                return read("/api/v1/rollouts/" + t.requested(false) + "/firewall");
            }
        },
        QUERY_AUDIT(200, 403, 200, 403) {
            Call prepare(RestApiTest t) {
                return read("/api/v1/audit/entries?action=SERVER_CREATED&size=2");
            }
        },
        EXPORT_AUDIT(200, 403, 200, 403) {
            Call prepare(RestApiTest t) {
                return new Call("GET", "/api/v1/audit/export?action=SERVER_CREATED", null,
                        () -> t.auditCount(AuditAction.AUDIT_EXPORTED));
            }
        },
        VERIFY_AUDIT(200, 403, 200, 403) {
            Call prepare(RestApiTest t) {
                return new Call("POST", "/api/v1/audit/verify", null, () -> t.auditCount(AuditAction.AUDIT_VERIFIED));
            }
        },
        WRITE_AUDIT_CHECKPOINT(200, 403, 200, 403) {
            Call prepare(RestApiTest t) {
                return new Call("POST", "/api/v1/audit/checkpoints", null,
                        () -> t.auditCount(AuditAction.AUDIT_CHECKPOINT_WRITTEN));
            }
        },
        DISCOVER(200, 403, 403, 403) {
            Call prepare(RestApiTest t) {
                t.discoveryAccount();
                return new Call("POST", "/api/v1/discovery", null, () -> t.auditCount(AuditAction.FLEET_DISCOVERED));
            }
        },
        LIST_WINDOWS(200, 200, 200, 200) {
            Call prepare(RestApiTest t) {
                return read("/api/v1/maintenance/windows");
            }
        },
        ADD_WINDOW(201, 403, 403, 403) {
            Call prepare(RestApiTest t) {
                return new Call("POST", "/api/v1/maintenance/windows", """
                        {"site": "API-SITE", "day": "SUNDAY", "start": "02:00", "end": "05:00", "zone": "Asia/Tokyo"}""",
                        () -> t.auditCount(AuditAction.MAINTENANCE_WINDOW_ADDED));
            }
        },
        DELETE_WINDOW(204, 403, 403, 403) {
            Call prepare(RestApiTest t) {
                long id = t.asAdmin(() -> t.maintenance.addWindow("API-SITE", new WeeklyWindow(DayOfWeek.SATURDAY,
                        LocalTime.of(22, 0), LocalTime.of(2, 0), ZoneId.of("Europe/Berlin")))).id();
                return new Call("DELETE", "/api/v1/maintenance/windows/" + id, null, () -> t.asAdmin(() ->
                        t.maintenance.windows().stream().anyMatch(w -> w.id() == id)));
            }
        },
        LIST_FREEZES(200, 200, 200, 200) {
            Call prepare(RestApiTest t) {
                return read("/api/v1/maintenance/freezes");
            }
        },
        ADD_FREEZE(201, 403, 403, 403) {
            Call prepare(RestApiTest t) {
                return new Call("POST", "/api/v1/maintenance/freezes", """
                        {"site": "API-SITE", "from": "2030-12-24T00:00:00Z", "until": "2030-12-26T00:00:00Z",
                         "reason": "CHG-2030 freeze"}""", () -> t.auditCount(AuditAction.MAINTENANCE_FREEZE_ADDED));
            }
        },
        DELETE_FREEZE(204, 403, 403, 403) {
            Call prepare(RestApiTest t) {
                long id = t.asAdmin(() -> t.maintenance.addFreeze(null, Instant.parse("2030-01-01T00:00:00Z"),
                        Instant.parse("2030-01-02T00:00:00Z"), "new year")).id();
                return new Call("DELETE", "/api/v1/maintenance/freezes/" + id, null, () -> t.asAdmin(() ->
                        t.maintenance.freezes().stream().anyMatch(f -> f.id() == id)));
            }
        };

        private final int[] expected;

        Endpoint(int admin, int operator, int auditor, int helpdesk) {
            this.expected = new int[] {admin, operator, auditor, helpdesk};
        }

        abstract Call prepare(RestApiTest t);

        int expectedFor(Role role) {
            return expected[role.ordinal()];
        }

        /** A decision on a new change waiting for approval; refused, it leaves the change waiting. */
        private static Call decision(RestApiTest t, String action, String comment) {
            long id = t.requested(false);
            return new Call("POST", "/api/v1/rollouts/" + id + "/" + action, "{\"comment\": \"" + comment + "\"}",
                    () -> t.stateOf(id));
        }

        private static Call read(String path) {
            return new Call("GET", path, null, () -> "reads change nothing");
        }
    }

    static Stream<Arguments> everyEndpointAsEachRole() {
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Role role : Role.values()) {
                rows.add(Arguments.of(endpoint, role, endpoint.expectedFor(role)));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1} answers {2}")
    @MethodSource("everyEndpointAsEachRole")
    void every_endpoint_answers_each_role_as_its_rights_allow_and_a_refused_write_changes_nothing(Endpoint endpoint,
            Role role, int expected) throws Exception {
        Call call = endpoint.prepare(this);
        Object before = call.state().get();

        HttpResponse<String> response = send(call.method(), call.path(), call.body() == null ? null
                : HttpRequest.BodyPublishers.ofString(call.body()), call.contentType(), tokenOf.get(role), "en");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected == 403) {
            assertProblem(response, 403, "forbidden", "api.problem.forbidden");
            assertThat(call.state().get()).isEqualTo(before);
        }
    }

    // ---------------------------------------------------------------- servers and their Domino reload

    @Test
    void a_script_keeps_the_maintenance_calendar_and_is_refused_an_unknown_zone_a_backward_freeze_and_a_gone_window()
            throws Exception {
        String admin = tokenOf.get(Role.ADMIN);
        HttpResponse<String> created = send("POST", "/api/v1/maintenance/windows", """
                {"site": "API-CAL", "day": "SATURDAY", "start": "22:00", "end": "02:00", "zone": "Europe/Berlin"}""",
                admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode window = json.readTree(created.body());
        assertThat(window.get("start").asString()).isEqualTo("22:00:00");
        assertThat(window.get("zone").asString()).isEqualTo("Europe/Berlin");
        JsonNode listed = json.readTree(send("GET", "/api/v1/maintenance/windows", null, tokenOf.get(Role.HELPDESK))
                .body());
        assertThat(listed.toString()).contains("API-CAL");

        assertProblem(send("POST", "/api/v1/maintenance/windows", """
                {"site": "API-CAL", "day": "SUNDAY", "start": "02:00", "end": "05:00", "zone": "Mars/Olympus"}""",
                admin), 422, "refused", "maintenance.zone.unknown");
        assertProblem(send("POST", "/api/v1/maintenance/freezes", """
                {"from": "2030-12-26T00:00:00Z", "until": "2030-12-24T00:00:00Z", "reason": "backwards"}""", admin),
                422, "refused", "maintenance.freeze.order");
        long id = window.get("id").asLong();
        assertThat(send("DELETE", "/api/v1/maintenance/windows/" + id, null, admin).statusCode()).isEqualTo(204);
        assertProblem(send("DELETE", "/api/v1/maintenance/windows/" + id, null, admin), 404, "not-found",
                "maintenance.notFound");
    }

    @Test
    void a_script_adds_a_server_whose_domino_partner_has_an_agent_and_replaces_its_debug_flag_secrets_never_shown()
            throws Exception {
        String token = "api-domino-token-0123456789abcdefghijklmn";
        asAdmin(() -> credentials.create("api-dom-agent", CredentialKind.AGENT_TOKEN, null, token));
        asAdmin(() -> credentials.create("api-dom-account", CredentialKind.WINDOWS_ACCOUNT, "CORP\\svc",
                "api-domino-test-password"));
        String agent = "https://nara-dom01.corp.example:8443 sha256=" + "ab".repeat(32);
        String domino = ", \"dominoAgentAddress\": \"" + agent + "\", \"dominoCredentialName\": \"api-dom-agent\"";

        HttpResponse<String> created = send("POST", "/api/v1/servers",
                serverBody("API-DOM01", freePort(), domino, null), tokenOf.get(Role.OPERATOR));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode server = json.readTree(created.body());
        long id = server.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/servers/" + id);
        JsonNode read = json.readTree(send("GET", "/api/v1/servers/" + id, null, tokenOf.get(Role.HELPDESK)).body());
        assertThat(read.get("dominoAgentAddress").asString()).isEqualTo(agent);
        assertThat(read.get("dominoCredentialName").asString()).isEqualTo("api-dom-agent");
        assertThat(read.get("dominoDebugFlag").asInt()).as("the procedure's example when none is sent").isEqualTo(1);
        assertThat(read.toString()).doesNotContain(token);

        JsonNode badFlag = assertProblem(send("PUT", "/api/v1/servers/" + id, serverBody("API-DOM01", 45001,
                domino + ", \"dominoDebugFlag\": 2", read.get("version").asLong()), tokenOf.get(Role.OPERATOR)),
                422, "refused", "port.console.debugFlagNot0Or1");
        assertThat(badFlag.get("errors").get(0).get("field").asString()).isEqualTo("dominoDebugFlag");
        JsonNode account = assertProblem(send("PUT", "/api/v1/servers/" + id, serverBody("API-DOM01", 45001,
                ", \"dominoAgentAddress\": \"" + agent + "\", \"dominoCredentialName\": \"api-dom-account\"",
                read.get("version").asLong()), tokenOf.get(Role.OPERATOR)), 422, "refused",
                "fleet.credential.notAgentToken");
        assertThat(account.get("errors").get(0).get("field").asString()).isEqualTo("dominoCredentialName");
        JsonNode noVersion = assertProblem(send("PUT", "/api/v1/servers/" + id, serverBody("API-DOM01", 45001, domino,
                null), tokenOf.get(Role.OPERATOR)), 400, "validation", "api.problem.validation");
        assertThat(noVersion.get("errors").get(0).get("field").asString()).isEqualTo("version");

        HttpResponse<String> replaced = send("PUT", "/api/v1/servers/" + id, serverBody("API-DOM01", 45001,
                domino + ", \"dominoDebugFlag\": 0", read.get("version").asLong()), tokenOf.get(Role.OPERATOR));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json.readTree(replaced.body()).get("dominoDebugFlag").asInt()).isZero();
        assertThat(asAdmin(() -> fleet.find(id).orElseThrow().getDominoDebugFlag())).isZero();
    }

    // ---------------------------------------------------------------- authentication

    @Test
    void without_a_token_the_answer_is_401_with_a_bearer_challenge() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/servers", null, null);

        JsonNode problem = assertProblem(response, 401, "unauthenticated", "api.token.missing");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"calcon\"");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/servers");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void a_made_up_token_is_401_and_the_refusals_are_audited_the_first_at_once_the_others_counted() throws Exception {
        jdbc.update("delete from refusal_window");
        long refusedBefore = auditCount(AuditAction.API_TOKEN_REFUSED);

        assertProblem(send("GET", "/api/v1/servers", null, "ccf_made-up"), 401, "unauthenticated",
                "api.token.refused.unknown");
        assertProblem(send("GET", "/api/v1/servers", null, "garbage"), 401, "unauthenticated",
                "api.token.refused.unknown");

        assertThat(auditCount(AuditAction.API_TOKEN_REFUSED)).isEqualTo(refusedBefore + 1);
        assertThat(jdbc.queryForObject("select sum(refusals) from refusal_window where kind = 'API_TOKEN'",
                Long.class)).isEqualTo(2);
    }

    @Test
    void a_revoked_token_and_an_expired_token_are_401() throws Exception {
        var revoked = Users.as(usernameOf(Role.OPERATOR), Role.OPERATOR, () -> tokens.create("to revoke", null));
        var expired = Users.as(usernameOf(Role.OPERATOR), Role.OPERATOR,
                () -> tokens.create("to expire", Instant.now().plusSeconds(3600)));
        assertThat(send("GET", "/api/v1/servers", null, revoked.secret()).statusCode()).isEqualTo(200);
        Users.as(usernameOf(Role.OPERATOR), Role.OPERATOR, () -> tokens.revoke(revoked.info().id()));
        jdbc.update("update api_token set expires_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), expired.info().id());

        assertProblem(send("GET", "/api/v1/servers", null, revoked.secret()), 401, "unauthenticated",
                "api.token.refused.revoked");
        JsonNode expiredProblem = assertProblem(send("GET", "/api/v1/servers", null, expired.secret()), 401,
                "unauthenticated", "api.token.refused.expired");
        assertThat(expiredProblem.get("detail").asString()).isEqualTo("The API token has expired.");
    }

    @Test
    void a_user_limited_to_a_site_reads_nothing_of_another_site_through_any_get_endpoint() throws Exception {
        long kobe = serverAt("Kobe");
        long nara = server();
        String kobeHost = asAdmin(() -> fleet.find(kobe).orElseThrow().getHostName());
        String naraHost = asAdmin(() -> fleet.find(nara).orElseThrow().getHostName());
        long kobeChange = Users.as(REQUESTER, Role.OPERATOR, () -> changes.submit(ChangeDraft.now(List.of(kobe),
                freePort(), "at Kobe", "SITE-1", ChangeDraft.Waves.DEFAULT))).id();
        long naraChange = Users.as(REQUESTER, Role.OPERATOR, () -> changes.submit(ChangeDraft.now(List.of(nara),
                freePort(), "at Nara", "SITE-2", ChangeDraft.Waves.DEFAULT))).id();
        for (Role role : List.of(Role.OPERATOR, Role.HELPDESK)) {
            String username = "api-kobe-" + role.name().toLowerCase(java.util.Locale.ROOT);
            asAdmin(() -> users.createUser(new NewUser(username, username, PASSWORD, role)));
            asAdmin(() -> users.limitToSites(username, java.util.Set.of("Kobe")));
            String token = Users.as(username, role, () -> tokens.create("kobe", null)).secret();

            String servers = send("GET", "/api/v1/servers?size=500", null, token).body();
            assertThat(servers).contains(kobeHost).doesNotContain(naraHost, "\"Nara\"");
            assertThat(send("GET", "/api/v1/servers?site=Nara", null, token).body()).doesNotContain(naraHost);
            assertThat(send("GET", "/api/v1/servers/" + kobe, null, token).statusCode()).isEqualTo(200);
            assertThat(send("GET", "/api/v1/servers/" + nara, null, token).statusCode()).isEqualTo(404);
            HttpResponse<String> firewall = send("GET", "/api/v1/servers/firewall", null, token);
            assertThat(firewall.statusCode()).isEqualTo(200);
            assertThat(firewall.body()).doesNotContain(naraHost);
            String rolloutList = send("GET", "/api/v1/rollouts?size=500", null, token).body();
            List<Long> listed = new ArrayList<>();
            json.readTree(rolloutList).get("items").forEach(item -> listed.add(item.get("id").asLong()));
            assertThat(listed).contains(kobeChange).doesNotContain(naraChange);
            assertThat(send("GET", "/api/v1/rollouts/" + kobeChange, null, token).statusCode()).isEqualTo(200);
            for (String path : List.of("", "/hosts", "/firewall")) {
                assertThat(send("GET", "/api/v1/rollouts/" + naraChange + path, null, token).statusCode())
                        .as(path).isEqualTo(404);
            }
        }
    }

    @Test
    void a_demoted_owners_token_loses_the_right_to_write_and_a_disabled_owners_token_is_refused() throws Exception {
        String username = "api-demoted";
        asAdmin(() -> users.createUser(new NewUser(username, username, PASSWORD, Role.OPERATOR)));
        String token = Users.as(username, Role.OPERATOR, () -> tokens.create("script", null)).secret();
        long id = server();
        long version = asAdmin(() -> fleet.find(id).orElseThrow().getVersion());
        String body = "{\"desiredPort\": " + freePort() + ", \"version\": " + version + "}";

        asAdmin(() -> users.changeUser(username, Role.HELPDESK, true));
        assertThat(send("GET", "/api/v1/servers/" + id, null, token).statusCode()).isEqualTo(200);
        assertProblem(send("PUT", "/api/v1/servers/" + id + "/desired-port", body, token), 403, "forbidden",
                "api.problem.forbidden");

        asAdmin(() -> users.changeUser(username, Role.HELPDESK, false));
        assertProblem(send("GET", "/api/v1/servers/" + id, null, token), 401, "unauthenticated",
                "api.token.refused.owner-disabled");
    }

    @Test
    void the_token_acts_as_its_owner_in_the_audit_trail() throws Exception {
        long id = server();
        long version = asAdmin(() -> fleet.find(id).orElseThrow().getVersion());
        send("PUT", "/api/v1/servers/" + id + "/desired-port", "{\"desiredPort\": " + freePort() + ", \"version\": "
                + version + "}", tokenOf.get(Role.OPERATOR));

        var entry = asAdmin(() -> audit.search(new AuditFilter(null, null, AuditAction.SERVER_UPDATED, null, null),
                Pageable.ofSize(1)).getFirst());
        assertThat(entry.getActor()).isEqualTo(usernameOf(Role.OPERATOR));
    }

    // ---------------------------------------------------------------- retry of the failed hosts

    @Test
    void retrying_the_failed_hosts_makes_a_linked_change_for_approval_and_is_409_while_pending_or_without_failures()
            throws Exception {
        long original = rolledBackRollout();

        HttpResponse<String> created = send("POST", "/api/v1/rollouts/" + original + "/retry-failed", null,
                tokenOf.get(Role.OPERATOR));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode retry = json.readTree(created.body());
        long id = retry.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/rollouts/" + id);
        assertThat(retry.get("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(retry.get("retryOf").asLong()).isEqualTo(original);
        assertThat(retry.get("requestedBy").asString()).isEqualTo(usernameOf(Role.OPERATOR));
        assertThat(retry.get("counts").get("pending").asInt()).isEqualTo(1);
        JsonNode origin = json.readTree(send("GET", "/api/v1/rollouts/" + original, null,
                tokenOf.get(Role.HELPDESK)).body());
        assertThat(origin.get("retries").get(0).asLong()).isEqualTo(id);
        assertThat(origin.get("retryOf").isNull()).isTrue();
        assertProblem(send("POST", "/api/v1/rollouts/" + id + "/approve", null, tokenOf.get(Role.OPERATOR)), 422,
                "refused", "rollout.approve.own");

        JsonNode pending = assertProblem(send("POST", "/api/v1/rollouts/" + id + "/retry-failed", null,
                tokenOf.get(Role.OPERATOR)), 409, "conflict", "rollout.retry.not-finished");
        assertThat(pending.get("detail").asString()).contains("#" + id);
        long rejected = requested(false);
        Users.as(usernameOf(Role.ADMIN), Role.ADMIN, () -> changes.reject(rejected, "not now"));
        assertProblem(send("POST", "/api/v1/rollouts/" + rejected + "/retry-failed", null, tokenOf.get(Role.ADMIN)),
                409, "conflict", "rollout.retry.nothing");
        assertProblem(send("POST", "/api/v1/rollouts/999999/retry-failed", null, tokenOf.get(Role.ADMIN)), 404,
                "not-found", "rollout.change.unknown");
    }

    // ---------------------------------------------------------------- deleting a server

    @Test
    void deleting_a_server_wants_the_version_read_refuses_a_stale_one_and_is_audited_with_the_reason()
            throws Exception {
        long id = server();
        String host = asAdmin(() -> fleet.find(id).orElseThrow().getHostName());
        long version = versionOf(id);
        assertThat(send("PUT", "/api/v1/servers/" + id + "/desired-port", "{\"desiredPort\": " + freePort()
                + ", \"version\": " + version + "}", tokenOf.get(Role.ADMIN)).statusCode()).isEqualTo(200);

        JsonNode missing = assertProblem(send("DELETE", "/api/v1/servers/" + id, null, tokenOf.get(Role.OPERATOR)),
                400, "validation", "api.problem.validation");
        assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(missing.get("errors").get(0).get("message").asString()).isEqualTo("must be given");
        JsonNode stale = assertProblem(send("DELETE", "/api/v1/servers/" + id + "?version=" + version, null,
                tokenOf.get(Role.OPERATOR)), 409, "conflict", "api.server.stale");
        assertThat(stale.get("changedBy").asString()).isEqualTo(usernameOf(Role.ADMIN));
        assertThat(stale.get("theirChanges").get(0).get("field").asString()).isEqualTo("desiredPort");
        assertThat(asAdmin(() -> fleet.find(id))).isPresent();

        HttpResponse<String> deleted = send("DELETE", "/api/v1/servers/" + id + "?version=" + versionOf(id)
                + "&reason=" + URLEncoder.encode("retired CHG-7", StandardCharsets.UTF_8), null,
                tokenOf.get(Role.OPERATOR));

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertProblem(send("GET", "/api/v1/servers/" + id, null, tokenOf.get(Role.HELPDESK)), 404, "not-found",
                "api.server.unknown");
        assertProblem(send("DELETE", "/api/v1/servers/" + id + "?version=0", null, tokenOf.get(Role.OPERATOR)), 404,
                "not-found", "api.server.unknown");
        var entry = asAdmin(() -> audit.search(new AuditFilter("server:" + host, null, AuditAction.SERVER_DELETED,
                null, null), Pageable.ofSize(1)).getFirst());
        assertThat(entry.getActor()).isEqualTo(usernameOf(Role.OPERATOR));
        assertThat(entry.getReason()).isEqualTo("retired CHG-7");
        assertThat(entry.getBefore()).contains(host);
    }

    // ---------------------------------------------------------------- CSV import

    @Test
    void a_dry_run_returns_every_row_as_read_with_the_refused_ones_and_why_and_stores_nothing() throws Exception {
        long existing = server();
        String stored = asAdmin(() -> fleet.find(existing).orElseThrow().getHostName());
        String file = CSV_HEADER + csvLine("IMP-DRY01", freePort()) + csvLine(stored, freePort())
                + csvLine("IMP DRY03", freePort()) + csvLine("IMP-DRY04", 1024) + "IMP-DRY05,too,few\r\n";

        HttpResponse<String> response = send("POST", "/api/v1/servers/import?dryRun=true",
                HttpRequest.BodyPublishers.ofString(file), CSV, tokenOf.get(Role.OPERATOR), "en");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = json.readTree(response.body());
        assertThat(preview.get("dryRun").asBoolean()).isTrue();
        assertThat(preview.get("encoding").asString()).isEqualTo("UTF_8");
        assertThat(preview.get("valid").asInt()).isEqualTo(2);
        assertThat(preview.get("refused").asInt()).isEqualTo(3);
        assertThat(preview.get("existing").asInt()).isEqualTo(1);
        assertThat(preview.get("added").isNull()).isTrue();
        JsonNode rows = preview.get("rows");
        assertThat(rows).extracting(row -> row.get("line").asInt() + " " + row.get("outcome").asString())
                .containsExactly("2 NEW", "3 EXISTING", "4 REFUSED", "5 REFUSED", "6 REFUSED");
        assertThat(rows.get(0).get("values").get("site").asString()).isEqualTo("Nara");
        assertThat(rows.get(2).get("problems").get(0).get("messageKey").asString()).isEqualTo("fleet.host.badLabel");
        assertThat(rows.get(3).get("problems").get(0).get("field").asString()).isEqualTo("desiredPort");
        assertThat(rows.get(3).get("problems").get(0).get("message").asString()).contains("1024");
        assertThat(rows.get(4).get("hostName").asString()).isEqualTo("IMP-DRY05");
        assertThat(rows.get(4).get("problems").get(0).get("messageKey").asString())
                .isEqualTo("fleet.import.columnCount");
        assertThat(asAdmin(() -> fleet.count(new ServerFilter("IMP-DRY", null)))).isZero();
    }

    @Test
    void a_shift_jis_file_with_the_japanese_header_is_detected_and_imported_skipping_refused_rows_and_audited()
            throws Exception {
        String file = String.join(",", ServerCsv.Header.JAPANESE.columns()) + "\r\n"
                + csvLine("IMP-SJ01", freePort()).replace("Nara", "奈良") + csvLine("IMP-SJ02", 80);
        long importsBefore = auditCount(AuditAction.SERVERS_IMPORTED);

        HttpResponse<String> response = send("POST", "/api/v1/servers/import?reason=CHG-12",
                HttpRequest.BodyPublishers.ofByteArray(file.getBytes(java.nio.charset.Charset.forName("windows-31j"))),
                CSV, tokenOf.get(Role.OPERATOR), "ja");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode imported = json.readTree(response.body());
        assertThat(imported.get("dryRun").asBoolean()).isFalse();
        assertThat(imported.get("encoding").asString()).isEqualTo("CP932");
        assertThat(imported.get("added").asInt()).isEqualTo(1);
        assertThat(imported.get("updated").asInt()).isZero();
        assertThat(imported.get("rows").get(1).get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(imported.get("rows").get(1).get("problems").get(0).get("message").asString())
                .isNotEqualTo(imported.get("rows").get(1).get("problems").get(0).get("messageKey").asString());
        assertThat(asAdmin(() -> fleet.list(new ServerFilter("IMP-SJ", null), Pageable.ofSize(10))))
                .extracting(ExchangeServer::getSite).containsExactly("奈良");
        assertThat(auditCount(AuditAction.SERVERS_IMPORTED)).isEqualTo(importsBefore + 1);
        var entry = asAdmin(() -> audit.search(new AuditFilter(null, null, AuditAction.SERVERS_IMPORTED, null, null),
                Pageable.ofSize(1)).getFirst());
        assertThat(entry.getActor()).isEqualTo(usernameOf(Role.OPERATOR));
        assertThat(entry.getReason()).isEqualTo("CHG-12");
    }

    @Test
    void hosts_already_in_the_inventory_refuse_the_import_unless_it_may_update_them() throws Exception {
        long existing = server();
        String stored = asAdmin(() -> fleet.find(existing).orElseThrow().getHostName());
        int port = freePort();
        String file = CSV_HEADER + csvLine("IMP-DUP01", freePort()) + csvLine(stored, port);

        JsonNode refused = assertProblem(send("POST", "/api/v1/servers/import", HttpRequest.BodyPublishers
                .ofString(file), CSV, tokenOf.get(Role.ADMIN), "en"), 422, "refused", "fleet.host.duplicate");
        assertThat(refused.get("errors").get(0).get("message").asString()).contains(stored);
        assertThat(asAdmin(() -> fleet.count(new ServerFilter("IMP-DUP", null)))).isZero();

        HttpResponse<String> updated = send("POST", "/api/v1/servers/import?duplicates=UPDATE",
                HttpRequest.BodyPublishers.ofString(file), CSV, tokenOf.get(Role.ADMIN), "en");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json.readTree(updated.body()).get("added").asInt()).isEqualTo(1);
        assertThat(json.readTree(updated.body()).get("updated").asInt()).isEqualTo(1);
        assertThat(asAdmin(() -> fleet.find(existing).orElseThrow().getDesiredPort())).isEqualTo(port);
    }

    @Test
    void a_file_that_is_not_csv_in_its_encoding_or_has_no_valid_row_is_422_naming_the_line() throws Exception {
        String operator = tokenOf.get(Role.OPERATOR);
        JsonNode syntax = assertProblem(send("POST", "/api/v1/servers/import?dryRun=true", HttpRequest.BodyPublishers
                .ofString(CSV_HEADER + "IMP-BAD01,\"never closed\r\n"), CSV, operator, "en"), 422, "refused",
                "fleet.import.syntax");
        assertThat(syntax.get("line").asInt()).isEqualTo(2);
        byte[] latin1 = (CSV_HEADER + csvLine("IMP-BAD02", freePort()).replace("Nara", "Malmö"))
                .getBytes(StandardCharsets.ISO_8859_1);
        JsonNode undecodable = assertProblem(send("POST", "/api/v1/servers/import?encoding=UTF_8",
                HttpRequest.BodyPublishers.ofByteArray(latin1), CSV, operator, "en"), 422, "refused",
                "api.import.undecodable");
        assertThat(undecodable.get("line").asInt()).isEqualTo(2);
        assertThat(undecodable.get("encoding").asString()).isEqualTo("UTF_8");
        JsonNode nothing = assertProblem(send("POST", "/api/v1/servers/import", HttpRequest.BodyPublishers.ofString(
                CSV_HEADER + csvLine("IMP-BAD03", 1024)), CSV, operator, "en"), 422, "refused", "api.import.nothing");
        assertThat(nothing.get("rows").get(0).get("outcome").asString()).isEqualTo("REFUSED");
        JsonNode encoding = assertProblem(send("POST", "/api/v1/servers/import?encoding=LATIN1",
                HttpRequest.BodyPublishers.ofByteArray(latin1), CSV, operator, "en"), 400, "validation",
                "api.problem.validation");
        assertThat(encoding.get("errors").get(0).get("field").asString()).isEqualTo("encoding");
        assertThat(asAdmin(() -> fleet.count(new ServerFilter("IMP-BAD", null)))).isZero();
    }

    @Test
    void the_file_may_come_as_a_multipart_upload_whose_file_part_is_required() throws Exception {
        String boundary = "calcon-test-boundary";
        String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fleet.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv("IMP-MP01") + "\r\n--" + boundary + "--\r\n";
        String multipart = "multipart/form-data; boundary=" + boundary;

        HttpResponse<String> response = send("POST", "/api/v1/servers/import?dryRun=true",
                HttpRequest.BodyPublishers.ofString(upload), multipart, tokenOf.get(Role.ADMIN), "en");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("rows").get(0).get("hostName").asString()).isEqualTo("IMP-MP01");
        String noFile = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                + boundary + "--\r\n";
        JsonNode problem = assertProblem(send("POST", "/api/v1/servers/import", HttpRequest.BodyPublishers
                .ofString(noFile), multipart, tokenOf.get(Role.ADMIN), "en"), 400, "validation",
                "api.problem.validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    // ---------------------------------------------------------------- Domino confirmation and rollback

    @Test
    void confirming_the_runbooks_domino_commands_ends_the_host_run_and_is_refused_when_not_waiting()
            throws Exception {
        HostRunView run = awaitingDominoConfirmation();
        String path = "/api/v1/rollouts/" + run.rolloutId() + "/hosts/" + run.id() + "/confirm-domino";
        assertProblem(send("POST", "/api/v1/rollouts/" + requested(false) + "/hosts/" + run.id() + "/confirm-domino",
                null, tokenOf.get(Role.OPERATOR)), 404, "not-found", "rollout.run.unknown");
        assertProblem(send("POST", "/api/v1/rollouts/" + run.rolloutId() + "/hosts/999999/confirm-domino", null,
                tokenOf.get(Role.OPERATOR)), 404, "not-found", "rollout.run.unknown");

        HttpResponse<String> confirmed = send("POST", path, "{\"comment\": \"typed on NGY-DOM01\"}",
                tokenOf.get(Role.OPERATOR));

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode host = json.readTree(confirmed.body());
        assertThat(host.get("state").asString()).isEqualTo("DONE");
        assertThat(host.get("dominoConfirmedBy").asString()).isEqualTo(usernameOf(Role.OPERATOR));
        assertThat(host.get("dominoCommands").asString()).startsWith("Excalcon q / LOAD EXCALCON " + run.hostName());
        assertProblem(send("POST", path, null, tokenOf.get(Role.ADMIN)), 409, "conflict", "rollout.run.not-awaiting");
    }

    @Test
    void rolling_back_a_finished_rollout_makes_a_linked_change_for_approval_with_a_reason_and_the_screens_rules()
            throws Exception {
        long original = ranToEnd(false);
        assertThat(stateOf(original)).isEqualTo(ChangeState.DONE);
        String path = "/api/v1/rollouts/" + original + "/rollback";
        assertProblem(send("POST", path, "{}", tokenOf.get(Role.OPERATOR)), 422, "refused",
                "rollout.submit.reason-required");

        HttpResponse<String> created = send("POST", path, "{\"reason\": \"the firewall change was postponed\"}",
                tokenOf.get(Role.OPERATOR));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode rollback = json.readTree(created.body());
        long id = rollback.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/rollouts/" + id);
        assertThat(rollback.get("rollbackOf").asLong()).isEqualTo(original);
        assertThat(rollback.get("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(rollback.get("ticket").asString()).as("the rollout's").isEqualTo("API-3");
        assertThat(rollback.get("targetPort").asInt()).as("the new simulated host had no port: back to dynamic")
                .isZero();
        assertProblem(send("POST", "/api/v1/rollouts/" + id + "/rollback", "{\"reason\": \"x\"}",
                tokenOf.get(Role.OPERATOR)), 409, "conflict", "rollout.rollback.not-finished");
        Users.as(usernameOf(Role.ADMIN), Role.ADMIN, () -> changes.reject(id, "keep the new port"));
        assertProblem(send("POST", "/api/v1/rollouts/" + id + "/rollback", "{\"reason\": \"x\"}",
                tokenOf.get(Role.OPERATOR)), 409, "conflict", "rollout.rollback.of-rollback");
        long rejected = requested(false);
        Users.as(usernameOf(Role.ADMIN), Role.ADMIN, () -> changes.reject(rejected, "not now"));
        assertProblem(send("POST", "/api/v1/rollouts/" + rejected + "/rollback", "{\"reason\": \"x\"}",
                tokenOf.get(Role.OPERATOR)), 409, "conflict", "rollout.rollback.nothing");
        assertProblem(send("POST", "/api/v1/rollouts/999999/rollback", "{\"reason\": \"x\"}",
                tokenOf.get(Role.OPERATOR)), 404, "not-found", "rollout.change.unknown");
    }

    // ---------------------------------------------------------------- firewall exports

    @Test
    void a_rollouts_firewall_is_one_script_and_one_csv_for_all_its_hosts_naming_those_without_a_plan()
            throws Exception {
        long first = addressedServer("FW-EX01", "10.20.0.1", "FW-DOM", "10.20.9.9", 45201);
        long second = addressedServer("FW-EX02", "10.20.0.2", "FW-DOM", "10.20.9.9", 45202);
        long unaddressed = server();
        long rollout = Users.as(REQUESTER, Role.OPERATOR, () -> changes.submit(ChangeDraft.now(
                List.of(first, second, unaddressed), 45203, "firewall for the network team", "FW-1",
                ChangeDraft.Waves.DEFAULT))).id();
        String helpdesk = tokenOf.get(Role.HELPDESK);

        HttpResponse<String> script = send("GET", "/api/v1/rollouts/" + rollout + "/firewall?format=netsh", null,
                helpdesk);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("firewall-rollout-" + rollout + ".cmd"));
        assertThat(script.body().lines().filter(line -> line.startsWith("REM ---- on "))).containsExactly(
                "REM ---- on FW-EX01 (10.20.0.1) ----", "REM ---- on FW-DOM (10.20.9.9) ----",
                "REM ---- on FW-EX02 (10.20.0.2) ----");
        assertThat(script.body()).contains("45203", "Not covered", asAdmin(() -> fleet.find(unaddressed)
                .orElseThrow().getHostName())).doesNotContain("45201", "45202");

        HttpResponse<String> csv = send("GET", "/api/v1/rollouts/" + rollout + "/firewall", null, helpdesk);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body().split("\r\n")).hasSize(1 + 2 * 4).allMatch(line -> line.startsWith("Direction,")
                || line.contains("FW-EX0"));

        assertProblem(send("GET", "/api/v1/rollouts/999999/firewall", null, helpdesk), 404, "not-found",
                "rollout.change.unknown");
        assertProblem(send("GET", "/api/v1/rollouts/" + rollout + "/firewall?format=pdf", null, helpdesk), 400,
                "validation", "api.problem.validation");
    }

    @Test
    void the_firewall_of_the_filtered_servers_takes_each_at_its_desired_port() throws Exception {
        addressedServer("FWS-EX01", "10.21.0.1", "FWS-DOM", "10.21.9.9", 45211);
        addressedServer("FWS-EX02", "10.21.0.2", "FWS-DOM", "10.21.9.9", 45212);

        String csv = send("GET", "/api/v1/servers/firewall?q=FWS-", null, tokenOf.get(Role.AUDITOR)).body();

        assertThat(csv.split("\r\n")).hasSize(1 + 2 * 4);
        assertThat(csv).contains("FWS-EX01", "45211", "FWS-EX02", "45212");
    }

    /** A server whose firewall plan can be made: its address and its Domino partner's are recorded. */
    private long addressedServer(String host, String address, String partner, String partnerAddress,
            int desiredPort) {
        return asAdmin(() -> Objects.requireNonNull(fleet.create(new ServerValues(host, address, "Nara", "2007 SP3",
                ConnectorKind.LOTUS_DOMINO, partner, partnerAddress, "ExchangeFreeBusy", "MSExchangeCalCon",
                BackendKind.SIMULATED, null, null, desiredPort, null, null, null, 1)).getId()));
    }

    // ---------------------------------------------------------------- problem details

    @Test
    void a_request_without_a_required_field_is_400_naming_the_field() throws Exception {
        long id = server();
        JsonNode problem = assertProblem(send("PUT", "/api/v1/servers/" + id + "/desired-port",
                "{\"desiredPort\": 45001}", tokenOf.get(Role.OPERATOR)), 400, "validation", "api.problem.validation");

        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("must be given");
    }

    @Test
    void bad_query_parameters_and_unreadable_bodies_are_400_naming_what_is_wrong() throws Exception {
        JsonNode size = assertProblem(send("GET", "/api/v1/servers?size=5000", null, tokenOf.get(Role.HELPDESK)),
                400, "validation", "api.problem.validation");
        assertThat(size.get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(size.get("errors").get(0).get("message").asString()).isEqualTo("must be at most 500");

        JsonNode action = assertProblem(send("GET", "/api/v1/audit/entries?action=NOPE", null,
                tokenOf.get(Role.AUDITOR)), 400, "validation", "api.problem.validation");
        assertThat(action.get("errors").get(0).get("field").asString()).isEqualTo("action");

        JsonNode body = assertProblem(send("POST", "/api/v1/rollouts/plan", "{\"serverIds\": \"x\"}",
                tokenOf.get(Role.OPERATOR)), 400, "validation", "api.problem.validation");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("serverIds");

        JsonNode waves = assertProblem(send("POST", "/api/v1/rollouts/plan", "{\"serverIds\": [1], \"port\": 45001,"
                + " \"waves\": {\"canarySize\": 0, \"waveSize\": 0, \"concurrency\": 1, \"failureThreshold\": 0}}",
                tokenOf.get(Role.OPERATOR)), 400, "validation", "api.problem.validation");
        assertThat(waves.get("errors").get(0).get("field").asString()).isEqualTo("waves.waveSize");
    }

    @Test
    void a_port_against_the_port_rules_is_422_with_the_rules_message_in_the_callers_language() throws Exception {
        long id = server();
        long version = asAdmin(() -> fleet.find(id).orElseThrow().getVersion());
        String body = "{\"desiredPort\": 1024, \"version\": " + version + "}";

        JsonNode english = assertProblem(send("PUT", "/api/v1/servers/" + id + "/desired-port", body,
                tokenOf.get(Role.OPERATOR)), 422, "refused", null);
        JsonNode japanese = assertProblem(send("PUT", "/api/v1/servers/" + id + "/desired-port", body,
                tokenOf.get(Role.OPERATOR), "ja"), 422, "refused", null);

        assertThat(english.get("errors").get(0).get("field").asString()).isEqualTo("desiredPort");
        assertThat(english.get("messageKey").asString()).startsWith("port.");
        assertThat(english.get("detail").asString()).contains("1024");
        assertThat(japanese.get("title").asString()).isEqualTo("拒否されました");
        assertThat(japanese.get("detail").asString()).isNotEqualTo(english.get("detail").asString());
        assertThat(asAdmin(() -> fleet.find(id).orElseThrow().getVersion())).isEqualTo(version);
    }

    @Test
    void a_plan_answers_in_the_callers_language_with_each_findings_code() throws Exception {
        long id = server();
        String host = asAdmin(() -> fleet.find(id).orElseThrow().getHostName());
        String body = changeBody(id, freePort());

        JsonNode english = json.readTree(send("POST", "/api/v1/rollouts/plan", body, tokenOf.get(Role.OPERATOR))
                .body()).get("hosts").get(0);
        JsonNode japanese = json.readTree(send("POST", "/api/v1/rollouts/plan", body, tokenOf.get(Role.OPERATOR),
                "ja").body()).get("hosts").get(0);

        assertThat(english.get("diffs").get(2).get("after").asString()).isEqualTo("restarted, Running");
        assertThat(japanese.get("diffs").get(2).get("after").asString()).isEqualTo("再起動して実行中");
        assertThat(japanese.get("prechecks").get(0).get("code").asString())
                .isEqualTo(english.get("prechecks").get(0).get("code").asString())
                .isEqualTo("rollout.precheck.policy.allowed");
        StringBuilder shown = new StringBuilder();
        for (JsonNode diff : japanese.get("diffs")) {
            shown.append(diff.get("name").asString()).append(": ").append(diff.get("before").asString())
                    .append(" → ").append(diff.get("after").asString()).append('\n');
        }
        for (JsonNode check : japanese.get("prechecks")) {
            shown.append(check.get("detail").asString()).append('\n');
        }
        Rendered.assertNoEnglishSentence(shown.toString(), host, "DOM-" + host, "MSExchangeCalCon",
                CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, CalConRegistry.NOTES_SIDE_PORT_VALUE);
    }

    @Test
    void a_port_the_port_policy_forbids_is_422_with_the_message_a_plan_gives_and_nothing_is_stored() throws Exception {
        long id = server();
        long version = asAdmin(() -> fleet.find(id).orElseThrow().getVersion());
        String planned = Users.as(REQUESTER, Role.OPERATOR, () -> changes.plan(ChangeDraft.now(List.of(id), 1025,
                "policy", null, ChangeDraft.Waves.DEFAULT))).hosts().getFirst().prechecks().stream()
                .filter(check -> check.check() == Precheck.Check.POLICY).findFirst().map(check -> Rendered.english(
                        check.detail())).orElseThrow();

        JsonNode problem = assertProblem(send("PUT", "/api/v1/servers/" + id + "/desired-port",
                "{\"desiredPort\": 1025, \"version\": " + version + "}", tokenOf.get(Role.OPERATOR)), 422, "refused",
                "port.refusal.outsidePolicyRanges");

        assertThat(problem.get("detail").asString()).isEqualTo(planned)
                .isEqualTo("1025 is outside the port policy's ranges: 45000-45999");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("desiredPort");
        assertThat(asAdmin(() -> fleet.find(id).orElseThrow().getDesiredPort())).isEqualTo(45001);
    }

    @Test
    void setting_the_port_of_a_simulated_server_that_still_holds_an_address_clears_it_as_every_save_does()
            throws Exception {
        long id = server();
        jdbc.update("update exchange_server set backend_address = 'sim://leftover' where id = ?", id);
        long version = asAdmin(() -> fleet.find(id).orElseThrow().getVersion());

        assertThat(send("PUT", "/api/v1/servers/" + id + "/desired-port", "{\"desiredPort\": " + freePort()
                + ", \"version\": " + version + "}", tokenOf.get(Role.OPERATOR)).statusCode()).isEqualTo(200);

        assertThat(asAdmin(() -> fleet.find(id).orElseThrow().getBackendAddress())).isNull();
    }

    @Test
    void a_stale_version_is_409_naming_who_changed_the_server() throws Exception {
        long id = server();
        long version = asAdmin(() -> fleet.find(id).orElseThrow().getVersion());
        String first = "{\"desiredPort\": " + freePort() + ", \"version\": " + version + "}";
        assertThat(send("PUT", "/api/v1/servers/" + id + "/desired-port", first, tokenOf.get(Role.ADMIN))
                .statusCode()).isEqualTo(200);

        JsonNode problem = assertProblem(send("PUT", "/api/v1/servers/" + id + "/desired-port",
                "{\"desiredPort\": " + freePort() + ", \"version\": " + version + "}", tokenOf.get(Role.OPERATOR)),
                409, "conflict", "api.server.stale");

        assertThat(problem.get("changedBy").asString()).isEqualTo(usernameOf(Role.ADMIN));
        assertThat(problem.get("detail").asString()).startsWith(usernameOf(Role.ADMIN) + " changed the server");
        assertThat(problem.get("theirChanges")).as("what the admin changed since the version read").hasSize(1);
        assertThat(problem.get("theirChanges").get(0).get("field").asString()).isEqualTo("desiredPort");
    }

    @Test
    void a_stale_replace_names_each_value_changed_since_the_version_read() throws Exception {
        long id = server();
        ExchangeServer server = asAdmin(() -> fleet.find(id).orElseThrow());
        long version = server.getVersion();
        int port = freePort();
        assertThat(send("PUT", "/api/v1/servers/" + id, serverBody(server.getHostName(), port,
                ", \"notes\": \"moved to rack 7\"", version), tokenOf.get(Role.ADMIN)).statusCode()).isEqualTo(200);

        JsonNode problem = assertProblem(send("PUT", "/api/v1/servers/" + id,
                serverBody(server.getHostName(), port, "", version), tokenOf.get(Role.OPERATOR)),
                409, "conflict", "api.server.stale");

        List<String> fields = new ArrayList<>();
        problem.get("theirChanges").forEach(change -> fields.add(change.get("field").asString()));
        assertThat(fields).contains("notes", "desiredPort");
        problem.get("theirChanges").forEach(change -> {
            if (change.get("field").asString().equals("notes")) {
                assertThat(change.get("after").asString()).isEqualTo("moved to rack 7");
            }
        });
    }

    @Test
    void unknown_servers_and_rollouts_are_404() throws Exception {
        assertProblem(send("GET", "/api/v1/servers/999999", null, tokenOf.get(Role.HELPDESK)), 404, "not-found",
                "api.server.unknown");
        assertProblem(send("GET", "/api/v1/rollouts/999999", null, tokenOf.get(Role.HELPDESK)), 404, "not-found",
                "rollout.change.unknown");
        assertProblem(send("POST", "/api/v1/rollouts/999999/approve", "{}", tokenOf.get(Role.OPERATOR)), 404,
                "not-found", "rollout.change.unknown");
    }

    @Test
    void approving_ones_own_change_is_422_and_deciding_twice_is_409() throws Exception {
        HttpResponse<String> submitted = send("POST", "/api/v1/rollouts", changeBody(server(), freePort()),
                tokenOf.get(Role.OPERATOR));
        assertThat(submitted.statusCode()).isEqualTo(201);
        long id = json.readTree(submitted.body()).get("id").asLong();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/v1/rollouts/" + id);

        JsonNode own = assertProblem(send("POST", "/api/v1/rollouts/" + id + "/approve", null,
                tokenOf.get(Role.OPERATOR)), 422, "refused", "rollout.approve.own");
        assertThat(own.get("detail").asString()).contains("requested by you");
        assertThat(send("POST", "/api/v1/rollouts/" + id + "/reject", "{\"comment\": \"no\"}",
                tokenOf.get(Role.ADMIN)).statusCode()).isEqualTo(200);
        assertProblem(send("POST", "/api/v1/rollouts/" + id + "/approve", null, tokenOf.get(Role.ADMIN)), 409,
                "conflict", "rollout.approve.state");
    }

    @Test
    void a_submitted_change_shows_its_counts_and_host_runs() throws Exception {
        long server = server();
        long id = json.readTree(send("POST", "/api/v1/rollouts", changeBody(server, freePort()),
                tokenOf.get(Role.OPERATOR)).body()).get("id").asLong();

        JsonNode rollout = json.readTree(send("GET", "/api/v1/rollouts/" + id, null, tokenOf.get(Role.HELPDESK)).body());
        JsonNode hosts = json.readTree(send("GET", "/api/v1/rollouts/" + id + "/hosts", null,
                tokenOf.get(Role.HELPDESK)).body());

        assertThat(rollout.get("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(rollout.get("counts").get("total").asInt()).isEqualTo(1);
        assertThat(rollout.get("counts").get("pending").asInt()).isEqualTo(1);
        assertThat(hosts.get("total").asLong()).isEqualTo(1);
        assertThat(hosts.get("items").get(0).get("serverId").asLong()).isEqualTo(server);
        assertThat(hosts.get("items").get(0).get("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void why_a_rollout_ended_is_rendered_in_the_callers_language() throws Exception {
        long id = requested(false);

        JsonNode cancelled = json.readTree(send("POST", "/api/v1/rollouts/" + id + "/cancel",
                "{\"comment\": \"not tonight\"}", tokenOf.get(Role.OPERATOR), "ja").body());
        JsonNode english = json.readTree(send("GET", "/api/v1/rollouts/" + id, null, tokenOf.get(Role.HELPDESK)).body());

        String stored = jdbc.queryForObject("select end_reason from change_request where id = ?", String.class, id);
        assertThat(StoredMessage.parse(stored)).as("stored as a message").isPresent();
        assertThat(cancelled.get("endReason").asString()).endsWith("が取り消しました: not tonight");
        assertThat(english.get("endReason").asString()).startsWith("cancelled by ").endsWith(": not tonight");
    }

    @Test
    void a_host_runs_stored_message_is_rendered_in_the_callers_language() throws Exception {
        long id = json.readTree(send("POST", "/api/v1/rollouts", changeBody(server(), freePort()),
                tokenOf.get(Role.OPERATOR)).body()).get("id").asLong();
        jdbc.update("update host_run set last_message = ? where change_request_id = ?", StoredMessage.of(
                "rollout.run.done-domino", StoredMessage.verbatim("DOMINO-7/Acme")).toJson(), id);

        JsonNode english = json.readTree(send("GET", "/api/v1/rollouts/" + id + "/hosts", null,
                tokenOf.get(Role.HELPDESK)).body()).get("items").get(0);
        JsonNode japanese = json.readTree(send("GET", "/api/v1/rollouts/" + id + "/hosts", null,
                tokenOf.get(Role.HELPDESK), "ja").body()).get("items").get(0);

        assertThat(english.get("lastMessage").asString()).isEqualTo("done; EXCALCON reloaded on DOMINO-7/Acme");
        assertThat(japanese.get("lastMessage").asString()).isEqualTo("完了。DOMINO-7/Acme で EXCALCON を再読み込みしました");
        String plannedAsStored = jdbc.queryForObject("select planned from host_run where change_request_id = ?",
                String.class, id);
        assertThat(StoredMessage.parse(plannedAsStored)).as("the plan is stored as a message").isPresent();
        assertThat(english.get("planned").asString()).isNotEqualTo(plannedAsStored).contains("45");
        assertThat(japanese.get("planned").asString()).isNotEqualTo(plannedAsStored)
                .isNotEqualTo(english.get("planned").asString());
    }

    @Test
    void the_audit_export_is_csv_and_the_verification_says_the_chain_is_intact() throws Exception {
        HttpResponse<String> csv = send("GET", "/api/v1/audit/export?action=USER_CREATED", null,
                tokenOf.get(Role.AUDITOR));
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("audit-trail.csv"));
        assertThat(csv.body()).startsWith("seq,occurred_at,actor,action,subject").contains("user:" + REQUESTER);

        JsonNode verified = json.readTree(send("POST", "/api/v1/audit/verify", null, tokenOf.get(Role.AUDITOR), "ja")
                .body());
        assertThat(verified.get("intact").asBoolean()).isTrue();
        assertThat(verified.get("message").asString()).contains("改ざん").isNotBlank();
    }

    @Test
    void audit_entries_carry_the_stored_values_the_hash_covers_and_beside_them_the_values_in_the_callers_language()
            throws Exception {
        String path = "/api/v1/audit/entries?action=USER_CREATED&subject=user:" + REQUESTER;

        JsonNode japanese = json.readTree(send("GET", path, null, tokenOf.get(Role.AUDITOR), "ja").body())
                .get("items").get(0);
        JsonNode english = json.readTree(send("GET", path, null, tokenOf.get(Role.AUDITOR), "en").body())
                .get("items").get(0);

        String stored = StoredMessage.of("users.value.roleAndName", new StoredMessage.Choice("role.operator"),
                StoredMessage.verbatim(REQUESTER)).toJson();
        assertThat(japanese.get("after").asString()).isEqualTo(stored);
        assertThat(english.get("after").asString()).isEqualTo(stored);
        assertThat(japanese.get("afterText").asString()).isEqualTo("オペレーター、表示名 " + REQUESTER);
        assertThat(english.get("afterText").asString()).isEqualTo("Operator, display name " + REQUESTER);
        assertThat(japanese.get("actionText").asString()).isEqualTo("ユーザー作成");
    }

    @Test
    void a_discovery_answers_what_the_forest_lists_that_the_inventory_lacks_with_the_connector_guess_and_adds_nothing()
            throws Exception {
        discoveryAccount();
        long servers = asAdmin(() -> fleet.count(org.calconfleet.fleet.ServerFilter.NONE));

        HttpResponse<String> response = send("POST", "/api/v1/discovery", null, tokenOf.get(Role.ADMIN), "ja");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode discovery = json.readTree(response.body());
        assertThat(discovery.get("configurationContext").asString()).isEqualTo(ExchangeForest.CONFIGURATION);
        assertThat(discovery.get("directoryServers").asInt()).isEqualTo(11);
        JsonNode mailbox = null;
        for (JsonNode found : discovery.get("notInInventory")) {
            if (found.get("name").asString().equals("TKY-MBX01")) {
                mailbox = found;
            }
        }
        assertThat(mailbox).isNotNull();
        assertThat(mailbox.get("version").asString()).isEqualTo("2007 SP3");
        assertThat(mailbox.get("connector").asString()).isEqualTo("NOT_EXPECTED");
        assertThat(mailbox.get("connectorText").asString()).contains("Exchange 2007");
        assertThat(mailbox.get("selectable").asBoolean()).isTrue();
        assertThat(mailbox.get("preselected").asBoolean()).isFalse();
        assertThat(mailbox.get("proposal").get("site").asString()).isEqualTo("Tokyo");
        assertThat(asAdmin(() -> fleet.count(org.calconfleet.fleet.ServerFilter.NONE))).isEqualTo(servers);
    }

    /** Discovery reads the test forest with a Windows account of the vault. */
    void discoveryAccount() {
        Users.as("api-test-setup", Role.ADMIN, () -> {
            if (!credentials.names().contains(DISCOVERY_CREDENTIAL)) {
                credentials.create(DISCOVERY_CREDENTIAL, CredentialKind.WINDOWS_ACCOUNT, ExchangeForest.ACCOUNT,
                        ExchangeForest.PASSWORD);
            }
        });
    }

    @DynamicPropertySource
    static void forest(DynamicPropertyRegistry properties) {
        properties.add("calcon.discovery.url", ExchangeForest::url);
        properties.add("calcon.discovery.credential", () -> DISCOVERY_CREDENTIAL);
        properties.add("calcon.discovery.page-size", () -> ExchangeForest.MAX_PAGE_SIZE);
    }

    // ---------------------------------------------------------------- OpenAPI and Swagger UI

    @Test
    void the_openapi_document_and_swagger_ui_are_for_a_signed_in_administrator_only() throws Exception {
        HttpClient admin = signedIn(usernameOf(Role.ADMIN));
        HttpResponse<String> docs = admin.send(get("/v3/api-docs"), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode document = json.readTree(docs.body());
        assertThat(document.get("components").get("securitySchemes").get("bearerToken").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.get("components").get("schemas").get("ServerRequest").get("properties").propertyNames())
                .contains("dominoAgentAddress", "dominoCredentialName", "dominoDebugFlag");
        assertThat(document.get("paths").get("/api/v1/servers/{id}").propertyNames()).contains("get", "put", "delete");
        assertThat(document.get("paths").get("/api/v1/servers/{id}").get("delete").get("description").asString())
                .contains("version", "409");
        JsonNode csvImport = document.get("paths").get("/api/v1/servers/import").get("post");
        assertThat(csvImport.get("requestBody").get("content").propertyNames())
                .contains("text/csv", "multipart/form-data");
        assertThat(csvImport.get("description").asString()).contains("dryRun", "422");
        assertThat(document.get("paths").get("/api/v1/rollouts/{id}/rollback").get("post").get("description")
                .asString()).contains("reason", "409");
        assertThat(document.get("paths").get("/api/v1/rollouts/{id}/hosts/{hostRunId}/confirm-domino").get("post")
                .get("description").asString()).contains("AWAITING_CONFIRMATION");
        assertThat(document.get("paths").get("/api/v1/servers").propertyNames()).contains("get", "post");
        assertThat(document.get("paths").propertyNames()).contains("/api/v1/servers", "/api/v1/rollouts/{id}/approve",
                "/api/v1/rollouts/{id}/retry-failed", "/api/v1/audit/verify")
                .allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(document.get("paths").get("/api/v1/rollouts/{id}/retry-failed").get("post").get("description")
                .asString()).contains("409");
        assertThat(admin.send(get("/swagger-ui/index.html"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        HttpClient helpdesk = signedIn(usernameOf(Role.HELPDESK));
        assertThat(helpdesk.send(get("/v3/api-docs"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
        assertThat(helpdesk.send(get("/swagger-ui/index.html"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> withToken = send("GET", "/v3/api-docs", null, tokenOf.get(Role.ADMIN));
        assertThat(withToken.statusCode()).isEqualTo(302);
    }

    // ---------------------------------------------------------------- fixtures and helpers

    long server() {
        return serverAt("Nara");
    }

    long serverAt(String site) {
        int n = serial.incrementAndGet();
        String host = "API-%04d".formatted(n);
        return asAdmin(() -> Objects.requireNonNull(fleet.create(new ServerValues(host, null, site, "2007 SP3",
                ConnectorKind.LOTUS_DOMINO, "DOM-" + host, null, "ExchangeFreeBusy", "MSExchangeCalCon",
                BackendKind.SIMULATED, null, null, 45001, null, null, null, 1)).getId()));
    }

    /** A server's values as JSON, with {@code more} fields appended and, for a replace, its version. */
    String serverBody(String host, int port, String more, @Nullable Long version) {
        return "{\"hostName\": \"" + host + "\", \"site\": \"Nara\", \"exchangeVersion\": \"2007 SP3\","
                + " \"connectorKind\": \"LOTUS_DOMINO\", \"dominoServer\": \"DOM-" + host + "\","
                + " \"calendarSystem\": \"ExchangeFreeBusy\", \"backendKind\": \"SIMULATED\", \"desiredPort\": "
                + port + more + (version == null ? "" : ", \"version\": " + version) + "}";
    }

    /** A port no other server wants: the default policy gives each server its own. */
    int freePort() {
        return 45100 + serial.incrementAndGet();
    }

    /** A change of a new server, by {@link #REQUESTER}: pending approval, or a draft. */
    long requested(boolean draft) {
        ChangeDraft change = ChangeDraft.now(List.of(server()), freePort(), "api test", "API-1",
                ChangeDraft.Waves.DEFAULT);
        return Users.as(REQUESTER, Role.OPERATOR, () -> draft ? changes.saveDraft(change) : changes.submit(change)).id();
    }

    /** A change by {@link #REQUESTER} that ran to its end with its one host rolled back: the service did not restart. */
    long rolledBackRollout() {
        long id = ranToEnd(true);
        assertThat(asAdmin(() -> rollouts.rollout(id).orElseThrow().counts().rolledBack())).isEqualTo(1);
        return id;
    }

    /** A change of one new server by {@link #REQUESTER}, approved and run to its end. */
    long ranToEnd(boolean serviceFailsToRestart) {
        long server = server();
        if (serviceFailsToRestart) {
            simulated.host(asAdmin(() -> fleet.find(server).orElseThrow()))
                    .failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED);
        }
        long id = approvedChangeOf(server);
        await("rollout " + id + " finished", () -> stateOf(id).isFinished());
        return id;
    }

    /** The host run of a new server whose Domino partner is reloaded from the runbook, waiting for an operator. */
    HostRunView awaitingDominoConfirmation() {
        long server = server();
        simulated.useRunbookFor(asAdmin(() -> fleet.find(server).orElseThrow().getDominoServer()));
        long id = approvedChangeOf(server);
        await("rollout " + id + " waits for the Domino confirmation", () -> asAdmin(() -> rollouts.hostRuns(id,
                HostRunState.AWAITING_CONFIRMATION, Pageable.ofSize(1)).hasContent()));
        return asAdmin(() -> rollouts.hostRuns(id, Pageable.ofSize(1)).getContent().getFirst());
    }

    private long approvedChangeOf(long server) {
        long id = Users.as(REQUESTER, Role.OPERATOR, () -> changes.submit(ChangeDraft.now(List.of(server), freePort(),
                "api test", "API-3", ChangeDraft.Waves.DEFAULT))).id();
        asAdmin(() -> changes.approve(id, "ok"));
        return id;
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " in time").isBefore(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    long versionOf(long serverId) {
        return asAdmin(() -> fleet.find(serverId).orElseThrow().getVersion());
    }

    /** The import file of one new server at a free port (the columns of files without a credential). */
    String csv(String... hosts) {
        StringBuilder file = new StringBuilder(CSV_HEADER);
        for (String host : hosts) {
            file.append(csvLine(host, freePort()));
        }
        return file.toString();
    }

    static String csvLine(String host, int port) {
        return host + ",,Nara,2007 SP3,LOTUS_DOMINO,DOM-" + host + ",,ExchangeFreeBusy,,SIMULATED,," + port + ",\r\n";
    }

    Supplier<Object> serverCount(String text) {
        return () -> asAdmin(() -> fleet.count(new ServerFilter(text, null)));
    }

    String changeBody(long serverId, int port) {
        return "{\"serverIds\": [" + serverId + "], \"port\": " + port + ", \"reason\": \"api test\","
                + " \"ticket\": \"API-2\", \"waves\": {\"canarySize\": 0, \"waveSize\": 5, \"concurrency\": 2,"
                + " \"failureThreshold\": 0}}";
    }

    ChangeState stateOf(long changeId) {
        return asAdmin(() -> rollouts.rollout(changeId).orElseThrow().state());
    }

    long rolloutCount() {
        return asAdmin(() -> rollouts.rollouts(Pageable.ofSize(1)).getTotalElements());
    }

    long auditCount(AuditAction action) {
        return asAdmin(() -> audit.count(new AuditFilter(null, null, action, null, null)));
    }

    static String usernameOf(Role role) {
        return "api-" + role.name().toLowerCase(java.util.Locale.ROOT);
    }

    HttpResponse<String> send(String method, String path, @Nullable String body,
            @Nullable String token) throws IOException, InterruptedException {
        return send(method, path, body, token, "en");
    }

    HttpResponse<String> send(String method, String path, @Nullable String body,
            @Nullable String token, String language) throws IOException, InterruptedException {
        return send(method, path, body == null ? null : HttpRequest.BodyPublishers.ofString(body), JSON, token,
                language);
    }

    HttpResponse<String> send(String method, String path, HttpRequest.@Nullable BodyPublisher body,
            String contentType, @Nullable String token, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Language", language)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Checks the RFC 9457 shape and returns the parsed problem. */
    JsonNode assertProblem(HttpResponse<String> response, int status, String type,
            @Nullable String messageKey) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isEqualTo(ApiProblems.TYPE_PREFIX + type);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("!");
        if (messageKey != null) {
            assertThat(problem.get("messageKey").asString()).isEqualTo(messageKey);
        }
        return problem;
    }

    HttpClient signedIn(String username) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        browser.send(get("/login"), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username,
                        StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    <T> T asAdmin(Supplier<T> action) {
        return Users.as("api-test-setup", Role.ADMIN, action);
    }
}
