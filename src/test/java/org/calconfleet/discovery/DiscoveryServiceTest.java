package org.calconfleet.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialSecrets;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.rollout.Users;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

class DiscoveryServiceTest extends ForestTestBase {

    @Autowired
    DiscoveryService discovery;
    @Autowired
    ExchangeDirectory directory;
    @Autowired
    CredentialSecrets secrets;
    @Autowired
    FleetService fleet;
    @Autowired
    AuditTrail audit;

    @Test
    void the_servers_are_read_from_the_configuration_partition_as_exchange_writes_them() {
        ExchangeDirectory.Reading reading = directory.read();

        assertThat(reading.configurationContext()).isEqualTo(ExchangeForest.CONFIGURATION);
        assertThat(reading.servers()).extracting(DirectoryServer::name).containsExactlyInAnyOrder("TKY-EXC01",
                "TKY-EXC02", "TKY-EXC03", "OSA-EXC01", "TKY-EXC21", "OSA-EXC21", "NGY-EXC01", "TKY-MBX01",
                "OSA-MBX02", "TKY-EX2010", "EDGE01");
        DirectoryServer osaka = server(reading, "OSA-EXC21");
        assertThat(osaka.hostName()).isEqualTo("OSA-EXC21.corp.example");
        assertThat(osaka.build()).isEqualTo(new ExchangeBuild(8, 1, "30240.6"));
        assertThat(osaka.build().inventoryVersion()).isEqualTo("2007 SP1");
        assertThat(osaka.roles()).containsExactlyInAnyOrder(ExchangeRole.CLIENT_ACCESS, ExchangeRole.HUB_TRANSPORT);
        assertThat(osaka.site()).isEqualTo("Osaka");
        assertThat(server(reading, "OSA-MBX02").hostName()).as("from dNSHostName").isEqualTo("OSA-MBX02.corp.example");
        assertThat(server(reading, "NGY-EXC01").site()).isEqualTo("Nagoya");
        assertThat(server(reading, "TKY-EX2010").build().inventoryVersion()).isEqualTo("2010 SP1");
        assertThat(server(reading, "EDGE01").hostName()).isEqualTo("EDGE01.dmz.example");
    }

    @Test
    void hub_transport_servers_of_exchange_2007_are_likely_mailbox_only_ones_not_expected_edge_and_2010_ruled_out() {
        ExchangeDirectory.Reading reading = directory.read();

        assertThat(server(reading, "TKY-EXC21").connectorGuess()).isEqualTo(ConnectorGuess.LIKELY);
        assertThat(server(reading, "OSA-EXC21").connectorGuess()).as("2007 SP1").isEqualTo(ConnectorGuess.LIKELY);
        assertThat(server(reading, "TKY-MBX01").connectorGuess()).isEqualTo(ConnectorGuess.NOT_EXPECTED);
        assertThat(server(reading, "OSA-MBX02").connectorGuess()).isEqualTo(ConnectorGuess.NOT_EXPECTED);
        assertThat(server(reading, "EDGE01").connectorGuess()).isEqualTo(ConnectorGuess.EDGE);
        assertThat(server(reading, "TKY-EX2010").connectorGuess()).isEqualTo(ConnectorGuess.OTHER_VERSION);
        assertThat(ConnectorGuess.LIKELY.preselected()).isTrue();
        assertThat(ConnectorGuess.NOT_EXPECTED.preselected()).isFalse();
        assertThat(ConnectorGuess.NOT_EXPECTED.selectable()).isTrue();
        assertThat(ConnectorGuess.EDGE.selectable()).isFalse();
        assertThat(ConnectorGuess.OTHER_VERSION.selectable()).isFalse();
    }

