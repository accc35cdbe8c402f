package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.regex.Pattern;
import org.calconfleet.access.Role;
import org.calconfleet.backend.SimulatedFleet;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.host.WindowsErrors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * AWX's "relaunch on failed hosts" in a real browser: a change to two Singapore servers ends with one rolled back
 * (its simulated connector service does not come back after the restart), the operator retries exactly that host
 * after seeing its plan, a second operator approves the retry, and the two rollouts link to each other.
 */
class RetryFailedHostsBrowserIT extends BrowserJourney {

    static final String FINE = "SIN-EXC10";
    static final String FAILING = "SIN-EXC11";

    @Autowired
    FleetService fleet;
    @Autowired
    SimulatedFleet simulated;

    private ExchangeServer server(String host) {
        return as(Role.OPERATOR, () -> fleet.list(new ServerFilter(host, null), Pageable.ofSize(1)).getFirst());
    }

    @Test
    void an_operator_retries_the_rolled_back_host_of_a_rollout_and_a_second_operator_approves_the_retry() {
        String base = base();
        simulated.host(server(FAILING)).failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED);
        Page operator = browser.newPage("en-US");
        Browser.signIn(operator, base, "operator", "operator");
        operator.navigate(base + "/changes/new?servers=" + server(FINE).getId() + "," + server(FAILING).getId());
        assertThat(operator.locator("#wizard-servers")).hasAttribute("data-selected", "2");
        operator.locator("#wizard-port input").fill("45130");
        operator.locator("#wizard-reason input").fill("Pin Singapore 10-11 to the new firewall rule");
        operator.locator("#wizard-ticket input").fill("CHG-2026-131");
        operator.locator("#wizard-plan").click();
        assertThat(operator.locator("#wizard-summary")).containsText("2 will change");
        operator.locator("#wizard-submit").click();
        assertThat(operator.locator("#job-title")).containsText("Waiting for approval");
        operator.waitForURL(Pattern.compile(".*/jobs/\\d+$"));
        String originalUrl = operator.url();
        String originalId = originalUrl.substring(originalUrl.lastIndexOf('/') + 1);

        Page approver = browser.newPage("en-US");
        Browser.signIn(approver, base, "operator2", "operator2");
        approver.navigate(originalUrl);
        approver.locator("#job-comment input").fill("Checked with the network team");
        approver.locator("#job-approve").click();

        assertThat(operator.locator("#job-retry-failed")).hasText("Retry the failed hosts (1)",
                new LocatorAssertions.HasTextOptions().setTimeout(90_000));
        assertThat(operator.locator("#job-counts")).containsText("1 done");
        assertThat(operator.locator("#job-counts")).containsText("1 rolled back");
        operator.locator("#job-retry-failed").click();
        assertThat(operator.locator("#job-retry-summary")).containsText("1 will change, 0 already there");
        assertThat(operator.locator("#job-retry-plan-hosts vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText(FAILING))).hasCount(1);
        assertThat(operator.locator("#job-retry-plan-hosts vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText(FINE))).hasCount(0);
        assertThat(operator.locator("#job-retry-plan-hosts vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText("Will change"))).hasCount(1);
        Browser.screenshot(operator, "operator-retry-failed-hosts-plan");
        operator.locator("vaadin-button", new Page.LocatorOptions().setHasText("Submit the retry for approval"))
                .click();

        assertThat(operator.locator("#job-title")).containsText("Waiting for approval");
        operator.waitForURL(url -> url.matches(".*/jobs/\\d+$") && !url.equals(originalUrl));
        String retryUrl = operator.url();
        assertThat(operator.locator("#job-retry-of")).hasText("Retries the failed hosts of rollout #" + originalId);
        assertThat(operator.locator("#job-facts")).containsText("Pin Singapore 10-11 to the new firewall rule (ticket"
                + " CHG-2026-131)");
        assertThat(operator.locator("#job-approve")).hasCount(0);

        approver.navigate(retryUrl);
        assertThat(approver.locator("#job-title")).containsText("Waiting for approval");
        approver.locator("#job-approve").click();
        assertThat(operator.locator("#job-title")).containsText("Done",
                new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(operator.locator("#job-counts")).containsText("1 done, 0 no change, 0 failed, 0 rolled back");
        Browser.screenshot(operator, "operator-retry-done");

        operator.locator("#job-retry-of").click();
        operator.waitForURL(originalUrl);
        String retryId = retryUrl.substring(retryUrl.lastIndexOf('/') + 1);
        assertThat(operator.locator("#job-retries")).hasText("Its failed hosts were retried in: rollout #" + retryId);
        Browser.screenshot(operator, "operator-retried-rollout-links");
    }
}
