package org.calconfleet.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

@ActiveProfiles(value = "test", inheritProfiles = false)
@DirtiesContext
class FirstRunViewTest extends KaribuSpringTest {

    @Autowired
    UserService users;

    @Test
    void a_new_installation_sends_the_visitor_to_create_the_first_administrator() {
        openAnonymously();
        UI.getCurrent().navigate("login");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("setup");

        _get(TextField.class, spec -> spec.withId("user-username")).setValue("ops-admin");
        _get(TextField.class, spec -> spec.withId("user-display-name")).setValue("Ops Admin");
        _get(PasswordField.class, spec -> spec.withId("user-password")).setValue("correct horse battery");
        _get(PasswordField.class, spec -> spec.withId("user-password-repeat")).setValue("correct horse battery");
        _get(Button.class, spec -> spec.withId("first-run-create")).click();

        assertThat(users.firstRunNeeded()).isFalse();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
    }
}
