package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Pattern;
import org.calconfleet.security.ApiTokenService;
import org.junit.jupiter.api.Test;

/**
 * The administrator's way to the REST API: make a token in the console, open Swagger UI, authorize with the token
 * and call an endpoint from there.
 */
class ApiBrowserIT extends BrowserJourney {

    private static final double SLOW = 90_000;

    @Test
    void admin_makes_a_token_and_calls_the_api_from_swagger_ui() {
        Page page = browser.newPage("en-US");
        String base = base();
        Browser.signIn(page, base, "admin", "admin");

        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("API tokens")).click();
        page.locator("#token-name input").fill("swagger demo");
        page.locator("#token-create").click();
        Locator secretField = page.locator("#token-secret input");
        assertThat(secretField).hasValue(Pattern.compile(ApiTokenService.PREFIX + ".{40,}"));
        String secret = secretField.inputValue();
        Browser.screenshot(page, "api-token-shown-once");
        page.locator("#token-secret-close").click();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("swagger demo")))
                .isVisible();
        Browser.assertAccessible(page, "API tokens");

        page.navigate(base + "/swagger-ui.html");
        // The document is generated on its first request, which takes long on a loaded machine.
        assertThat(page.locator(".swagger-ui .info .title")).containsText("CalCon Fleet Console API",
                new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW));
        page.locator(".swagger-ui .auth-wrapper button.authorize").click();
        page.locator(".modal-ux input").fill(secret);
        page.locator(".modal-ux button.authorize").click();
        page.locator(".modal-ux button.btn-done").click();

        Locator listServers = page.locator(".opblock-get").filter(new Locator.FilterOptions()
                .setHas(page.locator(".opblock-summary-path[data-path='/api/v1/servers']")));
        listServers.locator(".opblock-summary").click();
        listServers.locator("button.try-out__btn").click();
        listServers.locator("button.execute").click();
        Locator status = listServers.locator(".live-responses-table .response .response-col_status").first();
        assertThat(status).hasText("200", new LocatorAssertions.HasTextOptions().setTimeout(SLOW));
        assertThat(listServers.locator(".live-responses-table .microlight").first()).containsText("TKY-EXC01");
        page.evaluate("window.scrollTo(0, 0)");
        Browser.screenshot(page, "swagger-ui");

        // The same ADMIN session reads the Prometheus page that a scraper reads with the scrape token.
        page.navigate(base + "/actuator/prometheus");
        assertThat(page.locator("body")).containsText("calcon_servers_needing_attention");
        assertThat(page.locator("body")).containsText("jvm_memory_used_bytes");
        Browser.screenshot(page, "prometheus-metrics");
    }
}
