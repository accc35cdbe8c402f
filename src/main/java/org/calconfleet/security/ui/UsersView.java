package org.calconfleet.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
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
    private final Grid<AppUser> grid = new Grid<>(AppUser.class, false);

    UsersView(UserService userService) {
        this.userService = userService;
        setSizeFull();
        Button add = new Button(getTranslation("users.add"), VaadinIcon.PLUS.create(), click -> openAddDialog());
        add.setId("user-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(AppUser::getUsername).setHeader(getTranslation("users.column.username")).setAutoWidth(true);
        grid.addColumn(AppUser::getDisplayName).setHeader(getTranslation("users.column.name")).setAutoWidth(true);
        grid.addComponentColumn(this::roleSelect).setHeader(getTranslation("users.column.role"));
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
            var problem = e.problems().getFirst();
            Notification.show(getTranslation(problem.messageKey(), problem.arguments().toArray()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        grid.setItems(userService.listUsers());
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
