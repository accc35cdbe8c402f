package org.calconfleet.ui;

import com.vaadin.flow.component.UI;
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
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.calconfleet.common.CsvEncoding;

/**
 * A CSV download and the encoding it is written in: UTF-8 with the byte-order mark that Excel needs to recognise it
 * (the default), or CP932 for old Japanese Excel.
 */
public class CsvExport extends HorizontalLayout {

    /**
     * Writes the file's text for its reader, in their language and time zone; called once per download. (The download
     * is a request of its own, outside the view's UI: a view's {@code getLocale()} and {@code UserTime.zone()} would
     * read the console's defaults there.)
     */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out, Locale locale, ZoneId zone) throws IOException;
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
        // The download's request does not hold the session's lock: the UI is read under it.
        UI ui = event.getUI();
        AtomicReference<Locale> locale = new AtomicReference<>();
        AtomicReference<ZoneId> zone = new AtomicReference<>();
        ui.accessSynchronously(() -> {
            locale.set(ui.getLocale());
            zone.set(UserTime.zone(ui));
        });
        CsvEncoding chosen = encoding.getValue();
        event.setFileName(fileName);
        event.setContentType("text/csv; charset=" + chosen.mimeName());
        if (chosen == CsvEncoding.UTF_8) {
            try (Writer out = chosen.writer(event.getOutputStream())) {
                content.writeTo(out, locale.get(), zone.get());
            }
            return;
        }
        // Only UTF-8 holds every character: the text is checked whole before a byte is sent, so that a character
        // the encoding lacks refuses the download instead of cutting it off halfway (old Excel's files are small).
        StringWriter text = new StringWriter();
        content.writeTo(text, locale.get(), zone.get());
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
