package org.calconfleet.change.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.ScheduleKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.i18n.Messages;
import org.calconfleet.policy.PolicyService;
import org.calconfleet.port.PortCheck;
import org.calconfleet.port.PortRules;
import org.calconfleet.ui.FirewallDownloads;
import org.calconfleet.ui.MainLayout;
import org.calconfleet.ui.UserTime;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Intent to plan: pick servers, a port and a reason; see what each host would do; submit it for approval. */
@Route(value = "changes/new", layout = MainLayout.class)
@Menu(title = "nav.newChange", order = 20, icon = "vaadin:plus-circle-o")
@RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
class ChangeWizardView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int MAX_SERVERS = 2_000;
    /**
     * Where a submitted change is followed: the rollout feature's jobs page, named by its route because the rollout
     * feature builds on this one, not the other way round.
     */
    private static final String JOB_ROUTE = "jobs/";

    private final FleetService fleet;
    private final ChangeService changes;
    private final PolicyService policy;
    private final Messages messages;
    private final TextField search = new TextField();
    private final ComboBox<String> site = new ComboBox<>();
    final Grid<ExchangeServer> servers = new Grid<>();
    private final TextField port = new TextField();
    private final TextField reason = new TextField();
    private final TextField ticket = new TextField();
    private final RadioButtonGroup<ScheduleKind> when = new RadioButtonGroup<>();
    private final DateTimePicker windowStart = new DateTimePicker();
    private final DateTimePicker latestStart = new DateTimePicker();
    private final IntegerField canary = new IntegerField();
    private final IntegerField waveSize = new IntegerField();
    private final IntegerField concurrency = new IntegerField();
    private final IntegerField threshold = new IntegerField();
    private final Div planArea = new Div();
    private @Nullable ChangeDraft planned;
    private @Nullable ChangePlan seen;

    ChangeWizardView(FleetService fleet, ChangeService changes, PolicyService policy, Messages messages) {
        this.fleet = fleet;
        this.messages = messages;
        this.changes = changes;
        this.policy = policy;
        addClassName("change-wizard");
        add(new H3(getTranslation("wizard.servers")), serverPicker(), new H3(getTranslation("wizard.change")),
                changeFields(), rolloutFields());
        Button plan = new Button(getTranslation("wizard.plan"), VaadinIcon.CLIPBOARD_CHECK.create(), click -> plan());
        plan.setId("wizard-plan");
        plan.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        planArea.setWidthFull();
        planArea.setId("wizard-plan-area");
        add(plan, planArea);
    }

    /** {@code ?servers=1,2,3} preselects servers, e.g. from "fix drift". */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> ids = event.getLocation().getQueryParameters().getParameters().getOrDefault("servers", List.of());
        Set<Long> wanted = ids.stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .filter(v -> v.matches("\\d+")).map(Long::valueOf).collect(Collectors.toSet());
        servers.getListDataView().getItems().filter(s -> wanted.contains(s.getId())).forEach(servers::select);
        List<String> portParam = event.getLocation().getQueryParameters().getParameters().get("port");
        if (portParam != null && !portParam.isEmpty()) {
            port.setValue(portParam.getFirst());
        }
    }

    private Component serverPicker() {
        search.setPlaceholder(getTranslation("servers.search.placeholder"));
        search.setAriaLabel(getTranslation("servers.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> loadServers());
        search.setId("wizard-search");
        site.setPlaceholder(getTranslation("servers.site.all"));
        site.setAriaLabel(getTranslation("servers.site"));
        site.setItems(fleet.sites());
        site.setClearButtonVisible(true);
        site.addValueChangeListener(e -> loadServers());
        site.setId("wizard-site");
        Button all = new Button(getTranslation("wizard.selectAll"), click -> servers.asMultiSelect()
                .select(servers.getListDataView().getItems().toList()));
        all.setId("wizard-select-all");
        servers.setSelectionMode(Grid.SelectionMode.MULTI);
        servers.addItemClickListener(click -> {
            if (click.getItem() == null) {
                return;
            }
            if (servers.getSelectedItems().contains(click.getItem())) {
                servers.deselect(click.getItem());
            } else {
                servers.select(click.getItem());
            }
        });
        servers.addColumn(ExchangeServer::getHostName).setHeader(getTranslation("servers.column.host"))
                .setAutoWidth(true);
        servers.addColumn(ExchangeServer::getSite).setHeader(getTranslation("servers.column.site")).setAutoWidth(true);
        servers.addColumn(s -> s.getDesiredPort() == null ? "—" : String.valueOf(s.getDesiredPort()))
                .setHeader(getTranslation("servers.column.desired"));
        servers.addColumn(s -> getTranslation(s.drift().messageKey())).setHeader(getTranslation("servers.column.drift"));
        servers.addThemeVariants(GridVariant.LUMO_COMPACT);
        servers.setHeight("18rem");
        servers.addSelectionListener(selection -> servers.getElement()
                .setAttribute("data-selected", String.valueOf(selection.getAllSelectedItems().size())));
        servers.setId("wizard-servers");
        loadServers();
        HorizontalLayout filters = new HorizontalLayout(search, site, all);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout picker = new VerticalLayout(filters, servers);
        picker.setPadding(false);
        return picker;
    }

    private void loadServers() {
        var selected = servers.getSelectedItems().stream().map(ExchangeServer::getId).collect(Collectors.toSet());
        List<ExchangeServer> items = fleet.list(new ServerFilter(search.getValue(), site.getValue()),
                PageRequest.of(0, MAX_SERVERS, Sort.by("hostName")));
        servers.setItems(items);
        items.stream().filter(s -> selected.contains(s.getId())).forEach(servers::select);
    }

    private Component changeFields() {
        port.setLabel(getTranslation("fleet.field.desiredPort"));
        port.setHelperText(getTranslation("fleet.field.desiredPort.help"));
        port.setId("wizard-port");
        Button suggest = new Button(getTranslation("wizard.suggest"), VaadinIcon.MAGIC.create(), click ->
                policy.current().ports().suggest(Set.of()).ifPresentOrElse(
                        p -> port.setValue(String.valueOf(p.value())),
                        () -> Notification.show(getTranslation("wizard.noSuggestion"))));
        suggest.setId("wizard-suggest");
        reason.setLabel(getTranslation("wizard.reason"));
        reason.setWidth("24rem");
        reason.setId("wizard-reason");
        ticket.setLabel(getTranslation("wizard.ticket"));
        ticket.setId("wizard-ticket");
        HorizontalLayout row = new HorizontalLayout(port, suggest, reason, ticket);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private Component rolloutFields() {
        when.setLabel(getTranslation("wizard.when"));
        when.setItems(ScheduleKind.values());
        when.setItemLabelGenerator(k -> getTranslation("wizard.when." + k.name().toLowerCase(Locale.ROOT)));
        when.setValue(ScheduleKind.NOW);
        windowStart.setLabel(getTranslation("wizard.windowStart"));
        latestStart.setLabel(getTranslation("wizard.latestStart"));
        windowStart.setVisible(false);
        latestStart.setVisible(false);
        when.addValueChangeListener(e -> {
            boolean window = e.getValue() == ScheduleKind.WINDOW;
            windowStart.setVisible(window);
            latestStart.setVisible(window);
        });
        ChangeDraft.Waves defaults = ChangeDraft.Waves.DEFAULT;
        configure(canary, "wizard.canary", defaults.canarySize(), 0);
        configure(waveSize, "wizard.waveSize", defaults.waveSize(), 1);
        configure(concurrency, "wizard.concurrency", defaults.concurrency(), 1);
        configure(threshold, "wizard.threshold", defaults.failureThreshold(), 0);
        HorizontalLayout row = new HorizontalLayout(when, windowStart, latestStart, canary, waveSize, concurrency,
                threshold);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }

    private void configure(IntegerField field, String key, int value, int min) {
        field.setLabel(getTranslation(key));
        field.setHelperText(getTranslation(key + ".help"));
        field.setValue(value);
        field.setMin(min);
        field.setStepButtonsVisible(true);
        field.setWidth("11rem");
    }

    private @Nullable ChangeDraft draft() {
        List<Long> ids = servers.getSelectedItems().stream()
                .sorted(java.util.Comparator.comparing(ExchangeServer::getHostName)).map(ExchangeServer::getId).toList();
        port.setInvalid(false);
        reason.setInvalid(false);
        if (ids.isEmpty()) {
            Notification.show(getTranslation("wizard.noServers")).addThemeVariants(NotificationVariant.LUMO_WARNING);
            return null;
        }
        PortCheck check = PortRules.parse(port.getValue());
        if (!check.isValid()) {
            var refusal = check.refusals().getFirst();
            port.setErrorMessage(getTranslation(refusal.messageKey(), refusal.arguments().toArray()));
            port.setInvalid(true);
            return null;
        }
        if (reason.getValue().isBlank()) {
            reason.setErrorMessage(getTranslation("fleet.field.required"));
            reason.setInvalid(true);
            return null;
        }
        try {
            ChangeDraft.Waves waves = new ChangeDraft.Waves(orZero(canary), orZero(waveSize), orZero(concurrency),
                    orZero(threshold));
            ChangeDraft.Schedule schedule = when.getValue() == ScheduleKind.WINDOW
                    ? ChangeDraft.Schedule.window(at(windowStart), at(latestStart)) : ChangeDraft.Schedule.now();
            return new ChangeDraft(ids, check.validPort().orElseThrow().value(), reason.getValue(),
                    ticket.getValue(), schedule, waves);
        } catch (IllegalArgumentException | NullPointerException e) {
            Notification.show(getTranslation("wizard.badRollout")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return null;
        }
    }

    private static int orZero(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    private static java.time.Instant at(DateTimePicker picker) {
        return picker.getValue().atZone(UserTime.zone()).toInstant();
    }

    private void plan() {
        ChangeDraft draft = draft();
        if (draft == null) {
            return;
        }
        try {
            ChangePlan plan = changes.plan(draft);
            planned = draft;
            seen = plan;
            showPlan(plan);
        } catch (ChangeRefusedException e) {
            RefusalNotice.show(messages, e, getLocale());
        }
    }

    private void showPlan(ChangePlan plan) {
        planArea.removeAll();
        Button submit = new Button(getTranslation("wizard.submit", plan.changes()), VaadinIcon.PAPERPLANE.create(),
                click -> submit());
        submit.setId("wizard-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(plan.changes() > 0);
        var firewall = new FirewallDownloads("wizard-firewall", "firewall-plan", plan::firewall);
        planArea.add(new H3(getTranslation("wizard.planTitle")), new ChangePlanView(plan, "wizard"), firewall, submit);
    }

    private void submit() {
        if (planned == null || seen == null) {
            return;
        }
        try {
            ChangeSummary submitted = changes.submit(planned, seen);
            Notification.show(getTranslation("wizard.submitted", submitted.id()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(JOB_ROUTE + submitted.id()));
        } catch (ChangeRefusedException e) {
            RefusalNotice.show(messages, e, getLocale());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.newChange");
    }
}
