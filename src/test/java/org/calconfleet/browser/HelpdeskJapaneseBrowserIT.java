package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.security.NewUser;
import org.calconfleet.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * A helpdesk member whose browser speaks Japanese (a user of their own, so the demo helpdesk's language choice
 * stays untouched): finds a server by keyboard alone, reads its port, status and history; walks every route and
 * finds nothing that changes the fleet; sees the helpdesk views at tablet width.
 */
class HelpdeskJapaneseBrowserIT extends BrowserJourney {

    private static final String USER = "hd-sato";
    private static final String PASSWORD = "helpdesk passphrase";

    @Autowired
    UserService users;
    @Autowired
    FleetService fleet;

    private long serverId;

    @BeforeEach
    void aJapaneseSpeakingHelpdeskUser() {
        as(Role.ADMIN, () -> users.listUsers().stream().noneMatch(u -> u.getUsername().equals(USER))
                ? users.createUser(new NewUser(USER, "佐藤 ヘルプデスク", PASSWORD, Role.HELPDESK)) : null);
        serverId = as(Role.HELPDESK, () -> fleet.list(new ServerFilter("OSA-EXC04", null), Pageable.ofSize(1))
                .getFirst().getId());
    }

    /** Presses Tab until the focused element matches, as a keyboard user would; fails after {@code limit} presses. */
    private static void tabTo(Page page, String selector, int limit) {
        for (int i = 0; i < limit; i++) {
            page.keyboard().press("Tab");
            Boolean there = (Boolean) page.evaluate("s => { for (let e = document.activeElement; e;"
                    + " e = e.shadowRoot ? e.shadowRoot.activeElement : null) {"
                    + " if (e.matches(s) || e.closest(s)) { return true; } } return false; }", selector);
            if (Boolean.TRUE.equals(there)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    /** The element that has the keyboard focus, through the shadow roots, as HTML. */
    private static String focused(Page page) {
        return (String) page.evaluate("() => { let e = document.activeElement;"
                + " while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }"
                + " return e ? e.outerHTML : ''; }");
    }

    @Test
    void helpdesk_finds_a_server_by_keyboard_and_reads_its_port_status_and_history_in_japanese() {
        Page page = browser.newPage("ja-JP");
        String base = base();
        page.navigate(base + "/login");
        assertThat(page.locator("vaadin-login-form")).containsText("サインイン");
        Browser.signIn(page, base, USER, PASSWORD);
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("ホスト名")))
                .isVisible();

        tabTo(page, "#server-search", 20);
        page.keyboard().type("OSA-EXC04");
        assertThat(page.locator(".result-count")).hasText("1 台のサーバー");
        tabTo(page, "vaadin-grid", 10);
        page.keyboard().press("Tab");
        assertThat(focused(page)).as("Tab goes from the grid's header to its first row").startsWith("<td");
        page.keyboard().press("Enter");
        assertThat(focused(page)).as("Enter on the host cell focuses its link").startsWith("<a href=\"servers/");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/servers/" + serverId + "$"));
        Browser.screenshot(page, "helpdesk-ja-keyboard-detail");

        assertThat(page.locator("h3").first()).hasText("OSA-EXC04");
        assertThat(page.locator(".fact", new Page.LocatorOptions().setHasText("設定するポート"))).containsText("45002");
        assertThat(page.locator("#detail-drift")).isVisible();
        assertThat(page.locator(".fact", new Page.LocatorOptions().setHasText("コネクタ サービス"))).isVisible();
        assertThat(page.locator("h3", new Page.LocatorOptions().setHasText("ポートの推移"))).isVisible();
        assertThat(page.locator("#server-history")).isVisible();
        assertThat(page.locator("#server-history vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText("日時"))).not().hasCount(0);
        Browser.assertAccessible(page, "server detail (ja)");

        page.navigate(base + "/dashboard");
        assertThat(page.locator("#ports-chart")).isVisible();
        page.locator("#ports-chart summary").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#ports-chart table caption")).hasText("フリート全体で設定する RPC ポート");
        assertThat(page.locator("#ports-chart table th[scope=row]").first()).hasText("0 (動的)");
        Browser.assertAccessible(page, "dashboard (ja)");
        Browser.screenshot(page, "helpdesk-ja-dashboard");
    }

    @Test
    void a_route_the_helpdesk_may_not_open_is_refused_in_japanese_inside_the_layout() {
        Page page = browser.newPage("ja-JP");
        String base = base();
        Browser.signIn(page, base, USER, PASSWORD);

        page.navigate(base + "/audit");
        assertThat(page.locator("#error-explanation")).containsText("ロール「ヘルプデスク」では、ページ /audit を開けません。");
        assertThat(page.locator("h2.view-title")).hasText("このロールでは開けません");
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("サーバー"))).hasCount(1);
        Browser.assertAccessible(page, "refused route (ja)");
        Browser.screenshot(page, "helpdesk-ja-forbidden-route");
        page.locator("#error-back").click();
        assertThat(page).hasURL(base + "/dashboard");
    }

    /** The buttons that change nothing of the fleet, in Japanese (the Karibu walk checks the English ones). */
    private static final Set<String> HARMLESS_BUTTONS = Set.of("", "サインアウト", "コピー", "ログ", "閉じる");
    /** Where every user keeps their own credentials (API tokens), which change nothing of the fleet. */
    private static final Set<String> OWN_SETTINGS = Set.of("login", "api-tokens");

    @Test
    void every_route_the_helpdesk_reaches_in_the_browser_offers_no_control_that_changes_anything() {
        Page page = browser.newPage("ja-JP");
        String base = base();
        Browser.signIn(page, base, USER, PASSWORD);
        List<String> reached = new ArrayList<>();
        for (Class<? extends Component> view : KaribuSpringTest.routeClasses()) {
            String path = view.getAnnotation(Route.class).value();
            if (OWN_SETTINGS.contains(path)) {
                continue;
            }
            String url = HasUrlParameter.class.isAssignableFrom(view) ? path + "/" + serverId : path;
            page.navigate(base + "/" + url);
            page.waitForLoadState(LoadState.NETWORKIDLE);
            if (page.locator("vaadin-app-layout").count() == 0 || !page.url().endsWith("/" + url)
                    || page.locator(".error-page").count() > 0) {
                continue;
            }
            reached.add(path);
            List<String> buttons = page.locator("vaadin-button:visible").allInnerTexts().stream()
                    .map(String::strip).toList();
            assertThat(buttons).as("buttons on /%s", url).allMatch(HARMLESS_BUTTONS::contains);
            assertThat(page.locator("vaadin-upload").count()).as("uploads on /%s", url).isZero();
            Browser.screenshot(page, "helpdesk-ja-route-"
                    + (url.isEmpty() ? "servers" : url.replace("/" + serverId, "-detail")));
        }
        assertThat(reached).as("routes the helpdesk reached").contains("", "servers", "dashboard", "jobs");
    }

    @Test
    void the_helpdesk_views_fit_a_tablet_768_pixels_wide() {
        Page page = browser.newPage("ja-JP");
        page.setViewportSize(768, 1024);
        String base = base();
        Browser.signIn(page, base, USER, PASSWORD);
        for (String[] view : new String[][] {{"", "servers"}, {"servers/" + serverId, "detail"},
                {"dashboard", "dashboard"}}) {
            page.navigate(base + "/" + view[0]);
            page.waitForSelector("vaadin-app-layout");
            page.waitForTimeout(800);
            Number width = (Number) page.evaluate("() => document.documentElement.scrollWidth");
            assertThat(width.intValue()).as("page width of /%s at 768 px", view[0]).isLessThanOrEqualTo(768);
            Object cut = page.evaluate("() => [...document.querySelectorAll('vaadin-grid-sorter')]"
                    + ".filter(s => { const c = s.shadowRoot.querySelector('[part~=\"content\"]');"
                    + " return c && c.scrollWidth > c.clientWidth; }).map(s => s.textContent.trim())");
            assertThat((List<?>) cut).as("column titles cut short or broken mid-word on /%s at 768 px", view[0])
                    .isEmpty();
            Object cutValues = page.evaluate("() => [...document.querySelectorAll('vaadin-grid-cell-content')]"
                    + ".filter(c => c.scrollWidth > c.clientWidth).map(c => c.textContent.trim())");
            assertThat((List<?>) cutValues).as("values cut short on /%s at 768 px", view[0]).isEmpty();
            Browser.screenshot(page, "helpdesk-ja-768-" + view[1]);
        }
    }
}
