package org.calconfleet.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.InputStream;
import org.calconfleet.access.Role;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * An operator in a Japanese browser imports the fleet list as Japanese Excel saves it: Shift_JIS (CP932), no
 * byte-order mark, CRLF, full-width digits. The servers it adds are removed afterwards, since the other journeys
 * count the demo fleet.
 */
class OperatorCsvImportBrowserIT extends BrowserJourney {

    @Autowired
    FleetService fleet;

    @AfterEach
    void removeImportedServers() {
        as(Role.OPERATOR, () -> {
            for (ExchangeServer server : fleet.list(new ServerFilter("JP-EXC", null), Pageable.ofSize(10))) {
                fleet.delete(server.getId(), server.getVersion(), "test clean-up");
            }
            return null;
        });
    }

    @Test
    void a_shift_jis_file_from_japanese_excel_is_previewed_as_read_and_imports_its_valid_rows() throws IOException {
        Page page = browser.newPage("ja-JP");
        Browser.signIn(page, base(), "operator", "operator");
        page.locator("#server-import").click();
        page.locator("#import-upload input[type=file]").setInputFiles(
                new FilePayload("fleet-from-excel.csv", "text/csv", excelFile()));

        Locator summary = page.locator("#import-summary");
        assertThat(summary).containsText("Shift_JIS (CP932) として読み込みました (ファイルから判定)。");
        assertThat(summary).containsText("有効な行 2 件、拒否 1 件");
        Locator rows = page.locator("#import-rows");
        assertThat(rows).containsText("大阪");
        assertThat(rows).containsText("「４５０１０」を 45010 として読み込み");
        assertThat(rows).containsText("拒否 (読み飛ばし)");
        assertThat(page.locator("#import-confirm")).hasText("有効な 2 行をインポート (拒否された 1 行は読み飛ばす)");
        Browser.screenshot(page, "import-cp932-preview");

        page.locator("vaadin-text-field").filter(new Locator.FilterOptions().setHasText("理由またはチケット"))
                .locator("input").fill("CHG-4711");
        page.locator("#import-confirm").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("追加 2 件");
        page.locator("#server-search input").fill("JP-EXC");
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("名古屋")))
                .isVisible();
    }

    private static byte[] excelFile() throws IOException {
        try (InputStream in = OperatorCsvImportBrowserIT.class.getResourceAsStream("/csv/excel-shift_jis.csv")) {
            return in.readAllBytes();
        }
    }
}