    @Test
    void discovery_lists_what_the_inventory_lacks_what_the_directory_no_longer_lists_and_versions_that_differ() {
        FleetDiscovery found = asAdmin(() -> discovery.discover());

        assertThat(found.directoryServers()).isEqualTo(11);
        assertThat(found.notInInventory()).extracting(f -> f.server().name())
                .contains("TKY-MBX01", "OSA-MBX02", "TKY-EX2010", "EDGE01")
                .doesNotContain("TKY-EXC01", "TKY-EXC02", "TKY-EXC03", "OSA-EXC01");
        assertThat(found.notInDirectory()).extracting(FleetDiscovery.Missing::hostName)
                .contains("TKY-EXC04", "OSA-EXC02", "SIN-EXC01")
                .doesNotContain("TKY-EXC01", "TKY-EXC03", "OSA-EXC01");
        assertThat(found.versionDifferences()).singleElement().satisfies(difference -> {
            assertThat(difference.hostName()).isEqualTo("TKY-EXC03");
            assertThat(difference.inventoryVersion()).isEqualTo("2007 SP2");
            assertThat(difference.directoryVersion()).isEqualTo("2007 SP3");
        });

        AuditEntry run = asAdmin(() -> audit.search(new AuditFilter(null, null, AuditAction.FLEET_DISCOVERED, null,
                null), Pageable.ofSize(1)).getFirst());
        assertThat(run.getActor()).isEqualTo("admin");
        assertThat(run.getSubject()).isEqualTo("directory:" + ExchangeForest.CONFIGURATION);
        assertThat(run.getAfter()).isEqualTo(StoredMessage.of("discovery.value.found", StoredMessage.count(11),
                StoredMessage.count(found.notInInventory().size()), StoredMessage.count(found.notInDirectory().size()),
                StoredMessage.count(1)).toJson());
    }

    @Test
    void a_found_server_is_proposed_with_its_site_and_the_backend_and_domino_partner_of_that_site() {
        FleetDiscovery found = asAdmin(() -> discovery.discover());

        Addition mailbox = proposal(found, "TKY-MBX01");
        assertThat(mailbox.hostName()).isEqualTo("TKY-MBX01.corp.example");
        assertThat(mailbox.site()).isEqualTo("Tokyo");
        assertThat(mailbox.exchangeVersion()).isEqualTo("2007 SP3");
        assertThat(mailbox.backendKind()).as("the demo fleet is simulated").isEqualTo(BackendKind.SIMULATED);
        assertThat(mailbox.dominoServer()).startsWith("TKY-DOM");
        assertThat(mailbox.calendarSystem()).isEqualTo("ExchangeFreeBusy");
        assertThat(proposal(found, "OSA-MBX02").dominoServer()).startsWith("OSA-DOM");
        assertThat(proposal(found, "OSA-MBX02").exchangeVersion()).isEqualTo("2007 SP1");
    }

    @Test
    void picked_servers_are_added_through_the_fleet_each_audited_and_a_ruled_out_one_refuses_the_whole_pick() {
        FleetDiscovery found = asAdmin(() -> discovery.discover());
        FleetDiscovery.Found mailbox = found(found, "OSA-MBX02");
        FleetDiscovery.Found edge = found(found, "EDGE01");

        assertThatThrownBy(() -> asAdmin(() -> discovery.add(List.of(mailbox, edge))))
                .isInstanceOfSatisfying(AdditionRejectedException.class, refused -> {
                    assertThat(refused.hostName()).isEqualTo("EDGE01.dmz.example");
                    assertThat(refused.problems().getFirst().messageKey()).isEqualTo("discovery.guess.edge");
                });
        assertThat(countOf("OSA-MBX02")).as("all or nothing").isZero();

        var added = asAdmin(() -> discovery.add(List.of(mailbox)));

        assertThat(added).singleElement().satisfies(server -> {
            assertThat(server.getHostName()).isEqualTo("OSA-MBX02.corp.example");
            assertThat(server.getSite()).isEqualTo("Osaka");
            assertThat(server.getExchangeVersion()).isEqualTo("2007 SP1");
            assertThat(server.getDesiredPort()).isNull();
        });
        AuditEntry created = asAdmin(() -> audit.search(new AuditFilter("server:OSA-MBX02.corp.example", null,
                AuditAction.SERVER_CREATED, null, null), Pageable.ofSize(5))).getFirst();
        assertThat(created.getActor()).isEqualTo("admin");
        assertThat(asAdmin(() -> discovery.discover()).notInInventory()).extracting(f -> f.server().name())
                .doesNotContain("OSA-MBX02");
    }

    @Test
    void a_pick_whose_values_break_the_fleets_rules_names_the_server_and_the_field() {
        FleetDiscovery.Found mailbox = found(asAdmin(() -> discovery.discover()), "TKY-MBX01");
        Addition noPartner = mailbox.proposal().with("Tokyo", BackendKind.SIMULATED, null, null, "", "ExchangeFreeBusy");

        assertThatThrownBy(() -> asAdmin(() -> discovery.add(List.of(new FleetDiscovery.Found(mailbox.server(),
                mailbox.connectorGuess(), noPartner)))))
                .isInstanceOfSatisfying(AdditionRejectedException.class, refused -> {
                    assertThat(refused.hostName()).isEqualTo("TKY-MBX01.corp.example");
                    assertThat(refused.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("dominoServer"));
                });
    }

