package org.calconfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.listed;
import static org.calconfleet.i18n.StoredMessage.port;
import static org.calconfleet.i18n.StoredMessage.verbatim;

import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import java.util.List;
import java.util.stream.IntStream;
import org.calconfleet.policy.Policies;
import org.calconfleet.policy.PolicyService;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.testdb.DatabaseTest;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class FleetServiceTest {

    @Autowired
    FleetService fleet;

    @Autowired
    AuditTrail audit;

    @Autowired
    PolicyService policies;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FleetObservations observations;

    static ServerValues values(String host, Integer port) {
        return new ServerValues(host, "10.9.1.1", "Kyoto", "2007 SP3", ConnectorKind.LOTUS_DOMINO, "KYO-DOM01",
                "10.9.2.1", "ExchangeFreeBusy", "MSExchangeCalCon", BackendKind.SIMULATED, null, null, port, null,
                null, null, 1);
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void an_operator_adds_edits_and_deletes_a_server_and_every_step_is_audited() {
        ExchangeServer created = fleet.create(values("KYO-EXC01", 45001));
        ServerValues loaded = ServerValues.of(created);
        ExchangeServer updated = fleet.update(created.getId(), created.getVersion(), loaded,
                values("KYO-EXC01", 45002));
        assertThat(updated.getDesiredPort()).isEqualTo(45002);
        assertThat(updated.getUpdatedBy()).isEqualTo("oscar");
        fleet.delete(updated.getId(), fleet.find(updated.getId()).orElseThrow().getVersion(), "CHG-7");
        assertThat(fleet.find(updated.getId())).isEmpty();

        var entries = auditOf("server:KYO-EXC01");
        assertThat(entries).extracting(AuditEntry::getAction).containsExactly(
                AuditAction.SERVER_DELETED, AuditAction.SERVER_UPDATED, AuditAction.SERVER_CREATED);
        assertThat(entries.get(1).getBefore()).isEqualTo(fields(field("desiredPort", port(45001))));
        assertThat(entries.get(1).getAfter()).isEqualTo(fields(field("desiredPort", port(45002))));
        assertThat(entries.get(0).getReason()).isEqualTo("CHG-7");
        assertThat(entries).allSatisfy(e -> assertThat(e.getActor()).isEqualTo("oscar"));
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void the_domino_reload_settings_are_stored_audited_and_the_debug_flag_is_0_or_1() {
        ExchangeServer created = fleet.create(values("KYO-EXC21", 45001));
        assertThat(created.getDominoDebugFlag()).as("as in the procedure's example").isEqualTo(1);
        ServerValues loaded = ServerValues.of(created);

        assertThatThrownBy(() -> fleet.update(created.getId(), created.getVersion(), loaded,
                withDebugFlag(loaded, 2))).isInstanceOfSatisfying(ServerRejectedException.class, e ->
                assertThat(e.problems()).extracting(ServerProblem::field, ServerProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("dominoDebugFlag",
                                "port.console.debugFlagNot0Or1")));
        ExchangeServer updated = fleet.update(created.getId(), created.getVersion(), loaded, withDebugFlag(loaded, 0));

        assertThat(updated.getDominoDebugFlag()).isZero();
        AuditEntry entry = auditOf("server:KYO-EXC21").getFirst();
        assertThat(entry.getBefore()).isEqualTo(fields(field("dominoDebugFlag", port(1))));
        assertThat(entry.getAfter()).isEqualTo(fields(field("dominoDebugFlag", port(0))));
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void the_servers_asked_for_are_read_and_none_between_them() {
        List<Long> ids = IntStream.rangeClosed(1, 5).mapToObj(n -> fleet.create(values("KYO-EXC3" + n, 45001)).getId())
                .toList();
        List<Long> close = List.of(ids.get(4), ids.get(0), ids.get(1), ids.get(3), ids.get(0));
        List<Long> farApart = List.of(ids.get(2), ids.get(2) + 1_000_000);

        assertThat(observations.servers(close)).extracting(ExchangeServer::getHostName)
                .containsExactlyInAnyOrder("KYO-EXC31", "KYO-EXC32", "KYO-EXC34", "KYO-EXC35");
        assertThat(observations.servers(farApart)).extracting(ExchangeServer::getHostName)
                .containsExactly("KYO-EXC33");
    }

    /** Server values as the audit trail stores them: each field by its label key, with its typed value. */
    private static String fields(StoredMessage.Argument... fields) {
        return StoredMessage.of("fleet.value.fields", listed(List.of(fields))).toJson();
    }

    private static StoredMessage.Argument field(String name, StoredMessage.Argument value) {
        return inner(StoredMessage.of("fleet.value.field", new StoredMessage.Choice("fleet.field." + name), value));
    }

    private static ServerValues withDebugFlag(ServerValues v, int flag) {
        return new ServerValues(v.hostName(), v.ipAddress(), v.site(), v.exchangeVersion(), v.connectorKind(),
                v.dominoServer(), v.dominoAddress(), v.calendarSystem(), v.serviceName(), v.backendKind(),
                v.backendAddress(), v.credentialName(), v.desiredPort(), v.notes(), v.dominoAgentAddress(),
                v.dominoCredentialName(), flag);
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void a_concurrent_edit_is_refused_and_names_who_changed_what() {
        ExchangeServer created = fleet.create(values("KYO-EXC02", 45001));
        ServerValues loadedByBoth = ServerValues.of(created);
        long version = created.getVersion();
        fleet.update(created.getId(), version, loadedByBoth, values("KYO-EXC02", 45003));

        assertThatThrownBy(() -> fleet.update(created.getId(), version, loadedByBoth, values("KYO-EXC02", 0)))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e -> {
                    assertThat(e.changedBy()).isEqualTo("oscar");
                    assertThat(e.theirChanges()).extracting(ServerValues.FieldChange::field)
                            .containsExactly("desiredPort");
                    assertThat(e.theirChanges().getFirst().after()).isEqualTo(45003);
                });
        assertThat(fleet.find(created.getId()).orElseThrow().getDesiredPort()).isEqualTo(45003);
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void invalid_values_are_refused_field_by_field_and_nothing_is_stored() {
        ServerValues bad = new ServerValues("bad name", "300.1.1.1", "", "2007 SP3", ConnectorKind.LOTUS_DOMINO,
                null, null, "Exchange FreeBusy", "MSExchangeCalCon", BackendKind.AGENT, null, null, 1024, null,
                null, null, 1);

        assertThatThrownBy(() -> fleet.create(bad)).isInstanceOfSatisfying(ServerRejectedException.class, e ->
                assertThat(e.problems()).extracting(ServerProblem::field).containsExactlyInAnyOrder(
                        "hostName", "ipAddress", "site", "dominoServer", "calendarSystem", "backendAddress",
                        "desiredPort"));
        assertThat(fleet.count(new ServerFilter("bad", null))).isZero();
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void a_host_name_is_unique_regardless_of_case() {
        fleet.create(values("KYO-EXC03", 45001));
        assertThatThrownBy(() -> fleet.create(values("kyo-exc03", 45001)))
                .isInstanceOfSatisfying(ServerRejectedException.class, e ->
                        assertThat(e.problems()).extracting(ServerProblem::messageKey)
                                .containsExactly("fleet.host.duplicate"));
    }

    @Test
    @WithMockUser(roles = "HELPDESK")
    void the_helpdesk_may_not_write() {
        assertThatThrownBy(() -> fleet.create(values("KYO-EXC09", 45001))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fleet.update(1, 0, values("A", 1), values("A", 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fleet.delete(1, 0, "x")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void the_auditor_may_not_write() {
        assertThatThrownBy(() -> fleet.create(values("KYO-EXC09", 45001))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fleet.update(1, 0, values("A", 1), values("A", 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fleet.delete(1, 0, "x")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void only_the_desired_port_changes_when_it_alone_is_set_and_the_change_is_audited() {
        ExchangeServer created = fleet.create(values("KYO-EXC04", 45001));
        ExchangeServer updated = fleet.updateDesiredPort(created.getId(), created.getVersion(), 45010);

        assertThat(ServerValues.of(updated)).isEqualTo(values("KYO-EXC04", 45010));
        AuditEntry entry = auditOf("server:KYO-EXC04").getFirst();
        assertThat(entry.getAction()).isEqualTo(AuditAction.SERVER_UPDATED);
        assertThat(entry.getBefore()).isEqualTo(fields(field("desiredPort", port(45001))));
        assertThat(entry.getAfter()).isEqualTo(fields(field("desiredPort", port(45010))));
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void a_desired_port_against_the_port_rules_or_on_a_stale_version_is_refused() {
        ExchangeServer created = fleet.create(values("KYO-EXC05", 45001));
        assertThatThrownBy(() -> fleet.updateDesiredPort(created.getId(), created.getVersion(), 1024))
                .isInstanceOfSatisfying(ServerRejectedException.class, e ->
                        assertThat(e.problems()).extracting(ServerProblem::field).containsExactly("desiredPort"));
        fleet.updateDesiredPort(created.getId(), created.getVersion(), 45002);
        assertThatThrownBy(() -> fleet.updateDesiredPort(created.getId(), created.getVersion(), 45003))
                .isInstanceOfSatisfying(ConcurrentEditException.class, e ->
                        assertThat(e.changedBy()).isEqualTo("oscar"));
        assertThat(fleet.find(created.getId()).orElseThrow().getDesiredPort()).isEqualTo(45002);
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void a_desired_port_outside_the_policy_ranges_is_refused_where_it_is_set_with_the_plans_reason() {
        ServerProblem outside = new ServerProblem("desiredPort", "port.refusal.outsidePolicyRanges",
                List.of("1025", "45000-45999"));
        assertThatThrownBy(() -> fleet.create(values("KYO-EXC06", 1025)))
                .isInstanceOfSatisfying(ServerRejectedException.class, e ->
                        assertThat(e.problems()).containsExactly(outside));
        ExchangeServer created = fleet.create(values("KYO-EXC06", 45001));

        assertThatThrownBy(() -> fleet.updateDesiredPort(created.getId(), created.getVersion(), 1025))
                .isInstanceOfSatisfying(ServerRejectedException.class, e ->
                        assertThat(e.problems()).containsExactly(outside));
        assertThatThrownBy(() -> fleet.update(created.getId(), created.getVersion(), ServerValues.of(created),
                values("KYO-EXC06", 1025))).isInstanceOf(ServerRejectedException.class);
        assertThat(fleet.find(created.getId()).orElseThrow().getDesiredPort()).isEqualTo(45001);
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void zero_is_refused_once_the_policy_forbids_it_while_a_server_that_keeps_its_zero_stays_editable() {
        ExchangeServer dynamic = fleet.create(values("KYO-EXC07", 0));
        Policies.forbidDynamicPort(policies);

        assertThatThrownBy(() -> fleet.create(values("KYO-EXC08", 0)))
                .isInstanceOfSatisfying(ServerRejectedException.class, e -> assertThat(e.problems()).containsExactly(
                        new ServerProblem("desiredPort", "port.refusal.dynamicNotAllowed", List.of())));
        ServerValues renamed = new ServerValues("KYO-EXC07", "10.9.1.7", "Kyoto", "2007 SP3",
                ConnectorKind.LOTUS_DOMINO, "KYO-DOM01", "10.9.2.1", "ExchangeFreeBusy", "MSExchangeCalCon",
                BackendKind.SIMULATED, null, null, 0, "moved to rack 4", null, null, 1);
        assertThat(fleet.update(dynamic.getId(), dynamic.getVersion(), ServerValues.of(dynamic), renamed).getNotes())
                .isEqualTo("moved to rack 4");
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void a_simulated_server_keeps_no_backend_address_and_one_it_still_holds_goes_with_its_next_save() {
        ServerValues simulatedWithAddress = new ServerValues("KYO-EXC10", "10.9.1.10", "Kyoto", "2007 SP3",
                ConnectorKind.LOTUS_DOMINO, "KYO-DOM01", "10.9.2.1", "ExchangeFreeBusy", "MSExchangeCalCon",
                BackendKind.SIMULATED, "kyo-exc10.corp.example", null, 45001, null, null, null, 1);
        assertThat(ServerRules.notStored(simulatedWithAddress)).containsExactly(
                new ServerProblem("backendAddress", "fleet.backendAddress.unused", List.of("kyo-exc10.corp.example")));

        ExchangeServer created = fleet.create(simulatedWithAddress);
        assertThat(created.getBackendAddress()).isNull();
        assertThat(auditOf("server:KYO-EXC10").getFirst().getAfter()).contains("fleet.field.hostName")
                .doesNotContain("fleet.field.backendAddress");

        jdbc.update("update exchange_server set backend_address = 'sim://kyo-exc10' where id = ?", created.getId());
        ExchangeServer before = fleet.find(created.getId()).orElseThrow();
        ExchangeServer saved = fleet.updateDesiredPort(created.getId(), before.getVersion(), 45002);

        assertThat(saved.getBackendAddress()).isNull();
        assertThat(auditOf("server:KYO-EXC10").getFirst().getBefore())
                .isEqualTo(fields(field("backendAddress", verbatim("sim://kyo-exc10")), field("desiredPort", port(45001))));
    }

    @Test
    @WithMockUser(roles = "HELPDESK")
    void the_helpdesk_may_not_set_a_desired_port() {
        assertThatThrownBy(() -> fleet.updateDesiredPort(1, 0, 45001)).isInstanceOf(AccessDeniedException.class);
    }

    private java.util.List<AuditEntry> auditOf(String subject) {
        return audit.historyOf(subject, 10);
    }
}
