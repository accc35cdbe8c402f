package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.drift.FleetHistory;
import org.calconfleet.fleet.ConnectorServiceState;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FirewallPlans;
import org.calconfleet.fleet.ImportPreview;
import org.calconfleet.fleet.Observation;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.fleet.ServerProblem;
import org.calconfleet.fleet.ServerRejectedException;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.port.FirewallPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** A user limited to Osaka finds nothing of Tokyo or Singapore through any service, and changes nothing there. */
class DelegatedSitesTest extends RolloutTestBase {

    private static final Set<String> OSAKA = Set.of("Osaka");
    private static final java.time.ZoneId TOKYO_TIME = java.time.ZoneId.of("Asia/Tokyo");

    @Autowired
    FirewallPlans firewallPlans;
    @Autowired
    FleetHistory fleetHistory;

    List<Long> osaka;
    List<Long> tokyo;
    List<Long> singapore;

    @BeforeEach
    void threeSites() {
        String run = Long.toString(System.nanoTime() % 100_000, 36).toUpperCase(java.util.Locale.ROOT);
        osaka = at("DO" + run, "Osaka");
        tokyo = at("DT" + run, "Tokyo");
        singapore = at("DS" + run, "Singapore");
    }

    private List<Long> at(String prefix, String site) {
        List<Long> ids = Fleets.create(fleet, prefix, 2, site);
        ids.forEach(id -> observations.record(id, Observation.by("test").ports(45001, 45001)
                .service(ConnectorServiceState.RUNNING).diagnosticsHigh(true)));
        return ids;
    }

