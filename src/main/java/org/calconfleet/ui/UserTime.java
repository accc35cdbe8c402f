package org.calconfleet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.calconfleet.i18n.TimeFormats;
import org.jspecify.annotations.Nullable;

/**
 * Times as the reader sees them: in the browser's time zone (a helpdesk in Tokyo reads Tokyo time from a console
 * that runs in UTC), formatted for the reader's locale. Without a browser that named its zone, the console's zone.
 */
public final class UserTime {

    public static ZoneId zone() {
        return zone(UI.getCurrent());
    }

    /** The zone of that UI's browser, for work outside its requests (a download is a request of its own). */
    public static ZoneId zone(@Nullable UI ui) {
        @Nullable ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        @Nullable String id = details == null ? null : details.getTimeZoneId();
        if (id != null && !id.isBlank()) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException unknownToJava) {
                // A zone newer than this JVM's time-zone data: the console's own zone is the better guess.
            }
        }
        return ZoneId.systemDefault();
    }

    public static DateTimeFormatter dateTime(FormatStyle style, Locale locale) {
        return TimeFormats.dateTime(style, locale, zone());
    }

    public static DateTimeFormatter date(Locale locale) {
        return TimeFormats.date(locale, zone());
    }

    private UserTime() {
    }
}
