package org.calconfleet.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Optional;
import org.calconfleet.common.CsvEncoding;

/**
 * A CSV download and the encoding it is written in: UTF-8 with the byte-order mark that Excel needs to recognise it
 * (the default), or CP932 for old Japanese Excel.
 */
public class CsvExport extends HorizontalLayout {

    /** Writes the file's text; called once per download. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private final Select<CsvEncoding> encoding = new Select<>();
    private final Anchor link;
    private final String fileName;
    private final Content content;

    public CsvExport(String linkId, String fileName, String linkText, Content content) {
        this.fileName = fileName;
        this.content = content;
        encoding.setLabel(getTranslation("csv.encoding"));
        encoding.setItems(CsvEncoding.EXPORTS);
        encoding.setItemLabelGenerator(e -> getTranslation("csv.export.encoding." + e.name()));
        encoding.setValue(CsvEncoding.UTF_8);
        encoding.setId(linkId + "-encoding");
        encoding.addClassName("export-encoding");
        link = new Anchor((DownloadHandler) this::download, linkText);
        link.setId(linkId);
        link.getElement().setAttribute("download", true);
        setPadding(false);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(encoding, link);
    }

    public Select<CsvEncoding> encoding() {
        return encoding;
    }

    private void download(DownloadEvent event) throws IOException {
        CsvEncoding chosen = encoding.getValue();
        event.setFileName(fileName);
        event.setContentType("text/csv; charset=" + chosen.mimeName());
        if (chosen == CsvEncoding.UTF_8) {
            try (Writer out = chosen.writer(event.getOutputStream())) {
                content.writeTo(out);
            }
            return;
        }
        // Only UTF-8 holds every character: the text is checked whole before a byte is sent, so that a character
        // the encoding lacks refuses the download instead of cutting it off halfway (old Excel's files are small).
        StringWriter text = new StringWriter();
        content.writeTo(text);
        Optional<Integer> line = chosen.lineNotWritable(text.toString());
        if (line.isPresent()) {
            event.getResponse().setStatus(HttpServletResponse.SC_CONFLICT);
            event.getUI().access(() -> Notification.show(getTranslation("csv.export.notWritable",
                    getTranslation("csv.encoding." + chosen.name()), line.get()), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
            return;
        }
        try (Writer out = chosen.writer(event.getOutputStream())) {
            out.write(text.toString());
        }
    }
}