    private static ChangeDraft inAWindow(List<Long> ids) {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS);
        return new ChangeDraft(ids, 45007, "pin at the site", "CHG-19",
                ChangeDraft.Schedule.window(start, start.plus(4, ChronoUnit.HOURS)), new ChangeDraft.Waves(0, 10, 5, 0));
    }

    private static <T> T asOsaka(Role role, Supplier<T> action) {
        return Users.as("osaka-" + role.name().toLowerCase(java.util.Locale.ROOT), role, OSAKA, action);
    }

    private List<String> hostsOf(List<Long> ids) {
        return ids.stream().map(id -> server(id).getHostName()).toList();
    }

    @Test
    void an_osaka_operator_and_helpdesk_see_only_osaka_in_lists_pages_counts_and_exports() {
        for (Role role : List.of(Role.OPERATOR, Role.HELPDESK)) {
            List<ExchangeServer> listed = asOsaka(role, () -> fleet.list(ServerFilter.NONE, Pageable.unpaged()));
            assertThat(listed).extracting(ExchangeServer::getSite).containsOnly("Osaka");
            assertThat(listed).extracting(ExchangeServer::getId).containsAll(osaka);
            assertThat(asOsaka(role, () -> fleet.count(ServerFilter.NONE))).isEqualTo(listed.size());
            assertThat(asOsaka(role, () -> fleet.list(new ServerFilter("", "Tokyo"), Pageable.unpaged()))).isEmpty();
            assertThat(asOsaka(role, () -> fleet.summary().servers())).isEqualTo(listed.size());
            assertThat(asOsaka(role, fleet::sites)).containsExactly("Osaka");
            for (Long other : concat(tokyo, singapore)) {
                assertThat(asOsaka(role, () -> fleet.find(other))).isEmpty();
                assertThat(asOsaka(role, () -> fleetHistory.portTimeline(other))).isEmpty();
                String subject = "server:" + server(other).getHostName();
                assertThat(asOsaka(role, () -> audit.historyOf(subject, 10))).isEmpty();
            }
            String own = "server:" + server(osaka.getFirst()).getHostName();
            assertThat(asOsaka(role, () -> audit.historyOf(own, 10))).isNotEmpty();
            String csv = asOsaka(role, () -> {
                StringWriter out = new StringWriter();
                try {
                    fleet.exportCsv(ServerFilter.NONE, out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return out.toString();
            });
            assertThat(csv).contains(hostsOf(osaka));
            hostsOf(concat(tokyo, singapore)).forEach(host -> assertThat(csv).doesNotContain(host));
            List<String> firewalled = asOsaka(role, () -> firewallPlans.export(ServerFilter.NONE)).plans().stream()
                    .map(FirewallPlan::exchange).map(endpoint -> endpoint.name()).toList();
            assertThat(firewalled).containsAll(hostsOf(osaka)).doesNotContainAnyElementsOf(hostsOf(concat(tokyo,
                    singapore)));
        }
    }

    @Test
    void an_osaka_operator_changes_servers_only_in_osaka() {
        ExchangeServer tokyoServer = server(tokyo.getFirst());
        ServerValues tokyoValues = ServerValues.of(tokyoServer);

        assertThatThrownBy(() -> asOsaka(Role.OPERATOR, () -> fleet.create(Fleets.values("DLG-NEW", 7, 45001,
                "Tokyo")))).isInstanceOfSatisfying(ServerRejectedException.class, e -> assertThat(e.problems())
                .extracting(ServerProblem::messageKey).contains("fleet.site.outOfScope"));
        assertThatThrownBy(() -> asOsaka(Role.OPERATOR, () -> fleet.update(tokyoServer.getId(),
                tokyoServer.getVersion(), tokyoValues, tokyoValues.withDesiredPort(45009))))
                .isInstanceOfSatisfying(ServerRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ServerProblem::messageKey).containsExactly("fleet.server.gone"));
        ExchangeServer osakaServer = server(osaka.getFirst());
        ServerValues osakaValues = ServerValues.of(osakaServer);
        assertThatThrownBy(() -> asOsaka(Role.OPERATOR, () -> fleet.update(osakaServer.getId(),
                osakaServer.getVersion(), osakaValues, Fleets.values(osakaServer.getHostName(), 1, 45001, "Tokyo"))))
                .isInstanceOf(ServerRejectedException.class);
        Users.as("osaka-operator", Role.OPERATOR, OSAKA, () -> {
            fleet.delete(tokyoServer.getId(), tokyoServer.getVersion(), "not mine");
            return null;
        });
        assertThat(observations.server(tokyoServer.getId())).isPresent();
        StringWriter tokyoCsv = new StringWriter();
        Users.as("admin", Role.ADMIN, () -> {
            try {
                fleet.exportCsv(new ServerFilter(tokyoServer.getHostName(), null), tokyoCsv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        ImportPreview preview = asOsaka(Role.OPERATOR, () -> fleet.previewImport(
                tokyoCsv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
        assertThat(preview.rows()).singleElement().satisfies(row -> assertThat(row.problems())
                .extracting(ServerProblem::messageKey).contains("fleet.site.outOfScope", "fleet.host.duplicate"));
        assertThat(preview.validRows()).isEmpty();
        assertThat(asOsaka(Role.OPERATOR, () -> fleet.updateDesiredPort(osakaServer.getId(),
                osakaServer.getVersion(), 45011)).getDesiredPort()).isEqualTo(45011);
    }

    @Test
    void an_osaka_operator_plans_and_approves_only_changes_all_in_osaka_and_sees_only_those_rollouts() {
        ChangeSummary inTokyo = submit(inAWindow(tokyo));
        ChangeSummary inOsaka = submit(inAWindow(osaka));
        ChangeSummary mixed = submit(inAWindow(concat(List.of(osaka.getLast()), singapore)));

        for (List<Long> ids : List.of(tokyo, concat(osaka, singapore))) {
            assertThatThrownBy(() -> asOsaka(Role.OPERATOR, () -> changes.plan(inAWindow(ids))))
                    .isInstanceOfSatisfying(ChangeRefusedException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("rollout.submit.out-of-scope"));
        }
        assertThat(asOsaka(Role.OPERATOR, () -> changes.plan(inAWindow(osaka))).hosts()).hasSize(2);

        for (Role role : List.of(Role.OPERATOR, Role.HELPDESK)) {
            assertThat(asOsaka(role, () -> audit.historyOf(AuditSubject.change(inOsaka.id()), 10))).isNotEmpty();
            assertThat(asOsaka(role, () -> rollouts.rollouts(Pageable.unpaged()).getContent()))
                    .extracting(ChangeSummary::id).contains(inOsaka.id()).doesNotContain(inTokyo.id(), mixed.id());
            for (long other : List.of(inTokyo.id(), mixed.id())) {
                assertThat(asOsaka(role, () -> rollouts.rollout(other))).isEmpty();
                assertThat(asOsaka(role, () -> rollouts.hostRuns(other, Pageable.unpaged()).getContent())).isEmpty();
                assertThat(asOsaka(role, () -> rollouts.countHostRuns(other, null))).isZero();
                assertThat(asOsaka(role, () -> rollouts.firewall(other))).isEmpty();
                assertThat(asOsaka(role, () -> audit.historyOf(AuditSubject.change(other), 10))).isEmpty();
                long runId = hostRuns(other).getFirst().id();
                assertThat(asOsaka(role, () -> rollouts.hostRun(runId))).isEmpty();
                assertThat(asOsaka(role, () -> rollouts.hostLog(runId))).isEmpty();
            }
        }
        assertThat(asOsaka(Role.OPERATOR, () -> rollouts.awaitingYourDecision(1_000))).extracting(ChangeSummary::id)
                .contains(inOsaka.id()).doesNotContain(inTokyo.id(), mixed.id());
        assertThat(asOsaka(Role.OPERATOR, () -> rollouts.awaitingYourDecision(1))).as("the limit counts Osaka's only")
                .extracting(ChangeSummary::id).hasSize(1);
        for (long other : List.of(inTokyo.id(), mixed.id())) {
            assertThatThrownBy(() -> asOsaka(Role.OPERATOR, () -> changes.approve(other, "not mine")))
                    .isInstanceOfSatisfying(ChangeRefusedException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("rollout.change.unknown"));
            assertThatThrownBy(() -> asOsaka(Role.OPERATOR, () -> rollouts.cancel(other, "not mine")))
                    .isInstanceOf(ChangeRefusedException.class);
        }
        assertThat(asOsaka(Role.OPERATOR, () -> changes.approve(inOsaka.id(), "ours")).state())
                .isIn(ChangeState.APPROVED, ChangeState.SCHEDULED);
    }

    @Test
    void the_dashboards_history_counts_only_the_hosts_of_osaka() {
        assertThat(runToEnd(osaka).state()).isEqualTo(ChangeState.DONE);
        long everyoneBefore = doneThisWeek(Role.ADMIN, Set.of());
        long osakaBefore = doneThisWeek(Role.OPERATOR, OSAKA);
        assertThat(osakaBefore).isBetween((long) osaka.size(), everyoneBefore);

        assertThat(runToEnd(tokyo).state()).isEqualTo(ChangeState.DONE);

        assertThat(doneThisWeek(Role.ADMIN, Set.of())).isEqualTo(everyoneBefore + tokyo.size());
        for (Role role : List.of(Role.OPERATOR, Role.HELPDESK)) {
            assertThat(doneThisWeek(role, OSAKA)).as(role.name() + ": Tokyo's hosts are not counted")
                    .isEqualTo(osakaBefore);
            assertThat(asOsaka(role, () -> fleetHistory.driftPerDay(7, TOKYO_TIME))).as("fleet-wide snapshots")
                    .isEmpty();
        }
    }

    private long doneThisWeek(Role role, Set<String> sites) {
        return Users.as("reader", role, sites,
                () -> fleetHistory.changesPerWeek(1, java.time.DayOfWeek.MONDAY, TOKYO_TIME)).getLast()
                .count(HostRunState.DONE);
    }

    private ChangeSummary runToEnd(List<Long> ids) {
        ChangeSummary submitted = submit(ChangeDraft.now(ids, 45008, "pin at the site", "CHG-19",
                new ChangeDraft.Waves(0, 10, 5, 0)));
        approve(submitted.id());
        return awaitFinished(submitted.id());
    }

    private static List<Long> concat(List<Long> first, List<Long> second) {
        List<Long> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
