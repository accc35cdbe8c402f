package org.calconfleet.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright; never downloads a browser of its own.
 * {@code CHROMIUM_PATH} overrides where the browser lives.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        Path chromium = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("No Chromium at " + chromium + ": install Debian's chromium package");
        }
        // A loaded machine can take longer than the 5 s default to render a view.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    public Page newPage(String locale) {
        return newPage(locale, "UTC");
    }

    /** A page whose browser says it is in {@code timeZoneId}, as a reader far from the console's server. */
    public Page newPage(String locale, String timeZoneId) {
        BrowserContext context = browser.newContext(new NewContextOptions()
                .setLocale(locale).setTimezoneId(timeZoneId).setViewportSize(1280, 800));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    public static void signIn(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
    }

    public static void screenshot(Page page, String name) {
        // A long page (Swagger UI) on a busy two-core machine takes longer than Playwright's default to capture.
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true)
                .setTimeout(90_000));
    }

    /** Deque's axe-core in the page: fails on any serious or critical violation, listing them. */
    public static void assertAccessible(Page page, String view) {
        // A notification fading in or out is half transparent: axe would measure the contrast of a passing frame.
        page.waitForFunction("() => [...document.querySelectorAll('vaadin-notification-card')].every(card =>"
                + " !card.hasAttribute('opening') && !card.hasAttribute('closing')"
                + " && getComputedStyle(card).opacity === '1')");
        AxeResults results = new AxeBuilder(page).analyze();
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        if (!serious.isEmpty()) {
            throw new AssertionError("Accessibility violations on " + view + ":\n" + String.join("\n", serious));
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
