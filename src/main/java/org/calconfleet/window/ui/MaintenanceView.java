package org.calconfleet.window.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.ui.MainLayout;
import org.calconfleet.ui.UserTime;
import org.calconfleet.window.MaintenanceRejectedException;
import org.calconfleet.window.MaintenanceWindows;
import org.calconfleet.window.SiteFreezeInfo;
import org.calconfleet.window.SiteWindowInfo;
import org.calconfleet.window.WeeklyWindow;
import org.jspecify.annotations.Nullable;

/**
 * The administrator's maintenance calendar: each site's weekly windows (wall-clock times in the site's zone) and the
 * freezes, of one site or all. Rollouts start hosts only inside them; deleting asks first.
 */
@Route(value = "maintenance", layout = MainLayout.class)
@Menu(title = "nav.maintenance", order = 93, icon = "vaadin:calendar-clock")
@RolesAllowed(Role.ADMIN_NAME)
class MaintenanceView extends VerticalLayout implements HasDynamicTitle {

    private final MaintenanceWindows maintenance;
    final Grid<SiteWindowInfo> windows = new Grid<>(SiteWindowInfo.class, false);
    final Grid<SiteFreezeInfo> freezes = new Grid<>(SiteFreezeInfo.class, false);
    final ComboBox<String> windowSite = new ComboBox<>();
    final Select<DayOfWeek> day = new Select<>();
    final TimePicker start = new TimePicker();
    final TimePicker end = new TimePicker();
    final ComboBox<String> zone = new ComboBox<>();
    final ComboBox<String> freezeSite = new ComboBox<>();
    final DateTimePicker from = new DateTimePicker();
    final DateTimePicker until = new DateTimePicker();
    final TextField reason = new TextField();