    @Test
    void only_an_administrator_runs_a_discovery_or_adds_what_it_found() {
        FleetDiscovery.Found mailbox = found(asAdmin(() -> discovery.discover()), "TKY-MBX01");
        for (Role role : Set.of(Role.OPERATOR, Role.AUDITOR, Role.HELPDESK)) {
            assertThatThrownBy(() -> Users.as("someone", role, () -> discovery.discover()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Users.as("someone", role, () -> discovery.add(List.of(mailbox))))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(countOf("TKY-MBX01")).isZero();
    }

    @Test
    void a_refused_account_an_unreachable_directory_and_a_missing_credential_are_clear_errors() {
        Users.as("admin", Role.ADMIN, () -> {
            if (!credentials.names().contains("ad-wrong")) {
                credentials.create("ad-wrong", CredentialKind.WINDOWS_ACCOUNT, ExchangeForest.ACCOUNT, "not-it");
            }
        });
        var wrongPassword = new ExchangeDirectory(
                settings(ExchangeForest.url(), "ad-wrong"), secrets);
        var nobodyThere = new ExchangeDirectory(
                settings("ldap://127.0.0.1:9", CREDENTIAL), secrets);
        var noSuchCredential = new ExchangeDirectory(
                settings(ExchangeForest.url(), "no-such-credential"), secrets);
        var notSetUp = new ExchangeDirectory(settings("", ""), secrets);

        assertThatThrownBy(wrongPassword::read).isInstanceOfSatisfying(DiscoveryFailedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("discovery.error.bindRefused"));
        assertThatThrownBy(nobodyThere::read).isInstanceOfSatisfying(DiscoveryFailedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("discovery.error.unreachable"));
        assertThatThrownBy(noSuchCredential::read).isInstanceOfSatisfying(DiscoveryFailedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("discovery.error.credential"));
        assertThatThrownBy(notSetUp::read).isInstanceOfSatisfying(DiscoveryFailedException.class,
                e -> assertThat(e.kind()).isEqualTo(DiscoveryFailedException.Cause.NOT_CONFIGURED));
    }

    @Test
    void serial_numbers_of_each_release_are_read() {
        assertThat(ExchangeBuild.parse("Version 8.3 (Build 30083.6)")).contains(new ExchangeBuild(8, 3, "30083.6"));
        assertThat(ExchangeBuild.parse("Version 8.0 (Build 685.24)").orElseThrow().inventoryVersion())
                .isEqualTo("2007");
        assertThat(ExchangeBuild.parse("Version 6.5 (Build 7638.2: Service Pack 2)").orElseThrow())
                .isEqualTo(new ExchangeBuild(6, 5, "7638.2"));
        assertThat(ExchangeBuild.parse("Version 14.3 (Build 30123.4)").orElseThrow().inventoryVersion())
                .isEqualTo("2010 SP3");
        assertThat(ExchangeBuild.parse("no version here")).isEmpty();
        assertThat(ExchangeRole.ofFlags(54)).containsExactlyInAnyOrder(ExchangeRole.MAILBOX,
                ExchangeRole.CLIENT_ACCESS, ExchangeRole.UNIFIED_MESSAGING, ExchangeRole.HUB_TRANSPORT);
    }

    private long countOf(String host) {
        return asAdmin(() -> fleet.count(new ServerFilter(host, null)));
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        return Users.as("admin", Role.ADMIN, action);
    }

    private static DirectoryServer server(ExchangeDirectory.Reading reading, String name) {
        return reading.servers().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static FleetDiscovery.Found found(FleetDiscovery discovery, String name) {
        return discovery.notInInventory().stream().filter(f -> f.server().name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static Addition proposal(FleetDiscovery discovery, String name) {
        return found(discovery, name).proposal();
    }

    private static DiscoverySettings settings(String url, String credential) {
        return new DiscoverySettings(url, credential, Duration.ofSeconds(2), ExchangeForest.MAX_PAGE_SIZE);
    }
}
