package org.calconfleet.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditCheckpoint;
import org.calconfleet.audit.AuditCheckpoints;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.audit.ChainVerification;
import org.calconfleet.i18n.Messages;
import org.calconfleet.ui.Chart;
import org.calconfleet.ui.CsvExport;
import org.calconfleet.ui.MainLayout;
import org.calconfleet.ui.UserTime;
import org.jspecify.annotations.Nullable;

@Route(value = "audit", layout = MainLayout.class)
@Menu(title = "nav.audit", order = 80, icon = "vaadin:file-text-o")
@RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final AuditTrail audit;
    private final AuditCheckpoints checkpoints;
    private final Messages messages;
    private final TextField subject = new TextField();
    private final TextField actor = new TextField();
    private final ComboBox<AuditAction> action = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    private final Div chartSlot = new Div();

    static final int CHART_DAYS = 30;
    static final int CHART_MAX_DAYS = 366;

    AuditView(AuditTrail audit, AuditCheckpoints checkpoints, Messages messages) {
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.messages = messages;
        setSizeFull();

        subject.setLabel(getTranslation("audit.filter.subject"));
        subject.setPlaceholder("server:TKY-EXC01");
        actor.setLabel(getTranslation("audit.filter.actor"));
        action.setLabel(getTranslation("audit.filter.action"));
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(a -> getTranslation(a.messageKey()));
        from.setLabel(getTranslation("audit.filter.from"));
        to.setLabel(getTranslation("audit.filter.to"));
        for (TextField field : new TextField[] {subject, actor}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> refresh());
        }
        action.setClearButtonVisible(true);
        action.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        subject.setId("audit-subject");
        actor.setId("audit-actor");

        Button verify = new Button(getTranslation("audit.verify"), VaadinIcon.CHECK_SQUARE_O.create(),
                click -> showVerification(audit.verify()));
        verify.setId("verify-chain");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Button checkpoint = new Button(getTranslation("audit.checkpoint"), VaadinIcon.ANCHOR.create(),
                click -> writeCheckpoint());
        checkpoint.setId("write-checkpoint");

        CsvExport export = new CsvExport("export-csv", "audit-trail.csv", getTranslation("audit.export"),
                (out, locale, zone) -> audit.exportCsv(currentFilter(zone), out, locale, zone));

        HorizontalLayout filters = new HorizontalLayout(subject, actor, action, from, to);
        filters.addClassName("view-toolbar");
        HorizontalLayout actions = new HorizontalLayout(verify, checkpoint, export);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        configureGrid();
        chartSlot.setWidthFull();
        add(filters, actions, chartSlot, grid);
        refresh();
    }

    private void configureGrid() {
        DateTimeFormatter format = UserTime.dateTime(FormatStyle.MEDIUM, getLocale());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addColumn(AuditEntry::getSeq).setHeader("#").setSortProperty("seq").setAutoWidth(true);
        grid.addColumn(e -> format.format(e.getOccurredAt())).setHeader(getTranslation("audit.column.time"))
                .setSortProperty("occurredAt").setAutoWidth(true);
        grid.addColumn(AuditEntry::getActor).setHeader(getTranslation("audit.column.actor"))
                .setSortProperty("actor").setAutoWidth(true);
        wholeOnHover(e -> getTranslation(e.getAction().messageKey())).setHeader(getTranslation("audit.column.action"))
                .setSortProperty("action").setAutoWidth(true);
        grid.addColumn(AuditEntry::getSubject).setHeader(getTranslation("audit.column.subject"))
                .setSortProperty("subject").setAutoWidth(true);
        wholeOnHover(e -> shown(e.getBefore())).setHeader(getTranslation("audit.column.before"));
        wholeOnHover(e -> shown(e.getAfter())).setHeader(getTranslation("audit.column.after"));
        wholeOnHover(e -> shown(e.getReason())).setHeader(getTranslation("audit.column.reason"));
    }

    /** A column whose values may be longer than it: they end in an ellipsis, and show whole on hover and focus. */
    private Grid.Column<AuditEntry> wholeOnHover(ValueProvider<AuditEntry, String> value) {
        return grid.addColumn(value).setTooltipGenerator(value);
    }

    private String shown(@Nullable String stored) {
        return messages.render(stored, getLocale(), UserTime.zone());
    }

    private void refresh() {
        AuditFilter filter = currentFilter();
        grid.setItems(query -> audit.search(filter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) audit.count(filter));
        chartSlot.removeAll();
        chartSlot.add(perDayChart(filter));
    }

    /**
     * The entries the grid shows, per day of the reader's calendar: over the days the date filter spans (the last
     * 30 days when it is open), at most a year.
     */
    private Chart perDayChart(AuditFilter filter) {
        ZoneId zone = UserTime.zone();
        LocalDate last = to.getValue() != null ? to.getValue() : LocalDate.now(zone);
        LocalDate first = from.getValue() != null && !from.getValue().isAfter(last) ? from.getValue()
                : last.minusDays(CHART_DAYS - 1);
        if (first.isBefore(last.minusDays(CHART_MAX_DAYS - 1))) {
            first = last.minusDays(CHART_MAX_DAYS - 1);
        }
        DateTimeFormatter day = UserTime.date(getLocale());
        Map<LocalDate, Long> perDay = audit.entriesPerDay(filter, first, last, zone);
        Chart chart = new Chart(Chart.Kind.BAR, getTranslation("audit.chart.perDay", day.format(first),
                day.format(last)), perDay.keySet().stream().map(day::format).toList(),
                List.of(Chart.Series.of(getTranslation("audit.chart.entries"), List.copyOf(perDay.values()), 0)),
                false);
        chart.setId("audit-per-day-chart");
        chart.getStyle().set("--calcon-chart-height", "180px");
        return chart;
    }

    private AuditFilter currentFilter() {
        return currentFilter(UserTime.zone());
    }

    /** The filter with its days in {@code zone}, the reader's. */
    private AuditFilter currentFilter(ZoneId zone) {
        return new AuditFilter(blankToNull(subject.getValue()), blankToNull(actor.getValue()), action.getValue(),
                startOf(from.getValue(), zone),
                startOf(to.getValue() == null ? null : to.getValue().plusDays(1), zone));
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static @Nullable Instant startOf(@Nullable LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private void showVerification(ChainVerification result) {
        Notification notification = Notification.show(getTranslation(result.messageKey(),
                result.messageArguments()));
        if (result.isIntact()) {
            notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.setDuration(0);
        }
        refresh();
    }

    private void writeCheckpoint() {
        AuditCheckpoint checkpoint = checkpoints.writeNow();
        Notification.show(getTranslation("audit.checkpoint.written", checkpoint.number(), checkpoint.seq(),
                checkpoint.fileName())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }
}
