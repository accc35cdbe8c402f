package org.calconfleet.fleet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.calconfleet.access.Role;
import org.calconfleet.fleet.Drift;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FirewallPlans;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerCsv;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.ui.FirewallDownloads;
import org.calconfleet.ui.CsvExport;
import org.calconfleet.ui.MainLayout;
import org.jspecify.annotations.Nullable;

@Route(value = "", layout = MainLayout.class)
@Menu(title = "nav.servers", order = 10, icon = "vaadin:server")
@PermitAll
class ServersView extends VerticalLayout implements HasDynamicTitle {

    /** The width (CSS pixels) up to which the grid drops its least needed column; as in app.css. */
    private static final int TABLET_WIDTH = 1024;

    private final FleetService fleet;
    private final FirewallPlans firewallPlans;
    private final TextField search = new TextField();
    private final ComboBox<String> site = new ComboBox<>();
    private final Span total = new Span();
    private final Select<ServerCsv.Header> exportHeader = new Select<>();
    final Grid<ExchangeServer> grid = new Grid<>(ExchangeServer.class, false);

    ServersView(FleetService fleet, FirewallPlans firewallPlans, AuthenticationContext authentication) {
        this.firewallPlans = firewallPlans;
        this.fleet = fleet;
        setSizeFull();
        addClassName("servers-view");

        search.setPlaceholder(getTranslation("servers.search.placeholder"));
        search.setAriaLabel(getTranslation("servers.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.setId("server-search");

        site.setPlaceholder(getTranslation("servers.site.all"));
        site.setAriaLabel(getTranslation("servers.site"));
        List<String> sites = fleet.sites();
        site.setItems(sites);
        site.setClearButtonVisible(true);
        site.addValueChangeListener(e -> refresh());
        site.setId("site-filter");

        total.addClassName("result-count");
        HorizontalLayout toolbar = new HorizontalLayout(search, site, total);
        if (authentication.hasAnyRole(Role.ADMIN_NAME, Role.OPERATOR_NAME)) {
            Button add = new Button(getTranslation("fleet.add"), VaadinIcon.PLUS.create(),
                    click -> new ServerEditor(fleet, null, saved -> refresh()).open());
            add.setId("server-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button importCsv = new Button(getTranslation("fleet.import.open"), VaadinIcon.UPLOAD.create(),
                    click -> new ImportDialog(fleet, this::refresh).open());
            importCsv.setId("server-import");
            toolbar.add(add, importCsv);
        }
        exportHeader.setLabel(getTranslation("fleet.export.header"));
        exportHeader.setItems(ServerCsv.Header.values());
        exportHeader.setItemLabelGenerator(header -> getTranslation(header == ServerCsv.Header.JAPANESE
                ? "language.ja" : "language.en"));
        exportHeader.setValue(ServerCsv.Header.forLanguage(getLocale()));
        exportHeader.setId("server-export-header");
        exportHeader.addClassName("export-header");
        CsvExport export = new CsvExport("server-export", "calcon-servers.csv", getTranslation("fleet.export"),
                (out, locale, zone) -> fleet.exportCsv(currentFilter(), exportHeader.getValue(), out));
        var firewall = new FirewallDownloads("servers-firewall", "firewall-servers",
                () -> firewallPlans.export(currentFilter()));
        toolbar.add(exportHeader, export, firewall);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("view-toolbar");

        configureGrid(sites);
        add(toolbar, grid);
        refresh();
    }

    private void configureGrid(List<String> sites) {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        // A link, so that a keyboard reaches the detail too: Tab into the grid, arrows to the row, Enter twice.
        grid.addColumn(LitRenderer.<ExchangeServer>of("<a href=\"servers/${item.id}\">${item.host}</a>")
                        .withProperty("id", ExchangeServer::getId).withProperty("host", ExchangeServer::getHostName))
                .setHeader(getTranslation("servers.column.host"))
                .setSortProperty("hostName").setKey("hostName").setAutoWidth(true).setFrozen(true);
        // Wide enough for every site, not only those of the first rows (which is all an automatic width measures).
        grid.addColumn(ExchangeServer::getSite).setHeader(getTranslation("servers.column.site"))
                .setSortProperty("site").setKey("site").setWidth(widthInCh(sites)).setFlexGrow(1);
        Grid.Column<ExchangeServer> version = grid.addColumn(ExchangeServer::getExchangeVersion)
                .setHeader(getTranslation("servers.column.version"))
                .setSortProperty("exchangeVersion").setKey("exchangeVersion").setAutoWidth(true);
        // On a tablet the helpdesk reads ports, service and drift; the Exchange version is on the server's page.
        addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            @Nullable ExtendedClientDetails window = page.getExtendedClientDetails();
            if (window != null) {
                version.setVisible(window.getWindowInnerWidth() > TABLET_WIDTH);
            }
            Registration resizes = page.addBrowserWindowResizeListener(
                    resize -> version.setVisible(resize.getWidth() > TABLET_WIDTH));
            addDetachListener(detach -> {
                resizes.remove();
                detach.unregisterListener();
            });
        });
        grid.addColumn(s -> portText(s.getDesiredPort())).setHeader(getTranslation("servers.column.desired"))
                .setSortProperty("desiredPort").setKey("desiredPort").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(this::observedText).setHeader(getTranslation("servers.column.observed"))
                .setSortProperty("observedExchangePort").setKey("observed").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation(s.getServiceState().messageKey()))
                .setHeader(getTranslation("servers.column.service")).setSortProperty("serviceState")
                .setKey("serviceState").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::driftBadge)).setHeader(getTranslation("servers.column.drift"))
                .setKey("drift").setAutoWidth(true);
        grid.setMultiSort(true);
        grid.addItemClickListener(click -> click.getSource().getUI().ifPresent(ui ->
                ui.navigate("servers/" + click.getItem().getId())));
    }

    private void refresh() {
        ServerFilter filter = currentFilter();
        grid.setItems(
                query -> fleet.list(filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) fleet.count(filter));
        total.setText(getTranslation("servers.count", fleet.count(filter)));
    }

    private ServerFilter currentFilter() {
        return new ServerFilter(search.getValue(), site.getValue());
    }

    /** Room for the longest of the texts, its sort arrows and padding. */
    private static String widthInCh(List<String> texts) {
        int longest = texts.stream().mapToInt(text -> text.codePoints().map(ServersView::columns).sum())
                .max().orElse(0);
        return (Math.max(longest, 4) + 4) + "ch";
    }

    /** A wide (East Asian) character takes two {@code ch}, others one. */
    private static int columns(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return Character.isIdeographic(codePoint) || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA ? 2 : 1;
    }

    private String portText(@Nullable Integer port) {
        if (port == null) {
            return "—";
        }
        return port == 0 ? getTranslation("port.dynamic.short") : String.valueOf(port);
    }

    private String observedText(ExchangeServer server) {
        Integer exchange = server.getObservedExchangePort();
        Integer notes = server.getObservedNotesPort();
        if (exchange != null && exchange.equals(notes)) {
            return portText(exchange);
        }
        return portText(exchange) + " / " + portText(notes);
    }

    private Span driftBadge(ExchangeServer server) {
        Drift drift = server.drift();
        Span badge = new Span(getTranslation(drift.messageKey()));
        badge.addClassNames("status-badge", "drift-" + drift.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.servers");
    }
}
