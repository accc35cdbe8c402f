package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.calconfleet.access.Role;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.window.MaintenanceWindows;
import org.calconfleet.window.SiteWindowInfo;
import org.calconfleet.window.WeeklyWindow;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * A rollout to Osaka, whose only weekly window opens in two days: approved now, it starts no host and the Jobs view
 * says which window it waits for and until when, in the reader's time zone; cancelled there, it keeps the reason typed.
 */
class MaintenanceWindowBrowserIT extends BrowserJourney {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    FleetService fleet;
    @Autowired
    MaintenanceWindows maintenance;
    @Autowired
    RolloutService rollouts;

    private @Nullable Long rollout;

    @AfterEach
    void cancelTheRolloutAndRemoveTheWindow() {
        if (rollout != null) {
            long id = rollout;
            as(Role.OPERATOR, () -> rollouts.cancel(id, "test over"));
        }
        as(Role.ADMIN, () -> {
            maintenance.windows().stream().map(SiteWindowInfo::id).forEach(maintenance::removeWindow);
            return null;
        });
    }

    private String idsOf(String... hosts) {
        return as(Role.OPERATOR, () -> java.util.Arrays.stream(hosts)
                .map(h -> String.valueOf(fleet.list(new ServerFilter(h, null), Pageable.ofSize(1)).getFirst().getId()))
                .reduce((a, b) -> a + "," + b).orElseThrow());
    }

    @Test
    void a_rollout_approved_outside_its_sites_window_waits_and_the_jobs_view_says_until_when() {
        String base = base();
        DayOfWeek inTwoDays = LocalDate.now(TOKYO).plusDays(2).getDayOfWeek();
        as(Role.ADMIN, () -> maintenance.addWindow("Osaka",
                new WeeklyWindow(inTwoDays, LocalTime.of(2, 0), LocalTime.of(5, 0), TOKYO)));

        Page admin = browser.newPage("en-US", "Asia/Tokyo");
        Browser.signIn(admin, base, "admin", "admin");
        admin.navigate(base + "/maintenance");
        assertThat(admin.locator("#windows vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Osaka")))
                .hasCount(1);
        Browser.assertAccessible(admin, "maintenance");
        Browser.screenshot(admin, "admin-maintenance-windows");

        Page operator = browser.newPage("en-US", "Asia/Tokyo");
        Browser.signIn(operator, base, "operator", "operator");
        operator.navigate(base + "/changes/new?servers=" + idsOf("OSA-EXC08", "OSA-EXC09"));
        assertThat(operator.locator("#wizard-servers")).hasAttribute("data-selected", "2");
        operator.locator("#wizard-port input").fill("45140");
        operator.locator("#wizard-reason input").fill("Pin Osaka 08-09 in the weekly window");
        operator.locator("#wizard-ticket input").fill("CHG-2026-140");
        operator.locator("#wizard-plan").click();
        operator.locator("#wizard-submit").click();
        assertThat(operator.locator("#job-title")).containsText("Waiting for approval");
        operator.waitForURL(Pattern.compile(".*/jobs/\\d+$"));
        String url = operator.url();
        rollout = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));

        Page approver = browser.newPage("en-US", "Asia/Tokyo");
        Browser.signIn(approver, base, "operator2", "operator2");
        approver.navigate(url);
        approver.locator("#job-comment input").fill("Fine in the Osaka window");
        approver.locator("#job-approve").click();

        assertThat(operator.locator("#job-waiting")).containsText("Waiting for the maintenance window of site Osaka"
                + " until", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(operator.locator("#job-waiting")).containsText("2:00:00");
        assertThat(operator.locator("#job-title")).containsText("Running");
        assertThat(operator.locator("#job-counts")).containsText("0 done");
        Browser.screenshot(operator, "rollout-waiting-window");

        operator.locator("#job-cancel").click();
        operator.locator("#job-cancel-reason input").fill("Osaka window moved to next week");
        Browser.screenshot(operator, "rollout-cancel-reason");
        operator.locator("#job-cancel-dialog vaadin-button[slot=confirm-button]").click();
        assertThat(operator.locator("#job-end")).hasText("cancelled by operator: Osaka window moved to next week",
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(operator.locator("#job-title")).containsText("Cancelled",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        rollout = null;
    }
}
