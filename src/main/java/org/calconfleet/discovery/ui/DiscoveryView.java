package org.calconfleet.discovery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.calconfleet.access.Role;
import org.calconfleet.discovery.AdditionRejectedException;
import org.calconfleet.discovery.DirectoryServer;
import org.calconfleet.discovery.DiscoveryFailedException;
import org.calconfleet.discovery.DiscoveryService;
import org.calconfleet.discovery.ExchangeBuild;
import org.calconfleet.discovery.FleetDiscovery;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerProblem;
import org.calconfleet.ui.MainLayout;
import org.jspecify.annotations.Nullable;

/**
 * Discovery for the administrator: the servers of the directory the inventory lacks (those that may run the
 * connector ticked), the inventory's servers the directory no longer lists (listed only: removing stays on the
 * server's own page), and versions that differ. Adding asks for each server's site, backend and Domino partner,
 * then for a confirmation.
 */
@Route(value = "discovery", layout = MainLayout.class)
@Menu(title = "nav.discovery", order = 12, icon = "vaadin:search")
@RolesAllowed(Role.ADMIN_NAME)
class DiscoveryView extends VerticalLayout implements HasDynamicTitle {

    private final DiscoveryService discovery;
    private final FleetService fleet;
    final Grid<FleetDiscovery.Found> found = new Grid<>();
    final Grid<FleetDiscovery.Missing> missing = new Grid<>();
    final Grid<FleetDiscovery.VersionDifference> versions = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final VerticalLayout result = new VerticalLayout();
    private final List<FleetDiscovery.Found> notInInventory = new ArrayList<>();

