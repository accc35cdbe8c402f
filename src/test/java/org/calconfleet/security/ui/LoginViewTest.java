package org.calconfleet.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import org.calconfleet.security.SignInManager;
import org.calconfleet.security.SignInRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class LoginViewTest extends LoginPageTest {

    @Test
    void without_single_sign_on_configured_the_page_offers_only_the_form() {
        openAnonymously();
        UI.getCurrent().navigate("login");

        _get(LoginForm.class);
        _assertNone(Anchor.class, spec -> spec.withId("sso-sign-in"));
    }

    @Test
    void a_wrong_password_gets_the_plain_message() {
        assertThat(errorShownAfter(new BadCredentialsException("Bad credentials")))
                .contains("Check the user name and password and try again.").doesNotContain("Too many");
    }

    @Test
    void a_locked_user_name_is_told_when_to_try_again_without_learning_whether_it_exists() {
        SignInManager signIn = context.getBean(SignInManager.class);
        Throwable last = null;
        for (int i = 0; i < 6; i++) {
            last = catchThrowable(() -> signIn.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("login-view-nobody", "wrong")));
        }
        assertThat(last).isInstanceOf(SignInRefusedException.class);

        assertThat(errorShownAfter((SignInRefusedException) last)).contains(
                "Too many failed sign-ins for this user name or from this address. Try again in 15 minutes.");
    }
}
