package org.calconfleet.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import java.util.TreeSet;
import org.calconfleet.access.SiteScope;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.security.AppUser;
import org.calconfleet.security.NewUser;
import org.calconfleet.security.UserRejectedException;
import org.calconfleet.access.Role;
import org.calconfleet.security.UserService;
import org.calconfleet.ui.MainLayout;

@Route(value = "users", layout = MainLayout.class)
@Menu(title = "nav.users", order = 90, icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService userService;
    private final FleetService fleet;
    private final Grid<AppUser> grid = new Grid<>(AppUser.class, false);

    UsersView(UserService userService, FleetService fleet) {
        this.userService = userService;
        this.fleet = fleet;
        setSizeFull();
        Button add = new Button(getTranslation("users.add"), VaadinIcon.PLUS.create(), click -> openAddDialog());
        add.setId("user-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(AppUser::getUsername).setHeader(getTranslation("users.column.username")).setAutoWidth(true);
        grid.addColumn(AppUser::getDisplayName).setHeader(getTranslation("users.column.name")).setAutoWidth(true);
        grid.addComponentColumn(this::roleSelect).setHeader(getTranslation("users.column.role"));
        grid.addComponentColumn(this::sitesBox).setHeader(getTranslation("users.column.sites")).setKey("sites")
                .setAutoWidth(true);
        grid.addComponentColumn(this::enabledBox).setHeader(getTranslation("users.column.status"));
        grid.setItems(userService.listUsers());
        add(add, grid);
    }

    private Select<Role> roleSelect(AppUser user) {
        Select<Role> select = new Select<>();
        select.setItems(Role.values());
        select.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        select.setValue(user.getRole());
        select.setAriaLabel(getTranslation("users.column.role") + " " + user.getUsername());
        select.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                apply(user, change.getValue(), user.isEnabled());
            }
        });
        return select;
    }

    /** The sites an OPERATOR or HELPDESK user is limited to, among the inventory's; none chosen: all sites. */
    private MultiSelectComboBox<String> sitesBox(AppUser user) {
        MultiSelectComboBox<String> box = new MultiSelectComboBox<>();
        Set<String> sites = new TreeSet<>(fleet.sites());
        sites.addAll(user.getSites());
        box.setItems(sites);
        box.setValue(user.getSites());
        box.setPlaceholder(getTranslation("users.sites.all"));
        box.setAriaLabel(getTranslation("users.column.sites") + " " + user.getUsername());
        box.setEnabled(SiteScope.limitable(user.getRole()));
        box.setId("user-sites-" + user.getUsername());
        box.addValueChangeListener(change -> {
            try {
                userService.limitToSites(user.getUsername(), change.getValue());
                Notification.show(getTranslation("users.changed", user.getUsername()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (UserRejectedException e) {
                refused(e);
            }
            grid.setItems(userService.listUsers());
        });
        return box;
    }

    private Checkbox enabledBox(AppUser user) {
        Checkbox box = new Checkbox(getTranslation("users.enabled"), user.isEnabled());
        box.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                apply(user, user.getRole(), change.getValue());
            }
        });
        return box;
    }

    private void apply(AppUser user, Role role, boolean enabled) {
        try {
            userService.changeUser(user.getUsername(), role, enabled);
            Notification.show(getTranslation("users.changed", user.getUsername()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (UserRejectedException e) {
            refused(e);
        }
        grid.setItems(userService.listUsers());
    }

    private void refused(UserRejectedException e) {
        var problem = e.problems().getFirst();
        Notification.show(getTranslation(problem.messageKey(), problem.arguments().toArray()))
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void openAddDialog() {
        Dialog dialog = new Dialog(getTranslation("users.add"));
        UserFields fields = new UserFields(true);
        Button create = new Button(getTranslation("users.create"), click -> {
            NewUser user = fields.value();
            if (user == null) {
                return;
            }
            try {
                userService.createUser(user);
                dialog.close();
                Notification.show(getTranslation("users.created", user.username()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                grid.setItems(userService.listUsers());
            } catch (UserRejectedException e) {
                fields.show(e);
            }
        });
        create.setId("user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(fields);
        dialog.getFooter().add(new Button(getTranslation("fleet.editor.cancel"), click -> dialog.close()), create);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users");
    }
}