    MaintenanceView(MaintenanceWindows maintenance, FleetService fleet) {
        this.maintenance = maintenance;
        setSizeFull();
        List<String> sites = fleet.sites();
        DateTimeFormatter format = UserTime.dateTime(FormatStyle.MEDIUM, getLocale());

        windowSite.setLabel(getTranslation("maintenance.site"));
        windowSite.setId("window-site");
        windowSite.setItems(sites);
        windowSite.setAllowCustomValue(true);
        windowSite.addCustomValueSetListener(custom -> windowSite.setValue(custom.getDetail()));
        day.setLabel(getTranslation("maintenance.day"));
        day.setId("window-day");
        day.setItems(DayOfWeek.values());
        day.setItemLabelGenerator(this::dayName);
        day.setValue(DayOfWeek.SUNDAY);
        start.setLabel(getTranslation("maintenance.start"));
        start.setId("window-start");
        start.setValue(LocalTime.of(2, 0));
        end.setLabel(getTranslation("maintenance.end"));
        end.setId("window-end");
        end.setValue(LocalTime.of(5, 0));
        end.setHelperText(getTranslation("maintenance.end.help"));
        zone.setLabel(getTranslation("maintenance.zone"));
        zone.setId("window-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue(UserTime.zone().getId());
        Button addWindow = new Button(getTranslation("maintenance.window.add"), VaadinIcon.PLUS.create(),
                click -> addWindow());
        addWindow.setId("window-add");
        addWindow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout windowForm = new HorizontalLayout(windowSite, day, start, end, zone, addWindow);
        windowForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        windowForm.setWrap(true);

        windows.setId("windows");
        windows.addColumn(SiteWindowInfo::site).setHeader(getTranslation("maintenance.site")).setAutoWidth(true);
        windows.addColumn(w -> dayName(w.window().day())).setHeader(getTranslation("maintenance.day"))
                .setAutoWidth(true);
        windows.addColumn(w -> getTranslation("maintenance.hours", w.window().start(), w.window().end()))
                .setHeader(getTranslation("maintenance.hours.header")).setAutoWidth(true);
        windows.addColumn(w -> w.window().zone().getId()).setHeader(getTranslation("maintenance.zone"))
                .setAutoWidth(true);
        windows.addComponentColumn(w -> deleteButton("window-delete-" + w.id(), () -> confirmDelete(
                getTranslation("maintenance.window.delete.title", w.site(), dayName(w.window().day()),
                        w.window().start(), w.window().end()),
                () -> maintenance.removeWindow(w.id())))).setKey("actions").setWidth("8em").setFlexGrow(0);
        windows.setAllRowsVisible(true);

        freezeSite.setLabel(getTranslation("maintenance.site"));
        freezeSite.setId("freeze-site");
        freezeSite.setItems(sites);
        freezeSite.setAllowCustomValue(true);
        freezeSite.addCustomValueSetListener(custom -> freezeSite.setValue(custom.getDetail()));
        freezeSite.setPlaceholder(getTranslation("maintenance.allSites"));
        freezeSite.setHelperText(getTranslation("maintenance.freeze.site.help"));
        from.setLabel(getTranslation("maintenance.from"));
        from.setId("freeze-from");
        until.setLabel(getTranslation("maintenance.until"));
        until.setId("freeze-until");
        reason.setLabel(getTranslation("maintenance.reason"));
        reason.setId("freeze-reason");
        Button addFreeze = new Button(getTranslation("maintenance.freeze.add"), VaadinIcon.PLUS.create(),
                click -> addFreeze());
        addFreeze.setId("freeze-add");
        addFreeze.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout freezeForm = new HorizontalLayout(freezeSite, from, until, reason, addFreeze);
        freezeForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        freezeForm.setWrap(true);

        freezes.setId("freezes");
        freezes.addColumn(f -> siteOrAll(f.site())).setHeader(getTranslation("maintenance.site")).setAutoWidth(true);
        freezes.addColumn(f -> format.format(f.freeze().from())).setHeader(getTranslation("maintenance.from"))
                .setAutoWidth(true);
        freezes.addColumn(f -> format.format(f.freeze().until())).setHeader(getTranslation("maintenance.until"))
                .setAutoWidth(true);
        freezes.addColumn(SiteFreezeInfo::reason).setHeader(getTranslation("maintenance.reason")).setFlexGrow(1);
        freezes.addColumn(SiteFreezeInfo::createdBy).setHeader(getTranslation("maintenance.createdBy"))
                .setAutoWidth(true);
        freezes.addComponentColumn(f -> deleteButton("freeze-delete-" + f.id(), () -> confirmDelete(
                getTranslation("maintenance.freeze.delete.title", siteOrAll(f.site()), format.format(f.freeze().from()),
                        format.format(f.freeze().until())),
                () -> maintenance.removeFreeze(f.id())))).setKey("actions").setWidth("8em").setFlexGrow(0);
        freezes.setAllRowsVisible(true);

        add(new Paragraph(getTranslation("maintenance.intro")), new H3(getTranslation("maintenance.windows")),
                windowForm, windows, new H3(getTranslation("maintenance.freezes")), freezeForm, freezes);
        refresh();
    }

    private String dayName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, getLocale());
    }

    private String siteOrAll(@Nullable String site) {
        return site == null ? getTranslation("maintenance.allSites") : site;
    }

    private void addWindow() {
        if (windowSite.getValue() == null || day.getValue() == null || start.getValue() == null
                || end.getValue() == null || zone.getValue() == null) {
            refused(getTranslation("maintenance.incomplete"));
            return;
        }
        act(() -> maintenance.addWindow(windowSite.getValue(),
                new WeeklyWindow(day.getValue(), start.getValue(), end.getValue(), ZoneId.of(zone.getValue()))),
                getTranslation("maintenance.window.added", windowSite.getValue()));
    }

    private void addFreeze() {
        LocalDateTime first = from.getValue();
        LocalDateTime last = until.getValue();
        if (first == null || last == null) {
            refused(getTranslation("maintenance.incomplete"));
            return;
        }
        ZoneId reader = UserTime.zone();
        act(() -> maintenance.addFreeze(freezeSite.getValue(), first.atZone(reader).toInstant(),
                last.atZone(reader).toInstant(), reason.getValue()),
                getTranslation("maintenance.freeze.added", siteOrAll(freezeSite.getValue())));
    }

    private Button deleteButton(String id, Runnable onClick) {
        Button delete = new Button(getTranslation("maintenance.delete"), click -> onClick.run());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setId(id);
        return delete;
    }

    private void confirmDelete(String header, Runnable delete) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(getTranslation("maintenance.delete.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("maintenance.cancel"));
        dialog.setConfirmText(getTranslation("maintenance.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirm -> act(delete, getTranslation("maintenance.deleted")));
        dialog.open();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (MaintenanceRejectedException e) {
            refused(getTranslation(e.messageKey(), e.arguments().toArray()));
        }
        refresh();
    }

    private static void refused(String message) {
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void refresh() {
        windows.setItems(maintenance.windows());
        freezes.setItems(maintenance.freezes());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.maintenance");
    }
}
