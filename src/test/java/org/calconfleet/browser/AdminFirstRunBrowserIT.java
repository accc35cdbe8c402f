package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.calconfleet.fleet.ServerCsv;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

/**
 * The administrator of a new, empty installation (demo off): first run, then the port policy, a CSV import with a
 * bad row (its line and reason shown), then users and roles.
 */
@ActiveProfiles(value = "test", inheritProfiles = false)
class AdminFirstRunBrowserIT extends BrowserJourney {

    private static final String CSV = String.join(",", ServerCsv.COLUMNS) + "\r\n"
            + "NGY-EXC01,10.5.1.1,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,10.5.2.1,ExchangeFreeBusy,,SIMULATED,,45010,\r\n"
            + "NGY-EXC02,10.5.1.2,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,10.5.2.1,ExchangeFreeBusy,,SIMULATED,,1024,\r\n"
            + "NGY-EXC03,10.5.1.3,Nagoya,2007 SP3,LOTUS_DOMINO,NGY-DOM01,10.5.2.1,ExchangeFreeBusy,,SIMULATED,,45010,\r\n";

    private static Locator button(Page page, String text) {
        return page.locator("vaadin-button", new Page.LocatorOptions().setHasText(text));
    }

    @Test
    void a_new_installation_is_set_up_by_its_first_administrator() {
        Page page = browser.newPage("en-US");
        String base = base();

        page.navigate(base + "/");
        page.waitForURL(url -> url.endsWith("/setup"));
        assertThat(page.locator("h1")).hasText("Set up CalCon Fleet Console");
        assertThat(page.locator(".demo-badge")).hasCount(0);
        Browser.assertAccessible(page, "first run");
        page.locator("#user-username input").fill("ops-admin");
        page.locator("#user-display-name input").fill("Aiko Operations");
        page.locator("#user-password input").fill("a long passphrase");
        page.locator("#user-password-repeat input").fill("a long passphrase");
        Browser.screenshot(page, "admin-first-run");
        page.locator("#first-run-create").click();
        page.waitForURL(url -> url.contains("/login"));
        assertThat(page.locator("vaadin-notification-card")).containsText("Administrator ops-admin created");
        Browser.signIn(page, base, "ops-admin", "a long passphrase");

        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Port policy")).click();
        page.locator("#policy-allowed-ranges input").fill("45000-45499");
        page.locator("#policy-reason textarea").fill("CHG-1: the network team opened 45000-45499 only");
        Browser.assertAccessible(page, "policy");
        page.locator("#policy-save").click();
        Locator save = page.locator("#policy-confirm vaadin-button[slot=confirm-button]");
        assertThat(save).isVisible();
        Browser.screenshot(page, "admin-policy-confirm");
        save.click();
        assertThat(page.locator("vaadin-notification-card")).containsText("Port policy saved as version");

        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Servers")).click();
        page.locator("#server-import").click();
        page.locator("#import-upload input[type=file]").setInputFiles(new FilePayload("nagoya.csv", "text/csv",
                CSV.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#import-summary")).hasText("Read as UTF-8 (detected from the file). 2 valid rows,"
                + " 1 refused, 0 already in the inventory.");
        Locator badRows = page.locator("#import-rows");
        assertThat(badRows.locator("vaadin-grid-cell-content", new Locator.LocatorOptions()
                .setHasText("desired_port: 1024 is not above 1024"))).isVisible();
        assertThat(badRows.locator("vaadin-grid-cell-content", new Locator.LocatorOptions().setHasText("NGY-EXC02")))
                .isVisible();
        assertThat(badRows.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("^3$")))).hasCount(1);
        Browser.assertAccessible(page, "import preview");
        for (Locator headerLine : page.locator(".csv-header-line").all()) {
            org.assertj.core.api.Assertions.assertThat(((Number) headerLine.evaluate(
                    "p => p.scrollWidth - p.clientWidth")).intValue()).as("the header line runs out of the dialog")
                    .isLessThanOrEqualTo(0);
        }
        Browser.screenshot(page, "admin-import-bad-row");
        page.locator("#import-confirm").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("Imported: 2 added, 0 updated.");
        // the preview lists every row, NGY-EXC03 included: the servers grid is looked at once the dialog has gone
        assertThat(page.locator("#import-rows")).hasCount(0);
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("NGY-EXC03")))
                .isVisible();

        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Users")).click();
        page.locator("#user-add").click();
        page.locator("#user-username input").fill("kenji");
        page.locator("#user-display-name input").fill("Kenji Operator");
        page.locator("#user-password input").fill("another passphrase");
        page.locator("#user-password-repeat input").fill("another passphrase");
        page.locator("#user-role").click();
        page.locator("#user-role vaadin-select-item", new Page.LocatorOptions().setHasText("Operator")).click();
        page.locator("#user-create").click();
        assertThat(page.locator("vaadin-notification-card").last()).containsText("User kenji created.");
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Kenji Operator")))
                .isVisible();
        Browser.assertAccessible(page, "users");
        Browser.screenshot(page, "admin-users");
    }
}