    DiscoveryView(DiscoveryService discovery, FleetService fleet) {
        this.discovery = discovery;
        this.fleet = fleet;
        setSizeFull();
        Button run = new Button(getTranslation("discovery.run"), VaadinIcon.SEARCH.create(), click -> run());
        run.setId("discovery-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("discovery.intro")));
        if (!discovery.configured()) {
            Paragraph notConfigured = new Paragraph(getTranslation("discovery.error.notConfigured"));
            notConfigured.setId("discovery-not-configured");
            add(notConfigured);
        }
        add(run);

        summary.setId("discovery-summary");
        Button addSelected = new Button(getTranslation("discovery.addSelected"), VaadinIcon.PLUS.create(),
                click -> openAdditions());
        addSelected.setId("discovery-add");
        result.setPadding(false);
        result.add(summary, new H3(getTranslation("discovery.notInInventory")),
                new Paragraph(getTranslation("discovery.notInInventory.help")), foundGrid(), addSelected,
                new H3(getTranslation("discovery.notInDirectory")),
                new Paragraph(getTranslation("discovery.notInDirectory.help")), missingGrid(),
                new H3(getTranslation("discovery.versions")), versionsGrid());
        result.setVisible(false);
        add(result);
    }

    private Grid<FleetDiscovery.Found> foundGrid() {
        found.setSelectionMode(Grid.SelectionMode.MULTI);
        found.setItemSelectableProvider(f -> f.connectorGuess().selectable());
        found.addColumn(f -> f.server().hostName()).setHeader(getTranslation("fleet.field.hostName"))
                .setAutoWidth(true);
        found.addColumn(f -> version(f.server().build())).setHeader(getTranslation("discovery.column.version"))
                .setAutoWidth(true);
        found.addColumn(f -> roles(f.server())).setHeader(getTranslation("discovery.column.roles")).setAutoWidth(true);
        found.addColumn(f -> f.server().site() == null ? "" : f.server().site())
                .setHeader(getTranslation("discovery.column.site")).setAutoWidth(true);
        found.addColumn(f -> getTranslation(f.connectorGuess().messageKey()))
                .setHeader(getTranslation("discovery.column.connector")).setFlexGrow(1);
        found.setAllRowsVisible(true);
        return found;
    }

    private Grid<FleetDiscovery.Missing> missingGrid() {
        missing.addColumn(FleetDiscovery.Missing::hostName).setHeader(getTranslation("fleet.field.hostName"))
                .setAutoWidth(true);
        missing.addColumn(FleetDiscovery.Missing::site).setHeader(getTranslation("fleet.field.site"))
                .setAutoWidth(true);
        missing.addColumn(FleetDiscovery.Missing::exchangeVersion)
                .setHeader(getTranslation("discovery.column.inventoryVersion")).setAutoWidth(true);
        missing.setAllRowsVisible(true);
        missing.addItemClickListener(click -> missing.getUI()
                .ifPresent(ui -> ui.navigate("servers/" + click.getItem().id())));
        return missing;
    }

    private Grid<FleetDiscovery.VersionDifference> versionsGrid() {
        versions.addColumn(FleetDiscovery.VersionDifference::hostName)
                .setHeader(getTranslation("fleet.field.hostName")).setAutoWidth(true);
        versions.addColumn(FleetDiscovery.VersionDifference::inventoryVersion)
                .setHeader(getTranslation("discovery.column.inventoryVersion")).setAutoWidth(true);
        versions.addColumn(v -> version(v.build())).setHeader(getTranslation("discovery.column.version"))
                .setAutoWidth(true);
        versions.setAllRowsVisible(true);
        return versions;
    }

    private void run() {
        FleetDiscovery discovered;
        try {
            discovered = discovery.discover();
        } catch (DiscoveryFailedException e) {
            Notification.show(getTranslation(e.messageKey(), e.arguments().toArray()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        summary.setText(getTranslation("discovery.summary", discovered.directoryServers(),
                discovered.configurationContext(), discovered.notInInventory().size(),
                discovered.notInDirectory().size(), discovered.versionDifferences().size()));
        notInInventory.clear();
        notInInventory.addAll(discovered.notInInventory());
        showFound();
        found.asMultiSelect().select(notInInventory.stream().filter(f -> f.connectorGuess().preselected()).toList());
        missing.setItems(discovered.notInDirectory());
        versions.setItems(discovered.versionDifferences());
        result.setVisible(true);
    }

    private void showFound() {
        found.setItems(notInInventory);
    }

    private void openAdditions() {
        List<FleetDiscovery.Found> picked = found.getSelectedItems().stream()
                .sorted(Comparator.comparing(f -> f.server().hostName())).toList();
        if (picked.isEmpty()) {
            Notification.show(getTranslation("discovery.noneSelected"));
            return;
        }
        Dialog dialog = new Dialog(getTranslation("discovery.add.title", picked.size()));
        dialog.setWidth("90vw");
        List<AdditionFields> rows = picked.stream()
                .map(f -> new AdditionFields(f, fleet.sites(), fleet.credentialNames())).toList();
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        rows.forEach(form::add);
        Button add = new Button(getTranslation("discovery.add"), click -> confirm(dialog, rows));
        add.setId("discovery-add-confirm");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("discovery.add.help")), form);
        dialog.getFooter().add(new Button(getTranslation("discovery.cancel"), click -> dialog.close()), add);
        dialog.open();
    }

    private void confirm(Dialog dialog, List<AdditionFields> rows) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("discovery.confirm.title", rows.size()));
        confirm.setText(getTranslation("discovery.confirm.text", rows.stream()
                .map(row -> row.found().server().hostName()).collect(Collectors.joining(", "))));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("discovery.cancel"));
        confirm.setConfirmText(getTranslation("discovery.add"));
        confirm.addConfirmListener(event -> {
            try {
                discovery.add(rows.stream().map(AdditionFields::edited).toList());
            } catch (AdditionRejectedException e) {
                ServerProblem first = e.problems().getFirst();
                rows.stream().filter(row -> row.found().server().hostName().equals(e.hostName())).findFirst()
                        .ifPresent(row -> row.show(e.problems()));
                Notification.show(getTranslation("discovery.add.refused", e.hostName(),
                        getTranslation(first.messageKey(), first.arguments().toArray())))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            dialog.close();
            List<DirectoryServer> added = rows.stream().map(row -> row.found().server()).toList();
            notInInventory.removeIf(f -> added.contains(f.server()));
            showFound();
            Notification.show(getTranslation("discovery.added", added.size()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        confirm.open();
    }

    private String version(@Nullable ExchangeBuild build) {
        return build == null ? getTranslation("discovery.version.unknown")
                : getTranslation("discovery.version", build.inventoryVersion(), build.toString());
    }

    private String roles(DirectoryServer server) {
        return server.roles().stream().sorted().map(role -> getTranslation(role.messageKey()))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.discovery");
    }
}
