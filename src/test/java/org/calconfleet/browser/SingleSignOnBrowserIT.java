package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.calconfleet.security.TestOidcProvider;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in with the single sign-on provider from the sign-in page, in Chromium, against the provider in this JVM
 * ({@link TestOidcProvider}, named "Keycloak"): an administrator lands in the console with their role; a user in none
 * of the mapped groups is back on the sign-in page, told why in their browser's language.
 */
class SingleSignOnBrowserIT extends BrowserJourney {

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        TestOidcProvider.configure(properties, "Keycloak");
    }

    private static Locator singleSignOnLink(Page page) {
        return page.locator("#sso-sign-in");
    }

    @Test
    void a_member_of_the_admin_group_signs_in_with_the_provider_and_reaches_the_administrators_views() {
        Page page = browser.newPage("en-US");
        page.navigate(base() + "/login");
        assertThat(singleSignOnLink(page)).hasText("Sign in with Keycloak");
        Browser.assertAccessible(page, "sign-in page with single sign-on");
        Browser.screenshot(page, "login-single-sign-on");

        TestOidcProvider.signsInNext("yuki-at-keycloak", Map.of("preferred_username", "yuki",
                "name", "Yuki Tanaka", "groups", List.of("calcon-admins")));
        singleSignOnLink(page).click();
        page.waitForURL(url -> url.startsWith(base()) && !url.contains("/login") && !url.contains("oauth2"));

        assertThat(page.locator("vaadin-app-layout")).containsText("Yuki Tanaka · Administrator");
        page.navigate(base() + "/users");
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("yuki")).first())
                .isVisible();
    }

    @Test
    void a_user_in_no_mapped_group_is_told_so_on_the_sign_in_page_in_japanese() {
        Page page = browser.newPage("ja-JP");
        page.navigate(base() + "/login");
        assertThat(singleSignOnLink(page)).hasText("Keycloak でサインイン");

        TestOidcProvider.signsInNext("ken-at-keycloak", Map.of("preferred_username", "ken",
                "groups", List.of("staff")));
        singleSignOnLink(page).click();
        page.waitForURL(url -> url.endsWith("/login?error"));

        assertThat(page.getByText("Keycloak でのサインインは確認されましたが、そこで所属するどのグループにもこのコンソールの"
                + "ロールが割り当てられていません。", new Page.GetByTextOptions().setExact(false))).isVisible();
        Browser.screenshot(page, "login-single-sign-on-no-role-ja");
    }
}
