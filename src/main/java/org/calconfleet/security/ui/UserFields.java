package org.calconfleet.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.calconfleet.access.Role;
import org.calconfleet.security.NewUser;
import org.calconfleet.security.UserRejectedException;
import org.calconfleet.security.UserService;

/** The fields of a new user, shared by the first-run page and the administrator's "add user". */
class UserFields extends FormLayout {

    private final TextField username = new TextField();
    private final TextField displayName = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Select<Role> role = new Select<>();
    private final Map<String, HasValidation> byField;

    UserFields(boolean chooseRole) {
        username.setLabel(getTranslation("users.column.username"));
        username.setId("user-username");
        displayName.setLabel(getTranslation("users.column.name"));
        displayName.setId("user-display-name");
        password.setLabel(getTranslation("login.password"));
        password.setHelperText(getTranslation("users.password.help", UserService.MIN_PASSWORD_LENGTH));
        password.setId("user-password");
        repeat.setLabel(getTranslation("users.password.repeat"));
        repeat.setId("user-password-repeat");
        role.setLabel(getTranslation("users.column.role"));
        role.setId("user-role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setValue(Role.HELPDESK);
        add(username, displayName, password, repeat);
        if (chooseRole) {
            add(role);
        }
        byField = Map.of("username", username, "displayName", displayName, "password", password, "role", role);
    }

    /** The new user, or null when the two passwords differ (the message then shows beside the second). */
    NewUser value() {
        if (!password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("users.password.mismatch"));
            repeat.setInvalid(true);
            return null;
        }
        repeat.setInvalid(false);
        return new NewUser(username.getValue().strip(), displayName.getValue(), password.getValue(), role.getValue());
    }

    void show(UserRejectedException refused) {
        byField.values().forEach(field -> field.setInvalid(false));
        for (UserRejectedException.Problem problem : refused.problems()) {
            HasValidation field = byField.getOrDefault(problem.field(), username);
            field.setErrorMessage(getTranslation(problem.messageKey(), problem.arguments().toArray()));
            field.setInvalid(true);
        }
    }
}
