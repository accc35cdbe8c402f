package org.calconfleet.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.calconfleet.access.Role;
import org.calconfleet.drift.DriftScanResult;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.FleetSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The actuator as a load balancer, a Prometheus scraper, an anonymous visitor and a signed-in administrator see it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "calcon.metrics.scrape-token=" + OperationsEndpointsTest.TOKEN, "calcon.drift-scan.enabled=false",
        "management.prometheus.metrics.export.enabled=true"})
@ActiveProfiles({"demo", "test"})
class OperationsEndpointsTest {

    static final String TOKEN = "scrape-token-for-the-test-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobEngineHealth jobEngine;
    @Autowired
    FleetService fleet;

    private final HttpClient anonymous = HttpClient.newHttpClient();

    @AfterEach
    void allHostsAnswerAgain() {
        events.publishEvent(new DriftScanResult(Instant.now(), 100, 0, 0, 0));
        jdbc.update("delete from scheduled_tasks where task_name = 'never-picked'");
    }

    private HttpResponse<String> get(HttpClient client, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient administrator() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> signIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return client;
    }

    private JsonNode health(HttpClient client) throws Exception {
        return JSON.readTree(get(client, "/actuator/health").body());
    }

    @Test
    void anyone_sees_the_health_status_but_not_its_components() throws Exception {
        HttpResponse<String> health = get(anonymous, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.has("components")).isFalse();
        assertThat(get(anonymous, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void an_administrator_sees_the_database_the_job_engine_and_the_backends() throws Exception {
        JsonNode components = health(administrator()).get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("jobEngine").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("jobEngine").get("details").get("state").asString()).isEqualTo("running");
        assertThat(components.get("backends").get("details").get("reachablePercent").asDouble()).isEqualTo(100.0);
        assertThat(components.has("dbScheduler")).as("replaced by jobEngine").isFalse();
    }

    @Test
    void metrics_need_the_scrape_token_or_an_administrator() throws Exception {
        assertThat(get(anonymous, "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get(anonymous, "/actuator/prometheus", "Authorization", "Bearer not-the-token").statusCode())
                .isEqualTo(401);
        assertThat(get(anonymous, "/actuator/prometheus").headers().firstValue("Set-Cookie"))
                .as("a refused scrape leaves no session behind").isEmpty();

        HttpResponse<String> scraped = get(anonymous, "/actuator/prometheus", "Authorization", "Bearer " + TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        FleetSummary summary = asAdmin(() -> fleet.summary());
        assertThat(scraped.body()).contains("calcon_rollouts_finished_total{outcome=\"done\"}",
                "calcon_host_runs_finished_total{outcome=\"rolled_back\"}", "calcon_servers_needing_attention",
                "calcon_servers_in_drift " + (double) summary.drifted(),
                "calcon_servers " + (double) summary.servers(), "calcon_database_checkpoints_seconds_count");
        assertThat(get(administrator(), "/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void the_backends_turn_degraded_then_down_as_fewer_answer_while_the_readiness_for_load_balancers_stays_up()
            throws Exception {
        HttpClient admin = administrator();
        events.publishEvent(new DriftScanResult(Instant.now(), 200, 40, 3, 0));
        JsonNode degraded = health(admin);
        assertThat(degraded.get("components").get("backends").get("status").asString()).isEqualTo("DEGRADED");
        assertThat(degraded.get("components").get("backends").get("details").get("reachablePercent").asDouble())
                .isEqualTo(80.0);
        assertThat(degraded.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(get(anonymous, "/actuator/health").statusCode()).isEqualTo(200);

        events.publishEvent(new DriftScanResult(Instant.now(), 200, 120, 0, 0));
        assertThat(health(admin).get("components").get("backends").get("status").asString()).isEqualTo("DOWN");
        assertThat(get(anonymous, "/actuator/health").statusCode()).isEqualTo(503);
        assertThat(get(anonymous, "/actuator/health/readiness").statusCode()).isEqualTo(200);

        events.publishEvent(new DriftScanResult(Instant.now().minusSeconds(3 * 24 * 3600), 200, 120, 0, 0));
        assertThat(health(admin).get("components").get("backends").get("status").asString())
                .as("a scan too old to say anything").isEqualTo("UNKNOWN");
    }

    @Test
    void a_task_nobody_picks_up_for_too_long_takes_the_job_engine_down() {
        assertThat(jobEngine.health().getStatus()).isEqualTo(Status.UP);
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                + " values ('never-picked', '1', ?, false, 1)", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10));
        var health = jobEngine.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("overdueTasks", 1L);
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                "n/a", java.util.List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
