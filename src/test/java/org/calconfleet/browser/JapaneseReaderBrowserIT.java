package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import jakarta.mail.internet.MimeMessage;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.calconfleet.access.Role;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.notification.LocalSmtp;
import org.calconfleet.policy.FleetPolicy;
import org.calconfleet.port.DominoConsole;
import org.calconfleet.policy.PolicyService;
import org.calconfleet.security.NewUser;
import org.calconfleet.security.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 16 from a Japanese reader's chair, in Tokyo: two Japanese-speaking operators plan, approve and finish a port
 * change; then they, and a Japanese-speaking auditor, read the plan, Jobs and a host's log, the server's history,
 * the audit trail, both CSV exports and the mail (the console configured to mail in Japanese). None of it may hold an
 * English sentence or an ISO UTC time that no user typed; host names, what the users typed and command lines are
 * Latin letters a Japanese reader expects.
 */
class JapaneseReaderBrowserIT extends BrowserJourney {

    private static final String TOKYO = "Asia/Tokyo";
    private static final String PLANNER = "op-tanaka";
    private static final String APPROVER = "op-suzuki";
    private static final String AUDITOR = "au-ito";
    private static final String PASSWORD = "operator passphrase";
    private static final List<String> HOSTS = List.of("OSA-EXC10", "OSA-EXC11");
    /** Typed in English on purpose: what a user types is theirs, in whatever language they typed it. */
    private static final String REASON = "Pin Osaka 10-11 to the new firewall rule";
    private static final String TICKET = "CHG-2026-118";
    private static final String COMMENT = "ネットワーク チームと確認済み";
    private static final String MAIL_TO = "ops@example.test";

    private static final int SMTP_PORT = LocalSmtp.freePort();
    private static final GreenMail SMTP = LocalSmtp.start(SMTP_PORT);

    /**
     * What a Japanese reader meets in Latin letters without it being a fault: what the users typed, the host names,
     * the registry values by the names Windows gives them, and the product's own name.
     */
    private static final LatinSentences EXPECTED_LATIN = LatinSentences.allowing(REASON, TICKET, MAIL_TO)
            .and(HOSTS.toArray(String[]::new))
            .and(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, CalConRegistry.NOTES_SIDE_PORT_VALUE)
            .and("CalCon Fleet Console");

    @DynamicPropertySource
    static void japaneseMail(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("calcon.mail.languages", () -> "ja");
        properties.add("calcon.public-url", () -> "https://calcon.example.test/");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    /** What each page, file and mail failed of the check, all of them, so that one run names every fault. */
    private final List<String> faults = new ArrayList<>();
    private int checked;

    @Autowired
    UserService users;
    @Autowired
    FleetService fleet;
    @Autowired
    PolicyService policy;

    @BeforeEach
    void japaneseSpeakingUsersAndAMailAddress() {
        for (NewUser user : List.of(new NewUser(PLANNER, "田中 オペレーター", PASSWORD, Role.OPERATOR),
                new NewUser(APPROVER, "鈴木 オペレーター", PASSWORD, Role.OPERATOR),
                new NewUser(AUDITOR, "伊藤 監査", PASSWORD, Role.AUDITOR))) {
            as(Role.ADMIN, () -> users.listUsers().stream().noneMatch(u -> u.getUsername().equals(user.username()))
                    ? users.createUser(user) : null);
        }
        as(Role.ADMIN, () -> {
            var revision = policy.revision();
            FleetPolicy current = revision.policy();
            return policy.update(new FleetPolicy(current.ports(), current.approvalRequired(),
                    current.driftScanInterval(), List.of(MAIL_TO)), revision.version(), "メール通知の宛先を設定");
        });
    }

    @Test
    void a_japanese_reader_meets_no_english_sentence_and_no_utc_time_from_plan_to_mail() throws Exception {
        String base = base();
        Page planner = browser.newPage("ja-JP", TOKYO);
        Browser.signIn(planner, base, PLANNER, PASSWORD);
        String jobUrl = planAndSubmit(planner, base);

        Page approver = browser.newPage("ja-JP", TOKYO);
        Browser.signIn(approver, base, APPROVER, PASSWORD);
        approver.navigate(jobUrl);
        assertThat(approver.locator("#job-title")).containsText("承認待ち");
        assertNoLatinSentences(approver, "the job waiting for approval (approver)", "ja-job-pending");
        approver.locator("#job-comment input").fill(COMMENT);
        approver.locator("#job-approve").click();

        finishWithDominoConfirmations(planner);
        assertNoLatinSentences(planner, "the finished job", "ja-job-done");
        openFirstHostLog(planner);

        planner.navigate(base + "/jobs");
        assertThat(planner.locator("#jobs-list")).isVisible();
        assertNoLatinSentences(planner, "the jobs list", "ja-jobs");

        planner.navigate(base + "/servers/" + serverIds().getFirst());
        assertThat(planner.locator("#server-history")).isVisible();
        assertNoLatinSentences(planner, "the server's page with its history", "ja-server-detail");

        Page auditor = browser.newPage("ja-JP", TOKYO);
        Browser.signIn(auditor, base, AUDITOR, PASSWORD);
        auditor.navigate(base + "/audit");
        assertThat(auditor.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(APPROVER)))
                .not().hasCount(0);
        assertNoLatinSentences(auditor, "the audit trail", "ja-audit");
        readAuditCsv(auditor);

        auditor.navigate(base + "/");
        readServersCsv(auditor);

        readMail();
        assertThat(checked).as("pages, files and mails read").isGreaterThanOrEqualTo(10);
        if (!faults.isEmpty()) {
            throw new AssertionError(String.join("\n\n", faults));
        }
    }

