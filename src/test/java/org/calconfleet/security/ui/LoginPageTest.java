package org.calconfleet.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.calconfleet.KaribuSpringTest;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;

/** The sign-in page as a browser that comes back to it after a failed sign-in sees it. */
public abstract class LoginPageTest extends KaribuSpringTest {

    /** The page in {@code language}, opened as the console sends the browser back after {@code failure}. */
    void openLoginPageAfter(AuthenticationException failure, Locale language) {
        openAnonymously();
        UI.getCurrent().setLocale(language);
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
    }

    String errorShownAfter(AuthenticationException failure) {
        return errorShownAfter(failure, Locale.ENGLISH);
    }

    String errorShownAfter(AuthenticationException failure, Locale language) {
        openLoginPageAfter(failure, language);
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        // The form's texts reach the browser as one JSON property; the error message is among them.
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
