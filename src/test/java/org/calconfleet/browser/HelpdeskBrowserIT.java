package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

class HelpdeskBrowserIT extends BrowserJourney {

    @Autowired
    AuditTrail audit;

    @Test
    void helpdesk_signs_in_filters_the_fleet_and_reads_it_in_japanese() {
        Page page = browser.newPage("en-US");
        String base = base();

        page.navigate(base + "/");
        assertThat(page.locator("vaadin-login-form")).isVisible();

        page.locator("input[name=username]").fill("helpdesk");
        page.locator("input[name=password]").fill("not-the-password");
        page.locator("input[name=password]").press("Enter");
        assertThat(page.locator("vaadin-login-form-wrapper[error]")).hasCount(1);

        Browser.signIn(page, base, "helpdesk", "helpdesk");
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("TKY-EXC01")))
                .isVisible();
        assertThat(page.locator(".current-user")).containsText("Helpdesk");
        assertThat(page.locator(".demo-badge")).isVisible();

        page.locator("#server-search input").fill("osa-exc0");
        assertThat(page.locator(".result-count")).hasText("9 servers");
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("TKY-EXC01")))
                .hasCount(0);
        assertThat(page.locator("vaadin-side-nav-item")).not().containsText(new String[] {"Users"});
        Browser.screenshot(page, "helpdesk-servers-filtered");

        page.navigate(base + "/changes/new");
        assertThat(page.locator("#error-explanation"))
                .containsText("As Helpdesk, you may not open the page /changes/new.");
        assertThat(page.locator("h2.view-title")).hasText("Not open to your role");
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Servers")))
                .hasCount(1);
        Browser.screenshot(page, "helpdesk-forbidden-route");
        page.locator("#error-back").click();
        assertThat(page).hasURL(base + "/dashboard");

        // A mistyped address typed into the browser, then a mistyped link inside the console.
        page.navigate(base + "/no/such/address");
        assertThat(page.locator("#error-explanation")).containsText("This console has no page /no/such/address.");
        page.evaluate("() => { const a = document.createElement('a'); a.href = 'no/such/page';"
                + " document.body.appendChild(a); a.click(); }");
        assertThat(page).hasURL(base + "/no/such/page");
        assertThat(page.locator("#error-explanation")).containsText("This console has no page /no/such/page.");
        assertThat(page.locator(".current-user")).containsText("Helpdesk");
        Browser.screenshot(page, "not-found");

        page.navigate(base + "/");

        page.locator("vaadin-select.language-select").click();
        page.locator("vaadin-select.language-select vaadin-select-item",
                new Page.LocatorOptions().setHasText("日本語")).click();
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("サーバー"))).hasCount(1);
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("ホスト名")))
                .isVisible();
        Browser.screenshot(page, "helpdesk-servers-japanese");

        Page again = browser.newPage("en-US");
        Browser.signIn(again, base, "helpdesk", "helpdesk");
        assertThat(again.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("サーバー")))
                .hasCount(1);
        assertThat(again.locator("vaadin-button").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("サインアウト"))).hasCount(1);
        assertThat(Browser.SCREENSHOTS.resolve("helpdesk-servers-japanese.png")).exists();
    }

    @Test
    void sign_ins_and_failed_sign_ins_are_audited() {
        Page page = browser.newPage("en-US");
        String base = base();
        page.navigate(base + "/login");
        page.locator("input[name=username]").fill("auditor");
        page.locator("input[name=password]").fill("wrong");
        page.locator("input[name=password]").press("Enter");
        assertThat(page.locator("vaadin-login-form-wrapper[error]")).hasCount(1);
        Browser.signIn(page, base, "auditor", "auditor");

        var entries = as(Role.AUDITOR, () -> audit.search(new AuditFilter("user:auditor", null, null, null, null),
                Pageable.ofSize(10)));
        assertThat(entries.stream().map(AuditEntry::getAction).toList())
                .contains(AuditAction.SIGN_IN, AuditAction.SIGN_IN_FAILED);
        assertThat(entries.getFirst().getAfter()).startsWith("{\"code\":\"security.value.from\"");
    }
}
