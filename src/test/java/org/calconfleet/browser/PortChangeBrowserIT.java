package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.calconfleet.access.Role;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * The product's main job in a real browser: an operator plans a port change for three servers, a second operator
 * approves it, and the jobs view shows the rollout finish live (server push, no reload).
 */
class PortChangeBrowserIT extends BrowserJourney {

    @Autowired
    FleetService fleet;

    private String idsOf(String... hosts) {
        return as(Role.OPERATOR, () -> Arrays.stream(hosts).map(host -> String.valueOf(fleet.list(
                new ServerFilter(host, null), Pageable.ofSize(1)).getFirst().getId())).collect(Collectors.joining(",")));
    }

    @Test
    void an_operator_plans_a_second_approves_and_the_rollout_finishes_live() {
        String base = base();
        Page operator = browser.newPage("en-US");
        Browser.signIn(operator, base, "operator", "operator");
        operator.navigate(base + "/changes/new?servers=" + idsOf("OSA-EXC10", "OSA-EXC11", "OSA-EXC12"));
        assertThat(operator.locator("#wizard-servers")).hasAttribute("data-selected", "3");
        operator.locator("#wizard-port input").fill("45120");
        operator.locator("#wizard-reason input").fill("Pin Osaka 10-12 to the new firewall rule");
        operator.locator("#wizard-ticket input").fill("CHG-2026-118");
        operator.locator("#wizard-plan").click();
        assertThat(operator.locator("#wizard-summary")).containsText("3 will change");
        operator.locator("#wizard-summary").scrollIntoViewIfNeeded();
        Browser.screenshot(operator, "operator-change-plan");

        operator.locator("#wizard-plan-hosts vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText("OSA-EXC10")).first().click();
        operator.locator("vaadin-details-summary", new Page.LocatorOptions().setHasText("Firewall plan")).first()
                .click();
        Locator commandLines = operator.locator("pre.command-lines");
        assertThat(commandLines.first()).containsText("netsh advfirewall");
        assertThat(commandLines.last()).containsText("Excalcon");
        for (Locator lines : commandLines.all()) {
            Object overflow = lines.evaluate("pre => pre.scrollWidth - pre.clientWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
                    .as("a command line runs out of its panel: %s", lines.textContent()).isLessThanOrEqualTo(0);
        }
        commandLines.first().scrollIntoViewIfNeeded();
        Browser.screenshot(operator, "operator-change-plan-commands");
        operator.locator("#wizard-submit").click();
        assertThat(operator.locator("#job-title")).containsText("Waiting for approval");
        assertThat(operator.locator("#job-approve")).hasCount(0);
        // The view can render before the browser's address changes to it.
        operator.waitForURL(Pattern.compile(".*/jobs/\\d+$"));
        String jobUrl = operator.url();

        Page approver = browser.newPage("en-US");
        Browser.signIn(approver, base, "operator2", "operator2");
        approver.navigate(jobUrl);
        assertThat(approver.locator("#job-title")).containsText("Waiting for approval");
        approver.locator("#job-comment input").fill("Checked with the network team");
        approver.locator("#job-approve").click();

        // Each wave's Domino commands go through the runbook: the operator confirms them as they come up.
        Locator confirm = operator.locator("vaadin-button", new Page.LocatorOptions().setHasText("Confirm Domino"));
        Locator title = operator.locator("#job-title");
        long deadline = System.nanoTime() + 90_000_000_000L;
        int confirmed = 0;
        while (!operator.locator("#job-title", new Page.LocatorOptions().setHasText("Done")).isVisible()
                && System.nanoTime() < deadline) {
            if (confirm.count() > 0) {
                if (confirmed == 0) {
                    Browser.screenshot(operator, "operator-rollout-awaiting-domino");
                }
                try {
                    // the jobs view re-renders on every pushed step, so a button may be replaced under the click
                    confirm.first().click(new Locator.ClickOptions().setTimeout(2_000));
                    confirmed++;
                } catch (com.microsoft.playwright.TimeoutError replaced) {
                    continue;
                }
            }
            operator.waitForTimeout(300);
        }
        org.assertj.core.api.Assertions.assertThat(confirmed).as("Domino runbook confirmations").isPositive();
        try {
            assertThat(operator.locator("#job-title")).containsText("Done",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        } finally {
            Browser.screenshot(operator, "operator-rollout-end");
        }
        assertThat(operator.locator("#job-counts")).containsText("3 done");
        Browser.screenshot(operator, "operator-rollout-done-live");
    }
}
