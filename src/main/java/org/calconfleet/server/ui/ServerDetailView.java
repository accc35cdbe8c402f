package org.calconfleet.server.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.backend.DominoReload;
import org.calconfleet.backend.HostBackends;
import org.calconfleet.drift.FleetHistory;
import org.calconfleet.fleet.Drift;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FirewallPlans;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ui.ServerEditor;
import org.calconfleet.host.agent.AgentAddress;
import org.calconfleet.i18n.Messages;
import org.calconfleet.port.DominoConsole;
import org.calconfleet.port.FirewallExport;
import org.calconfleet.port.FirewallPlan;
import org.calconfleet.port.FirewallTable;
import org.calconfleet.port.LoadExcalconCommand;
import org.calconfleet.port.NetshCommand;
import org.calconfleet.port.NetshCommands;
import org.calconfleet.port.RpcPort;
import org.calconfleet.rollout.HostRunState;
import org.calconfleet.ui.Chart;
import org.calconfleet.ui.FirewallDownloads;
import org.calconfleet.ui.MainLayout;
import org.calconfleet.ui.UserTime;
import org.jspecify.annotations.Nullable;

@Route(value = "servers", layout = MainLayout.class)
@PermitAll
class ServerDetailView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final int HISTORY_LIMIT = 200;

    private final FleetService fleet;
    private final AuditTrail audit;
    private final FleetHistory history;
    private final FirewallPlans firewallPlans;
    private final HostBackends backends;
    private final Messages messages;
    private final boolean mayEdit;
    private @Nullable ExchangeServer server;

    ServerDetailView(FleetService fleet, AuditTrail audit, FleetHistory history, FirewallPlans firewallPlans,
            HostBackends backends, Messages messages, AuthenticationContext authentication) {
        this.backends = backends;
        this.messages = messages;
        this.fleet = fleet;
        this.audit = audit;
        this.history = history;
        this.firewallPlans = firewallPlans;
        this.mayEdit = authentication.hasAnyRole(Role.ADMIN_NAME, Role.OPERATOR_NAME);
        addClassName("server-detail");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        server = fleet.find(id).orElse(null);
        render();
    }

    private void render() {
        removeAll();
        if (server == null) {
            add(new Paragraph(getTranslation("fleet.detail.notFound")));
            return;
        }
        add(header(server), portPanel(server), firewallPanel(server), dominoPanel(server), timelinePanel(server),
                historyPanel(server));
    }

    private Component header(ExchangeServer s) {
        Span drift = new Span(getTranslation(s.drift().messageKey()));
        drift.addClassNames("status-badge", "drift-" + s.drift().name().toLowerCase(Locale.ROOT));
        drift.setId("detail-drift");
        HorizontalLayout header = new HorizontalLayout(new H3(s.getHostName()), drift,
                new Span(s.getSite() + " · Exchange " + s.getExchangeVersion()));
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (mayEdit) {
            Button edit = new Button(getTranslation("fleet.detail.edit"), VaadinIcon.EDIT.create(),
                    click -> new ServerEditor(fleet, s, saved -> reload()).open());
            edit.setId("server-edit");
            Button delete = new Button(getTranslation("fleet.detail.delete"), VaadinIcon.TRASH.create(),
                    click -> confirmDelete(s));
            delete.setId("server-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            header.add(edit, delete);
            if (s.drift() == Drift.DRIFTED && s.getDesiredPort() != null) {
                Button fix = new Button(getTranslation("fleet.detail.fixDrift"), VaadinIcon.WRENCH.create(),
                        click -> getUI().ifPresent(ui -> ui.navigate("changes/new", QueryParameters.simple(
                                Map.of("servers", String.valueOf(s.getId()), "port",
                                        String.valueOf(s.getDesiredPort()))))));
                fix.setId("server-fix-drift");
                fix.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                header.add(fix);
            }
        }
        return header;
    }

    private void reload() {
        if (server != null) {
            server = fleet.find(server.getId()).orElse(null);
        }
        render();
    }

    private void confirmDelete(ExchangeServer s) {
        TextField reason = new TextField(getTranslation("fleet.detail.delete.reason"));
        reason.setWidthFull();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("fleet.detail.delete.title", s.getHostName()));
        dialog.add(new Paragraph(getTranslation("fleet.detail.delete.text", s.getHostName())), reason);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("fleet.editor.cancel"));
        dialog.setConfirmText(getTranslation("fleet.detail.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCloseOnEsc(true);
        dialog.addConfirmListener(confirm -> {
            fleet.delete(s.getId(), s.getVersion(), reason.getValue());
            Notification.show(getTranslation("fleet.detail.deleted", s.getHostName()));
            getUI().ifPresent(ui -> ui.navigate(""));
        });
        dialog.open();
    }

    private Component portPanel(ExchangeServer s) {
        Div panel = panel("fleet.detail.port");
        panel.add(fact("fleet.detail.desired", port(s.getDesiredPort())),
                fact("fleet.detail.observedExchange", port(s.getObservedExchangePort())),
                fact("fleet.detail.observedNotes", port(s.getObservedNotesPort())),
                fact("fleet.detail.service", getTranslation(s.getServiceState().messageKey())
                        + " (" + s.getServiceName() + ")"),
                fact("fleet.detail.diagnostics", getTranslation(s.getDiagnosticsHigh() == null ? "fleet.unknown"
                        : s.getDiagnosticsHigh() ? "fleet.detail.diagnostics.high" : "fleet.detail.diagnostics.low")),
                fact("fleet.detail.evidence", s.getLastEvidenceAt() == null ? getTranslation("fleet.detail.noEvidence")
                        : formatter().format(s.getLastEvidenceAt()) + " — " + s.getLastEvidenceText()),
                addressFact("fleet.detail.backend", getTranslation(s.getBackendKind().messageKey()) + (s.getBackendAddress() == null ? "" : " " + s.getBackendAddress()),
                        "backend-fingerprint"),
                fact("fleet.detail.credential", s.getCredentialName() == null
                        ? getTranslation("fleet.field.credentialName.none") : s.getCredentialName()),
                fact("fleet.detail.path", pathText(s)));
        return panel;
    }

    /** How this console reaches the server, and why it cannot when it cannot. */
    private String pathText(ExchangeServer s) {
        String path = getTranslation("fleet.path." + s.getBackendKind().name().toLowerCase(Locale.ROOT));
        return backends.pathProblem(s)
                .map(problem -> path + " — " + getTranslation("fleet.path.unavailable",
                        getTranslation(problem.messageKey(), problem.arguments().toArray())))
                .orElse(path);
    }

    private Component firewallPanel(ExchangeServer s) {
        Div panel = panel("fleet.detail.firewall");
        Optional<FirewallPlan> found = s.getDesiredPort() == null ? Optional.empty()
                : firewallPlans.at(s, RpcPort.of(s.getDesiredPort()));
        if (found.isEmpty()) {
            panel.add(new Paragraph(getTranslation("fleet.detail.firewall.needsAddresses")));
            return panel;
        }
        FirewallPlan plan = found.get();
        Grid<List<String>> table = new Grid<>();
        for (int i = 0; i < FirewallTable.COLUMN_KEYS.size(); i++) {
            int column = i;
            table.addColumn(row -> row.get(column)).setHeader(getTranslation(FirewallTable.COLUMN_KEYS.get(i)))
                    .setAutoWidth(true);
        }
        table.setItems(FirewallTable.rows(plan).stream().map(row -> row.cells(this::getTranslation)).toList());
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        table.setId("firewall-table");
        List<String> netsh = NetshCommands.forPlan(plan).stream().map(NetshCommand::commandLine).toList();
        var downloads = new FirewallDownloads("firewall", "firewall-" + s.getHostName(),
                () -> new FirewallExport(List.of(plan), List.of()));
        panel.add(table, downloads, copyable("fleet.detail.firewall.netsh", String.join("\n", netsh), "netsh-commands"));
        return panel;
    }

    private Component dominoPanel(ExchangeServer s) {
        Div panel = panel("fleet.detail.domino");
        panel.add(addressFact("fleet.detail.dominoAgent", s.getDominoAgentAddress() == null
                        ? getTranslation("fleet.detail.dominoAgent.none")
                        : s.getDominoAgentAddress() + " · " + s.getDominoCredentialName(), "domino-fingerprint"),
                fact("fleet.detail.dominoDebugFlag", String.valueOf(s.getDominoDebugFlag())));
        if (s.getDesiredPort() == null || s.getCalendarSystem() == null
                || !LoadExcalconCommand.refusalsFor(s.getHostName(), s.getCalendarSystem(),
                s.getDominoDebugFlag()).isEmpty()) {
            panel.add(new Paragraph(getTranslation("fleet.detail.domino.notApplicable")));
            return panel;
        }
        List<String> commands = DominoConsole.restartExcalcon(new LoadExcalconCommand(s.getHostName(),
                s.getCalendarSystem(), RpcPort.of(s.getDesiredPort()), s.getDominoDebugFlag()));
        panel.add(new Paragraph(getTranslation("fleet.detail.domino.where", String.valueOf(s.getDominoServer()))));
        DominoReload reload = backends.dominoReload(s);
        String reloadText = getTranslation(reload.messageKey(), reload.arguments().toArray());
        Paragraph how = new Paragraph(getTranslation("fleet.detail.domino.reload", backends.dominoPathProblem(s)
                .map(problem -> reloadText + " — " + getTranslation("fleet.path.unavailable",
                        getTranslation(problem.messageKey(), problem.arguments().toArray())))
                .orElse(reloadText)));
        how.setId("domino-reload-path");
        panel.add(how);
        for (int i = 0; i < commands.size(); i++) {
            panel.add(copyable(null, commands.get(i), "domino-command-" + i));
        }
        return panel;
    }

    private Component timelinePanel(ExchangeServer s) {
        Div panel = panel("fleet.detail.timeline");
        List<FleetHistory.PortChange> changes = history.portTimeline(Objects.requireNonNull(s.getId()));
        if (changes.isEmpty()) {
            panel.add(new Paragraph(getTranslation("fleet.detail.timeline.none")));
            return panel;
        }
        DateTimeFormatter format = UserTime.dateTime(FormatStyle.SHORT, getLocale());
        List<Chart.Series> series = new ArrayList<>();
        series.add(Chart.Series.of(getTranslation("fleet.detail.timeline.port"),
                changes.stream().map(FleetHistory.PortChange::portAfter).toList(), FleetHistory.OUTCOMES.size()));
        for (HostRunState outcome : FleetHistory.OUTCOMES) {
            if (changes.stream().anyMatch(c -> c.outcome() == outcome)) {
                series.add(new Chart.Series(getTranslation(outcome.messageKey()), changes.stream()
                        .map(c -> c.outcome() == outcome ? c.targetPort() : null).toList(),
                        FleetHistory.OUTCOMES.indexOf(outcome), true));
            }
        }
        Chart chart = new Chart(Chart.Kind.STEPPED_LINE, getTranslation("fleet.detail.timeline.chart",
                s.getHostName()), changes.stream().map(c -> getTranslation("fleet.detail.timeline.label",
                c.rolloutId(), format.format(c.finishedAt()))).toList(), series, true);
        chart.setId("port-timeline");
        panel.add(chart);
        return panel;
    }

    private Component historyPanel(ExchangeServer s) {
        Div panel = panel("fleet.detail.history");
        Grid<AuditEntry> history = new Grid<>();
        DateTimeFormatter format = formatter();
        history.addColumn(e -> format.format(e.getOccurredAt())).setHeader(getTranslation("audit.column.time"))
                .setAutoWidth(true);
        history.addColumn(AuditEntry::getActor).setHeader(getTranslation("audit.column.actor")).setAutoWidth(true);
        history.addColumn(e -> getTranslation(e.getAction().messageKey()))
                .setHeader(getTranslation("audit.column.action")).setAutoWidth(true);
        history.addColumn(e -> shown(e.getBefore())).setHeader(getTranslation("audit.column.before"));
        history.addColumn(e -> shown(e.getAfter())).setHeader(getTranslation("audit.column.after"));
        history.addColumn(e -> shown(e.getReason())).setHeader(getTranslation("audit.column.reason"));
        history.setItems(audit.historyOf(AuditSubject.server(s.getHostName()), HISTORY_LIMIT));
        history.setAllRowsVisible(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setId("server-history");
        panel.add(history);
        return panel;
    }

    private String shown(@Nullable String stored) {
        return messages.render(stored, getLocale(), UserTime.zone());
    }

    private Div panel(String titleKey) {
        Div panel = new Div(new H3(getTranslation(titleKey)));
        panel.addClassName("detail-panel");
        panel.setWidthFull();
        return panel;
    }

    private Component fact(String labelKey, String value) {
        Div fact = new Div(new Span(getTranslation(labelKey)), new Span(value));
        fact.addClassName("fact");
        return fact;
    }

    /**
     * A value that may hold a pinned certificate fingerprint (an agent address): the fingerprint on one line in
     * monospace, cut short with an ellipsis (whole in its tooltip), and a button that copies it.
     */
    private Component addressFact(String labelKey, String value, String id) {
        int start = value.indexOf(AgentAddress.FINGERPRINT_PART);
        if (start < 0) {
            return fact(labelKey, value);
        }
        int end = value.indexOf(' ', start);
        String fingerprint = value.substring(start, end < 0 ? value.length() : end);
        Span shown = new Span(fingerprint);
        shown.setId(id);
        shown.addClassName("fingerprint");
        shown.setTitle(fingerprint);
        Button copy = copyButton(fingerprint);
        copy.setId(id + "-copy");
        Div line = new Div(new Span(value.substring(0, start).strip()), shown, copy);
        if (end >= 0) {
            line.add(new Span(value.substring(end).strip()));
        }
        line.addClassName("fingerprint-line");
        Div fact = new Div(new Span(getTranslation(labelKey)), line);
        fact.addClassName("fact");
        return fact;
    }

    private Button copyButton(String text) {
        Button copy = new Button(getTranslation("fleet.detail.copy"), VaadinIcon.COPY_O.create(), click -> {
            click.getSource().getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", text);
            Notification.show(getTranslation("fleet.detail.copied"));
        });
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        copy.getElement().setAttribute("aria-label", getTranslation("fleet.detail.copy") + ": " + text.lines()
                .findFirst().orElse(""));
        return copy;
    }

    private Component copyable(@Nullable String labelKey, String text, String id) {
        Pre pre = new Pre(text);
        pre.setId(id);
        Button copy = copyButton(text);
        Div block = new Div();
        block.addClassName("copyable");
        if (labelKey != null) {
            block.add(new Span(getTranslation(labelKey)));
        }
        block.add(pre, copy);
        return block;
    }

    private String port(@Nullable Integer port) {
        if (port == null) {
            return getTranslation("fleet.unknown");
        }
        return port == 0 ? getTranslation("port.dynamic.short") : String.valueOf(port);
    }

    private DateTimeFormatter formatter() {
        return UserTime.dateTime(FormatStyle.MEDIUM, getLocale());
    }

    @Override
    public String getPageTitle() {
        return server == null ? getTranslation("nav.servers") : server.getHostName();
    }
}
