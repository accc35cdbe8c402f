package org.calconfleet.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.util.Locale;
import org.calconfleet.security.Refusals;
import org.calconfleet.security.SignInManager;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.test.context.TestPropertySource;

/**
 * The sign-in page with single sign-on configured, against a provider nobody answers for (port 9 of the loopback
 * address): the console starts all the same, since the provider is first asked at a sign-in through it.
 */
@TestPropertySource(properties = {"calcon.sso.enabled=true", "calcon.sso.name=Entra ID",
        "calcon.sso.issuer-uri=http://127.0.0.1:9/tenant/v2.0", "calcon.sso.client-id=calcon-console",
        "calcon.sso.role-groups.ADMIN=6f1c0d4e-0000-4000-8000-000000000001"})
class SingleSignOnLoginPageTest extends LoginPageTest {

    private Anchor singleSignOnLink(Locale language) {
        openAnonymously();
        UI.getCurrent().setLocale(language);
        UI.getCurrent().navigate("login");
        // An anonymous UI opens on the sign-in page before the test sets its language: draw the page again.
        UI.getCurrent().refreshCurrentRoute(true);
        return _get(Anchor.class, spec -> spec.withId("sso-sign-in"));
    }

    @Test
    void the_page_offers_a_sign_in_with_the_provider_by_its_name_in_the_readers_language() {
        Anchor english = singleSignOnLink(Locale.ENGLISH);
        assertThat(english.getText()).isEqualTo("Sign in with Entra ID");
        assertThat(english.getHref()).isEqualTo("oauth2/authorization/sso");
        assertThat(english.isRouterIgnore()).as("the browser leaves the page for the provider").isTrue();
        assertThat(singleSignOnLink(Locale.JAPANESE).getText()).isEqualTo("Entra ID でサインイン");
    }

    @Test
    void a_user_in_no_mapped_group_is_told_so_in_their_language() {
        assertThat(errorShownAfter(Refusals.refusal("login.error.ssoNoRole", "Entra ID"))).contains(
                "Entra ID signed you in, but none of your groups there has a role in this console.");
        assertThat(errorShownAfter(Refusals.refusal("login.error.ssoNoRole", "Entra ID"), Locale.JAPANESE))
                .contains("Entra ID でのサインインは確認されましたが、そこで所属するどのグループにもこのコンソールのロールが"
                        + "割り当てられていません。");
    }

    @Test
    void a_refused_provider_answer_and_an_unreachable_provider_get_their_own_messages() {
        assertThat(errorShownAfter(new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token"))))
                .contains("The sign-in through Entra ID did not succeed.");
        assertThat(errorShownAfter(Refusals.refusal("login.error.ssoUnavailable", "Entra ID")))
                .contains("Entra ID could not be reached");
    }

    @Test
    void the_built_in_administrator_signs_in_with_a_password_while_the_provider_is_down() {
        var admin = context.getBean(SignInManager.class)
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", "admin"));

        assertThat(admin.getName()).isEqualTo("admin");
    }
}