    private List<Long> serverIds() {
        return as(Role.OPERATOR, () -> HOSTS.stream().map(host -> fleet.list(new ServerFilter(host, null),
                Pageable.ofSize(1)).getFirst().getId()).toList());
    }

    private String planAndSubmit(Page planner, String base) {
        planner.navigate(base + "/changes/new?servers="
                + serverIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        assertThat(planner.locator("#wizard-servers")).hasAttribute("data-selected", String.valueOf(HOSTS.size()));
        planner.locator("#wizard-port input").fill("45120");
        planner.locator("#wizard-reason input").fill(REASON);
        planner.locator("#wizard-ticket input").fill(TICKET);
        planner.locator("#wizard-plan").click();
        assertThat(planner.locator("#wizard-summary")).isVisible();
        planner.locator("#wizard-plan-hosts vaadin-grid-cell-content",
                new Page.LocatorOptions().setHasText(HOSTS.getFirst())).first().click();
        planner.locator("vaadin-details-summary", new Page.LocatorOptions().setHasText("ファイアウォール計画")).first()
                .click();
        assertThat(planner.locator("pre.command-lines").first()).containsText("netsh advfirewall");
        assertNoLatinSentences(planner, "the plan", "ja-plan");

        planner.locator("#wizard-submit").click();
        assertThat(planner.locator("#job-title")).containsText("承認待ち");
        planner.waitForURL(Pattern.compile(".*/jobs/\\d+$"));
        return planner.url();
    }

    /** As PortChangeBrowserIT: each wave's Domino commands go through the runbook, confirmed as they come up. */
    private void finishWithDominoConfirmations(Page operator) {
        Locator confirm = operator.locator("vaadin-button",
                new Page.LocatorOptions().setHasText("Domino コマンドの実行を確認"));
        Locator done = operator.locator("#job-title", new Page.LocatorOptions().setHasText("完了"));
        long deadline = System.nanoTime() + 90_000_000_000L;
        boolean awaitingSeen = false;
        while (!done.isVisible() && System.nanoTime() < deadline) {
            if (confirm.count() > 0) {
                if (!awaitingSeen) {
                    assertNoLatinSentences(operator, "the job awaiting a Domino confirmation", "ja-job-domino");
                    awaitingSeen = true;
                }
                try {
                    confirm.first().click(new Locator.ClickOptions().setTimeout(2_000));
                } catch (com.microsoft.playwright.TimeoutError replaced) {
                    continue;
                }
            }
            operator.waitForTimeout(300);
        }
        assertThat(operator.locator("#job-title")).containsText("完了",
                new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(operator.locator("#job-counts")).containsText("完了 " + HOSTS.size());
    }

    private void openFirstHostLog(Page operator) {
        operator.locator("#job-hosts vaadin-button", new Page.LocatorOptions().setHasText("ログ")).first().click();
        assertThat(operator.locator("#job-host-log")).isVisible();
        assertThat(operator.locator("#job-host-log vaadin-grid-cell-content")).not().hasCount(0);
        assertNoLatinSentences(operator, "a host's log", "ja-job-host-log");
        operator.keyboard().press("Escape");
    }

    /**
     * The audit export's first ten columns are the entry as hashed (ISO UTC time, stored values), which the offline
     * verifier reads back: they are data for a program. What the reader reads are the columns after the hashes.
     */
    private void readAuditCsv(Page auditor) throws Exception {
        Download download = auditor.waitForDownload(() -> auditor.locator("#export-csv").click());
        List<CSVRecord> rows = csv(download);
        assertThat(rows).hasSizeGreaterThan(1);
        List<String> header = rows.getFirst().toList();
        int firstShown = header.indexOf("time_shown");
        assertThat(firstShown).as("the audit export's header: %s", header).isPositive();
        StringBuilder shown = new StringBuilder();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            shown.append(String.join("\t", row.toList().subList(firstShown, row.size()))).append('\n');
        }
        check(shown.toString(), EXPECTED_LATIN, "the audit CSV export (reader's columns)");
    }

    private void readServersCsv(Page reader) throws Exception {
        assertThat(reader.locator("#server-export")).isVisible();
        Download download = reader.waitForDownload(() -> reader.locator("#server-export").click());
        List<CSVRecord> rows = csv(download);
        assertThat(rows).hasSizeGreaterThan(1);
        String text = rows.stream().map(row -> String.join("\t", row.toList())).collect(Collectors.joining("\n"));
        check(text, EXPECTED_LATIN, "the servers CSV export");
    }

    private static List<CSVRecord> csv(Download download) throws Exception {
        try (Reader in = Files.newBufferedReader(download.path(), StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            return CSVFormat.RFC4180.parse(in).getRecords();
        }
    }

    private void readMail() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.getReceivedMessages().length >= 2);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            subjects.add(mail.getSubject());
            String text = mail.getSubject() + "\n" + mail.getContent();
            check(text, EXPECTED_LATIN.and(Pattern.compile("https://calcon\\.example\\.test/\\S*")),
                    "the mail \"" + mail.getSubject() + "\"");
        }
        assertThat(subjects).as("mail subjects").anyMatch(subject -> subject.contains("完了"));
    }

    /** The page's text as its reader sees it, its title and tooltips too, checked and photographed. */
    private void assertNoLatinSentences(Page page, String where, String screenshot) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Browser.screenshot(page, screenshot);
        String text = (String) page.evaluate(VISIBLE_TEXT);
        List<String> commandLines = page.locator(COMMAND_LINES).allInnerTexts().stream()
                .flatMap(lines -> Arrays.stream(lines.split("\n"))).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        assertThat(commandLines).as("command lines on %s", where).allMatch(JapaneseReaderBrowserIT::isCommand);
        check(text, EXPECTED_LATIN.and(commandLines.toArray(String[]::new)), where + " (ja)");
    }

    private void check(String text, LatinSentences allowed, String where) {
        try {
            checked++;
            allowed.assertNoneIn(text, where);
        } catch (AssertionError fault) {
            faults.add(fault.getMessage());
        }
    }

    /** Where the console shows lines to type or copy: the plan's command lines and the server page's copyables. */
    private static final String COMMAND_LINES = "pre.command-lines, .copyable pre";

    /** The commands the console gives its reader to type: the firewall's and Domino's. */
    private static boolean isCommand(String line) {
        return line.startsWith("netsh advfirewall ") || line.equals(DominoConsole.QUIT_EXCALCON)
                || line.startsWith("LOAD EXCALCON ");
    }

    /**
     * The body's rendered text, the page's title, titles (tooltips) and placeholders, and the text of Vaadin's own
     * shadow roots (a date picker's or an upload's words live there, not in the page).
     */
    private static final String VISIBLE_TEXT = """
            () => {
              const parts = [document.title, document.body.innerText];
              for (const e of document.querySelectorAll('[title], [placeholder]')) {
                if (e.checkVisibility()) {
                  parts.push(e.getAttribute('title') || '', e.getAttribute('placeholder') || '');
                }
              }
              const walk = root => {
                for (const host of root.querySelectorAll('*')) {
                  if (!host.shadowRoot) {
                    continue;
                  }
                  const texts = document.createTreeWalker(host.shadowRoot, NodeFilter.SHOW_TEXT);
                  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
                    const parent = node.parentElement;
                    if (parent && !['STYLE', 'SCRIPT'].includes(parent.tagName) && parent.checkVisibility()
                        && node.textContent.trim()) {
                      parts.push(node.textContent.trim());
                    }
                  }
                  walk(host.shadowRoot);
                }
              };
              walk(document);
              return parts.join('\\n');
            }
            """;
}
