package org.calconfleet.fleet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.common.CsvEncoding;
import org.calconfleet.fleet.ImportPreview;
import org.junit.jupiter.api.Test;

class ImportDialogTest extends KaribuSpringTest {

    @Test
    void a_shift_jis_upload_is_previewed_row_by_row_with_the_encoding_read_and_the_refused_row_skipped()
            throws Exception {
        openImport(Locale.ENGLISH);

        assertThat(_get(Paragraph.class, spec -> spec.withId("import-summary")).getText())
                .isEqualTo("Read as Shift_JIS (CP932) (detected from the file). 2 valid rows, 1 refused, "
                        + "0 already in the inventory.");
        Grid<ImportPreview.Row> rows = rows();
        assertThat(GridKt._size(rows)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(rows, 0)).containsExactly("2", "JP-EXC01", "大阪", "45010", "Valid: added",
                "ip_address: “１０．５．１．１” read as 10.5.1.1; desired_port: “４５０１０” read as 45010");
        assertThat(GridKt._getFormattedRow(rows, 2).get(4))
                .startsWith("Refused, skipped: desired_port: ");
        assertThat(_get(Button.class, spec -> spec.withId("import-confirm")).getText())
                .isEqualTo("Import 2 valid rows, skip 1 refused");
    }

    @Test
    void choosing_an_encoding_the_bytes_do_not_fit_refuses_the_file_with_its_line_in_japanese() throws Exception {
        openImport(Locale.JAPANESE);
        UploadI18N upload = _get(Upload.class, spec -> spec.withId("import-upload")).getI18n();
        assertThat(upload.getAddFiles().getOne()).isEqualTo("CSV ファイルを選択…");
        assertThat(upload.getDropFiles().getOne()).isEqualTo("またはここにドロップ");

        encoding().setValue(CsvEncoding.UTF_8);

        assertThat(_get(Paragraph.class, spec -> spec.withId("import-summary")).getText())
                .isEqualTo("インポートしませんでした: このファイルは UTF-8 ではありません (1 行目に UTF-8 ではないバイトがあります)。"
                        + "別の文字コードを選んでください。");
        assertThat(_get(Button.class, spec -> spec.withId("import-confirm")).isEnabled()).isFalse();
        _assertNone(Grid.class, spec -> spec.withId("import-rows"));

        encoding().setValue(CsvEncoding.CP932);

        assertThat(GridKt._size(rows())).isEqualTo(3);
        assertThat(_get(Button.class, spec -> spec.withId("import-confirm")).isEnabled()).isTrue();
    }

    private void openImport(Locale language) throws IOException {
        signIn("operator", Role.OPERATOR);
        UI.getCurrent().setLocale(language);
        UI.getCurrent().navigate(ServersView.class);
        _click(_get(Button.class, spec -> spec.withId("server-import")));
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("import-upload")), "servers.csv", excelFile());
        MockVaadin.clientRoundtrip(false);
    }

    @SuppressWarnings("unchecked")
    private static Grid<ImportPreview.Row> rows() {
        return _get(Grid.class, spec -> spec.withId("import-rows"));
    }

    @SuppressWarnings("unchecked")
    private static Select<CsvEncoding> encoding() {
        return _get(Select.class, spec -> spec.withId("import-encoding"));
    }

    private static byte[] excelFile() throws IOException {
        try (InputStream in = ImportDialogTest.class.getResourceAsStream("/csv/excel-shift_jis.csv")) {
            return in.readAllBytes();
        }
    }
}
