package org.calconfleet.window.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.rollout.Users;
import org.calconfleet.window.MaintenanceWindows;
import org.calconfleet.window.SiteFreezeInfo;
import org.calconfleet.window.SiteWindowInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MaintenanceViewTest extends KaribuSpringTest {

    @Autowired
    MaintenanceWindows maintenance;
    @Autowired
    AuditTrail audit;

    @AfterEach
    void removeWindowsAndFreezes() {
        Users.as("admin", Role.ADMIN, () -> {
            maintenance.windows().stream().map(SiteWindowInfo::id).forEach(maintenance::removeWindow);
            maintenance.freezes().stream().map(SiteFreezeInfo::id).forEach(maintenance::removeFreeze);
        });
    }

    @Test
    void the_administrator_adds_a_weekly_window_that_crosses_midnight_and_deletes_it_after_confirming() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("maintenance");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Maintenance windows");
        long added = auditCount(AuditAction.MAINTENANCE_WINDOW_ADDED);
        long removed = auditCount(AuditAction.MAINTENANCE_WINDOW_REMOVED);

        MaintenanceView view = _get(MaintenanceView.class);
        view.windowSite.setValue("Tokyo");
        view.day.setValue(DayOfWeek.SATURDAY);
        view.start.setValue(LocalTime.of(22, 0));
        view.end.setValue(LocalTime.of(2, 0));
        view.zone.setValue("Asia/Tokyo");
        _click(_get(Button.class, spec -> spec.withId("window-add")));

        assertThat(notifications()).contains("Window added for site Tokyo");
        assertThat(GridKt._getFormattedRow(view.windows, 0)).containsSequence("Tokyo", "Saturday", "22:00–02:00",
                "Asia/Tokyo");
        assertThat(auditCount(AuditAction.MAINTENANCE_WINDOW_ADDED)).isEqualTo(added + 1);

        _click(deleteButton(view.windows));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Delete the window of site Tokyo, Saturday 22:00–02:00?");
        assertThat(GridKt._size(view.windows)).as("nothing deleted before confirming").isEqualTo(1);
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(GridKt._size(view.windows)).isZero();
        assertThat(auditCount(AuditAction.MAINTENANCE_WINDOW_REMOVED)).isEqualTo(removed + 1);
    }

    @Test
    void a_freeze_of_all_sites_is_added_and_one_that_ends_before_it_starts_is_refused() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("maintenance");
        MaintenanceView view = _get(MaintenanceView.class);
        long added = auditCount(AuditAction.MAINTENANCE_FREEZE_ADDED);

        view.from.setValue(LocalDateTime.of(2026, 12, 28, 0, 0));
        view.until.setValue(LocalDateTime.of(2026, 12, 27, 0, 0));
        view.reason.setValue("year-end freeze");
        _click(_get(Button.class, spec -> spec.withId("freeze-add")));
        assertThat(notifications()).contains("A freeze ends after it starts.");
        assertThat(GridKt._size(view.freezes)).isZero();

        view.until.setValue(LocalDateTime.of(2027, 1, 5, 0, 0));
        _click(_get(Button.class, spec -> spec.withId("freeze-add")));

        assertThat(GridKt._getFormattedRow(view.freezes, 0)).contains("All sites", "year-end freeze", "admin");
        assertThat(auditCount(AuditAction.MAINTENANCE_FREEZE_ADDED)).isEqualTo(added + 1);
        _click(deleteButton(view.freezes));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(GridKt._size(view.freezes)).isZero();
        assertThat(auditCount(AuditAction.MAINTENANCE_FREEZE_REMOVED)).isPositive();
    }

    @Test
    void nobody_but_the_administrator_opens_the_page() {
        for (Role role : new Role[] {Role.OPERATOR, Role.AUDITOR, Role.HELPDESK}) {
            signIn(role.name().toLowerCase(), role);
            UI.getCurrent().navigate("");
            assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel)
                    .doesNotContain("Maintenance windows");
            assertThat(refusedAt("maintenance")).as(role.name()).isTrue();
        }
    }

    /** The first row's delete button: the grid renders its component column outside the tree Karibu searches. */
    private static Button deleteButton(Grid<?> grid) {
        return (Button) GridKt._getCellComponent(grid, 0, "actions");
    }

    private long auditCount(AuditAction action) {
        return Users.as("admin", Role.ADMIN, () -> audit.count(new AuditFilter(null, null, action, null, null)));
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text", "")).toList();
    }
}
