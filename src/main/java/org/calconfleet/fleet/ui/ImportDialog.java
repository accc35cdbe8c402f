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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.Locale;
import java.util.stream.Collectors;
import org.calconfleet.common.CsvEncoding;
import org.calconfleet.fleet.DuplicateHandling;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ImportPreview;
import org.calconfleet.fleet.ServerCsv;
import org.calconfleet.fleet.ServerProblem;
import org.calconfleet.fleet.ServerRejectedException;
import org.jspecify.annotations.Nullable;

/**
 * Upload, preview every row as read (in the encoding detected, or the one the user picks), then import the valid
 * rows together, skipping the refused ones.
 */
class ImportDialog extends Dialog {

    private final FleetService fleet;
    private final Runnable imported;
    private final Select<CsvEncoding> encoding = new Select<>();
    private final Paragraph summary = new Paragraph();
    private final Grid<ImportPreview.Row> rows = new Grid<>();
    private final RadioButtonGroup<DuplicateHandling> duplicates = new RadioButtonGroup<>();
    private final TextField reason = new TextField();
    private final Button importButton = new Button();
    private byte[] file = new byte[0];
    private @Nullable ImportPreview preview;

    ImportDialog(FleetService fleet, Runnable imported) {
        this.fleet = fleet;
        this.imported = imported;
        setHeaderTitle(getTranslation("fleet.import.title"));
        setWidth("min(70rem, 96vw)");

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> showPreview(bytes)))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setId("import-upload");
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("fleet.import.upload.add")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("fleet.import.upload.drop")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(getTranslation("fleet.import.upload.tooMany"))
                        .setIncorrectFileType(getTranslation("fleet.import.upload.notCsv"))
                        .setFileIsTooBig(getTranslation("fleet.import.upload.tooBig"))));

        encoding.setLabel(getTranslation("fleet.import.encoding"));
        encoding.setItems(CsvEncoding.values());
        encoding.setItemLabelGenerator(e -> getTranslation("csv.encoding." + e.name()));
        encoding.setVisible(false);
        encoding.setId("import-encoding");
        // The preview sets the encoding it read in too; only a different one is a choice to read the file again.
        encoding.addValueChangeListener(change -> {
            if (preview != null && change.getValue() != null && change.getValue() != preview.encoding()) {
                preview(change.getValue());
            }
        });

        rows.addColumn(ImportPreview.Row::line).setHeader(getTranslation("fleet.import.line")).setAutoWidth(true)
                .setFlexGrow(0);
        rows.addColumn(row -> row.hostName().isBlank() ? "—" : row.hostName())
                .setHeader(getTranslation("servers.column.host")).setAutoWidth(true);
        rows.addColumn(row -> row.values() == null ? "" : row.values().site())
                .setHeader(getTranslation("servers.column.site")).setAutoWidth(true);
        rows.addColumn(row -> row.values() == null || row.values().desiredPort() == null ? ""
                        : String.valueOf(row.values().desiredPort()))
                .setHeader(getTranslation("servers.column.desired")).setAutoWidth(true);
        // Reasons and readings are sentences: they share the rest of the width and wrap, the reasons taking more.
        rows.addColumn(this::outcome).setHeader(getTranslation("fleet.import.outcome")).setWidth("12rem")
                .setFlexGrow(2);
        rows.addColumn(this::readings).setHeader(getTranslation("fleet.import.normalised")).setWidth("10rem")
                .setFlexGrow(1);
        rows.setPartNameGenerator(row -> row.valid() ? null : "refused-row");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setAllRowsVisible(true);
        rows.setVisible(false);
        rows.setId("import-rows");

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
        summary.setId("import-summary");
        add(englishHeader, japaneseHeader, upload, encoding, summary, rows, duplicates, reason);
        getFooter().add(cancel, importButton);
    }

    void showPreview(byte[] bytes) {
        file = bytes;
        preview(null);
    }

    /** Reads the uploaded file again, in {@code chosen} or (null) in the encoding its bytes suggest. */
    private void preview(@Nullable CsvEncoding chosen) {
        ImportPreview read = fleet.previewImport(file, chosen);
        preview = read;
        encoding.setValue(read.encoding());
        encoding.setVisible(true);
        String encodingName = getTranslation("csv.encoding." + read.encoding().name());
        rows.setItems(read.rows());
        rows.setVisible(read.readable());
        duplicates.setVisible(read.existingCount() > 0);
        int valid = read.validRows().size();
        int refused = read.badRows().size();
        importButton.setText(getTranslation(refused == 0 ? "fleet.import.confirm" : "fleet.import.confirmSkipping",
                valid, refused));
        importButton.setEnabled(read.readable() && valid > 0);
        if (read.undecodableLine() != null) {
            summary.setText(getTranslation(chosen == null ? "fleet.import.undecodable" : "fleet.import.notInEncoding",
                    encodingName, read.undecodableLine()));
        } else if (read.syntaxErrorLine() != null) {
            summary.setText(getTranslation("fleet.import.syntax", read.syntaxErrorLine()));
        } else {
            summary.setText(getTranslation(chosen == null ? "fleet.import.detected" : "fleet.import.readAs",
                    encodingName) + " " + getTranslation("fleet.import.summary", valid, refused,
                    read.existingCount()));
        }
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

    private String outcome(ImportPreview.Row row) {
        if (row.valid()) {
            String valid = getTranslation(row.existing() ? "fleet.import.row.update" : "fleet.import.row.add");
            return row.notStored().isEmpty() ? valid : getTranslation("fleet.import.row.notStored", valid,
                    row.notStored().stream().map(this::describe).collect(Collectors.joining("; ")));
        }
        return getTranslation("fleet.import.row.refused", row.problems().stream().map(this::describe)
                .collect(Collectors.joining("; ")));
    }

    private String readings(ImportPreview.Row row) {
        return row.normalised().stream()
                .map(n -> column(n.field()) + ": " + getTranslation("fleet.import.readAsValue", n.written(), n.readAs()))
                .collect(Collectors.joining("; "));
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
