package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * The auditor's journey, from a browser in Tokyo while the console runs in UTC: filter the trail (times and chart days
 * are Tokyo's), verify the chain, export CSV and check the file.
 */
class AuditorBrowserIT extends BrowserJourney {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    AuditTrail audit;

    @Test
    void auditor_filters_verifies_and_exports_the_trail() throws Exception {
        Page page = browser.newPage("en-US", TOKYO.getId());
        String base = base();
        Browser.signIn(page, base, "auditor", "auditor");
        Browser.assertAccessible(page, "dashboard");

        page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Audit trail")).click();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("user:auditor")))
                .not().hasCount(0);
        page.locator("#audit-actor input").fill("auditor");
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Signed in")))
                .not().hasCount(0);
        AuditEntry signIn = as(Role.AUDITOR, () -> audit.search(new AuditFilter(null, "auditor",
                AuditAction.SIGN_IN, null, null), Pageable.ofSize(1))).getFirst();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.US).withZone(TOKYO)
                        .format(signIn.getOccurredAt())))).not().hasCount(0);
        assertThat(page.locator("#audit-per-day-chart")).containsText(DateTimeFormatter
                .ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.US).format(LocalDate.now(TOKYO)));
        Browser.assertAccessible(page, "audit trail");

        page.locator("#verify-chain").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("The chain is intact");
        Browser.screenshot(page, "auditor-audit-verified");
        page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Intact: ")).first().hover();
        assertThat(page.getByRole(AriaRole.TOOLTIP)).containsText("entries checked");
        Browser.screenshot(page, "auditor-audit-tooltip");

        Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).as("UTF-8 with the byte-order mark Excel looks for")
                .isEqualTo("\uFEFFseq,occurred_at,actor,action,subject,before,after,reason,prev_hash,hash,time_shown,"
                        + "action_shown,before_shown,after_shown,reason_shown");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line ->
                assertThat(line).contains(",auditor,").matches(".*,[0-9a-f]{64},[0-9a-f]{64},.*"));
    }

    @Test
    void the_accessibility_check_does_catch_a_violation() {
        Page page = browser.newPage("en-US");
        page.setContent("<html lang=en><body><main><img src=x.png></main></body></html>");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Browser.assertAccessible(page, "bad page"))
                .hasMessageContaining("image-alt");
    }

    @Test
    void the_main_views_have_no_serious_accessibility_violations() {
        Page page = browser.newPage("ja-JP");
        String base = base();
        page.navigate(base + "/login");
        page.waitForSelector("vaadin-login-form");
        Browser.assertAccessible(page, "login");
        Browser.signIn(page, base, "admin", "admin");
        for (String view : List.of("", "dashboard", "servers/1", "users", "policy")) {
            page.navigate(base + "/" + view);
            page.waitForSelector("vaadin-app-layout");
            page.waitForTimeout(500);
            Browser.assertAccessible(page, "/" + view);
        }
    }
}
