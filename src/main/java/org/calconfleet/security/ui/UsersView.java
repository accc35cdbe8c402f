package org.calconfleet.security.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.calconfleet.security.AppUser;
import org.calconfleet.access.Role;
import org.calconfleet.security.UserService;
import org.calconfleet.ui.MainLayout;

@Route(value = "users", layout = MainLayout.class)
@Menu(title = "nav.users", order = 90, icon = "vaadin:users")
@RolesAllowed(Role.ADMIN_NAME)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    UsersView(UserService userService) {
        setSizeFull();
        Grid<AppUser> grid = new Grid<>(AppUser.class, false);
        grid.addColumn(AppUser::getUsername).setHeader(getTranslation("users.column.username")).setAutoWidth(true);
        grid.addColumn(AppUser::getDisplayName).setHeader(getTranslation("users.column.name")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.getRole().messageKey())).setHeader(getTranslation("users.column.role"));
        grid.addColumn(u -> getTranslation(u.isEnabled() ? "users.enabled" : "users.disabled"))
                .setHeader(getTranslation("users.column.status"));
        grid.setItems(userService.listUsers());
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users");
    }
}
