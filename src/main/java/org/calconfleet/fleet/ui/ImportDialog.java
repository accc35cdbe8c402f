package org.calconfleet.fleet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.calconfleet.fleet.DuplicateHandling;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ImportPreview;
import org.calconfleet.fleet.ServerCsv;
import org.calconfleet.fleet.ServerProblem;
import org.calconfleet.fleet.ServerRejectedException;
import org.jspecify.annotations.Nullable;

/** Upload, preview (bad rows with their line and reason), then import the valid rows or nothing. */
class ImportDialog extends Dialog {

    private final FleetService fleet;
    private final Runnable imported;
    private final Paragraph summary = new Paragraph();
    private final Grid<ImportPreview.Row> badRows = new Grid<>();
    private final RadioButtonGroup<DuplicateHandling> duplicates = new RadioButtonGroup<>();
    private final TextField reason = new TextField();
    private final Button importButton = new Button();
    private @Nullable ImportPreview preview;

    ImportDialog(FleetService fleet, Runnable imported) {
        this.fleet = fleet;
        this.imported = imported;
        setHeaderTitle(getTranslation("fleet.import.title"));
        setWidth("min(60rem, 96vw)");

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> showPreview(bytes)))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setId("import-upload");

        badRows.addColumn(ImportPreview.Row::line).setHeader(getTranslation("fleet.import.line")).setAutoWidth(true);
        badRows.addColumn(row -> row.hostName().isBlank() ? "—" : row.hostName())
                .setHeader(getTranslation("servers.column.host")).setAutoWidth(true);
        badRows.addColumn(this::reasons).setHeader(getTranslation("fleet.import.reason"));
        badRows.addThemeVariants(GridVariant.LUMO_COMPACT);
        badRows.setAllRowsVisible(true);
        badRows.setVisible(false);
        badRows.setId("import-bad-rows");

        duplicates.setLabel(getTranslation("fleet.import.duplicates"));
        duplicates.setItems(DuplicateHandling.values());
        duplicates.setItemLabelGenerator(d -> getTranslation("fleet.import.duplicates." + d.name().toLowerCase()));
        duplicates.setValue(DuplicateHandling.REFUSE);
        duplicates.setVisible(false);
        reason.setLabel(getTranslation("fleet.import.ticket"));
        reason.setWidthFull();

        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.setId("import-confirm");
        importButton.addClickListener(click -> doImport());
        Button cancel = new Button(getTranslation("fleet.editor.cancel"), click -> close());

        Paragraph englishHeader = new Paragraph(getTranslation("fleet.import.explain",
                String.join(",", ServerCsv.COLUMNS)));
        Paragraph japaneseHeader = new Paragraph(getTranslation("fleet.import.japaneseHeader",
                String.join(",", ServerCsv.Header.JAPANESE.columns())));
        // A header line has no spaces: it wraps at the dialog's edge instead of running out of it.
        englishHeader.addClassName("csv-header-line");
        japaneseHeader.addClassName("csv-header-line");
        add(englishHeader, japaneseHeader, upload, summary, badRows, duplicates, reason);
        getFooter().add(cancel, importButton);
    }

    void showPreview(byte[] bytes) {
        try {
            preview = fleet.previewImport(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        } catch (IOException e) {
            summary.setText(getTranslation("fleet.import.unreadable", e.getMessage()));
            return;
        }
        if (!preview.readable()) {
            summary.setText(getTranslation("fleet.import.syntax", preview.syntaxErrorLine()));
            importButton.setEnabled(false);
            return;
        }
        int valid = preview.validRows().size();
        summary.setText(getTranslation("fleet.import.summary", valid, preview.badRows().size(),
                preview.existingCount()));
        summary.setId("import-summary");
        badRows.setItems(preview.badRows());
        badRows.setVisible(!preview.badRows().isEmpty());
        duplicates.setVisible(preview.existingCount() > 0);
        importButton.setText(getTranslation("fleet.import.confirm", valid));
        importButton.setEnabled(valid > 0);
    }

    private void doImport() {
        if (preview == null) {
            return;
        }
        try {
            FleetService.ImportResult result = fleet.importServers(preview, duplicates.getValue(), reason.getValue());
            close();
            Notification.show(getTranslation("fleet.import.done", result.added(), result.updated()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            imported.run();
        } catch (ServerRejectedException e) {
            summary.setText(getTranslation("fleet.import.refused", e.problems().stream()
                    .map(p -> p.arguments().isEmpty() ? "" : p.arguments().getFirst())
                    .collect(Collectors.joining(", "))));
        }
    }

    private String reasons(ImportPreview.Row row) {
        return row.problems().stream().map(this::describe).collect(Collectors.joining("; "));
    }

    private String describe(ServerProblem problem) {
        String field = "row".equals(problem.field()) ? "" : column(problem.field()) + ": ";
        return field + getTranslation(problem.messageKey(), problem.arguments().toArray());
    }

    /** A field as the file names it: its column in the header language of this user's locale. */
    private String column(String field) {
        int index = ServerCsv.COLUMNS.indexOf(field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
        return index < 0 ? field : ServerCsv.Header.forLanguage(getLocale()).columns().get(index);
    }
}
