package org.calconfleet.discovery.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.IntStream;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.discovery.FleetDiscovery;
import org.calconfleet.discovery.ForestTestBase;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.rollout.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

class DiscoveryViewTest extends ForestTestBase {

    @Autowired
    FleetService fleet;
    @Autowired
    AuditTrail audit;

    @Test
    void the_administrator_runs_discovery_picks_two_servers_gives_them_a_site_and_adds_them_after_confirming() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("discovery");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Discovery");
        assertThat(_find(Paragraph.class, spec -> spec.withId("discovery-not-configured"))).isEmpty();
        long runsBefore = auditCount(AuditAction.FLEET_DISCOVERED);

        _click(_get(Button.class, spec -> spec.withId("discovery-run")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("discovery-summary")).getText())
                .startsWith("Active Directory lists 11 Exchange servers (CN=Configuration,DC=corp,DC=example)");
        var found = _get(DiscoveryView.class).found;
        assertThat(row(found, "TKY-MBX01.corp.example")).contains("2007 SP3 (build 8.3 (30083.6))", "Mailbox",
                "Tokyo", "no connector expected: Exchange 2007 without Hub Transport");
        assertThat(row(found, "EDGE01.dmz.example")).contains("not possible: an Edge Transport server");
        assertThat(row(found, "TKY-EX2010.corp.example")).contains("not possible: the connector is for Exchange 2007 only");
        assertThat(selected(found)).contains("TKY-EXC21.corp.example", "NGY-EXC01.corp.example")
                .doesNotContain("TKY-MBX01.corp.example", "EDGE01.dmz.example", "TKY-EX2010.corp.example");
        assertThat(GridKt._size(_get(DiscoveryView.class).missing)).isGreaterThan(30);
        assertThat(GridKt._getFormattedRow(_get(DiscoveryView.class).versions, 0))
                .containsExactly("TKY-EXC03", "2007 SP2", "2007 SP3 (build 8.3 (30083.6))");
        assertThat(auditCount(AuditAction.FLEET_DISCOVERED)).isEqualTo(runsBefore + 1);

        found.asMultiSelect().deselectAll();
        found.asMultiSelect().select(item(found, "TKY-EXC21.corp.example"), item(found, "NGY-EXC01.corp.example"));
        _click(_get(Button.class, spec -> spec.withId("discovery-add")));
        @SuppressWarnings("unchecked")
        ComboBox<String> nagoya = _get(ComboBox.class, spec -> spec.withId("discovery-site-NGY-EXC01.corp.example"));
        assertThat(nagoya.getValue()).as("the directory's site, new to the inventory").isEqualTo("Nagoya");
        _get(TextField.class, spec -> spec.withId("discovery-domino-NGY-EXC01.corp.example")).setValue("NGY-DOM01");
        _click(_get(Button.class, spec -> spec.withId("discovery-add-confirm")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Add 2 servers to the inventory?");
        assertThat(count("NGY-EXC01")).as("nothing before the confirmation").isZero();
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(notifications()).contains("2 servers added to the inventory.");
        assertThat(selected(found)).isEmpty();
        assertThat(items(found)).doesNotContain("TKY-EXC21.corp.example", "NGY-EXC01.corp.example");
        var added = Users.as("admin", Role.ADMIN, () -> fleet.list(new ServerFilter("NGY-EXC01", null),
                Pageable.ofSize(2)));
        assertThat(added).singleElement().satisfies(server -> {
            assertThat(server.getSite()).isEqualTo("Nagoya");
            assertThat(server.getDominoServer()).isEqualTo("NGY-DOM01");
        });
        assertThat(count("TKY-EXC21")).isEqualTo(1);
        for (String host : List.of("TKY-EXC21.corp.example", "NGY-EXC01.corp.example")) {
            assertThat(Users.as("admin", Role.ADMIN, () -> audit.count(new AuditFilter("server:" + host, "admin",
                    AuditAction.SERVER_CREATED, null, null)))).isEqualTo(1);
        }
    }

    @Test
    void a_refused_pick_adds_nothing_and_keeps_the_dialog_open_with_the_reason_beside_the_field() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("discovery");
        _click(_get(Button.class, spec -> spec.withId("discovery-run")));
        var found = _get(DiscoveryView.class).found;
        found.asMultiSelect().deselectAll();
        found.asMultiSelect().select(item(found, "TKY-MBX01.corp.example"));
        _click(_get(Button.class, spec -> spec.withId("discovery-add")));
        TextField partner = _get(TextField.class, spec -> spec.withId("discovery-domino-TKY-MBX01.corp.example"));
        partner.setValue("");

        _click(_get(Button.class, spec -> spec.withId("discovery-add-confirm")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(partner.isInvalid()).isTrue();
        assertThat(partner.getErrorMessage()).isEqualTo("required");
        assertThat(notifications()).anySatisfy(text -> assertThat(text)
                .startsWith("Nothing was added: TKY-MBX01.corp.example was refused"));
        assertThat(count("TKY-MBX01")).isZero();
    }

    @Test
    void nobody_but_the_administrator_opens_discovery() {
        for (Role role : new Role[] {Role.OPERATOR, Role.AUDITOR, Role.HELPDESK}) {
            signIn(role.name().toLowerCase(), role);
            UI.getCurrent().navigate("");
            assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Discovery");
            assertThat(refusedAt("discovery")).as(role.name()).isTrue();
        }
    }

    private long count(String host) {
        return Users.as("admin", Role.ADMIN, () -> fleet.count(new ServerFilter(host, null)));
    }

    private long auditCount(AuditAction action) {
        return Users.as("admin", Role.ADMIN, () -> audit.count(new AuditFilter(null, null, action, null, null)));
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text", "")).toList();
    }

    private static List<String> row(Grid<FleetDiscovery.Found> grid, String host) {
        return GridKt._getFormattedRow(grid, indexOf(grid, host));
    }

    private static FleetDiscovery.Found item(Grid<FleetDiscovery.Found> grid, String host) {
        return GridKt._get(grid, indexOf(grid, host));
    }

    private static int indexOf(Grid<FleetDiscovery.Found> grid, String host) {
        int index = items(grid).indexOf(host);
        if (index < 0) {
            throw new AssertionError("no row " + host);
        }
        return index;
    }

    private static List<String> items(Grid<FleetDiscovery.Found> grid) {
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i).server().hostName()).toList();
    }

    private static List<String> selected(Grid<FleetDiscovery.Found> grid) {
        return grid.getSelectedItems().stream().map(f -> f.server().hostName()).toList();
    }
}
