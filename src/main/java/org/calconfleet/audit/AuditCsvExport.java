package org.calconfleet.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.calconfleet.common.Csv;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.TimeFormats;
import org.jspecify.annotations.Nullable;

/**
 * Writes the trail as {@link AuditCsv} reads it: the stored fields as hashed (an empty value as {@code ""}, a missing
 * one as nothing, because the hash tells them apart), then the same entry as the exporting user reads it, in their
 * language and time zone.
 */
final class AuditCsvExport {

    private final Writer out;
    private final Messages messages;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter time;

    AuditCsvExport(Writer out, Messages messages, Locale locale, ZoneId zone) {
        this.out = out;
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
        this.time = TimeFormats.dateTime(FormatStyle.MEDIUM, locale, zone);
    }

    void header() throws IOException {
        out.write(AuditCsv.HEADER);
        out.write("\r\n");
    }

    void row(AuditEntry entry) throws IOException {
        out.write(String.join(",",
                Long.toString(entry.getSeq()),
                entry.getOccurredAt().toString(),
                Csv.field(entry.getActor()),
                entry.getAction().name(),
                Csv.field(entry.getSubject()),
                Csv.nullableField(entry.getBefore()),
                Csv.nullableField(entry.getAfter()),
                Csv.nullableField(entry.getReason()),
                entry.getPrevHash(),
                entry.getHash(),
                Csv.field(time.format(entry.getOccurredAt())),
                Csv.field(messages.get(entry.getAction().messageKey(), locale)),
                Csv.field(shown(entry.getBefore())),
                Csv.field(shown(entry.getAfter())),
                Csv.field(shown(entry.getReason()))));
        out.write("\r\n");
    }

    private String shown(@Nullable String stored) {
        return messages.render(stored, locale, zone);
    }
}
