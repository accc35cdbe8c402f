package org.calconfleet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Times as the reader sees them: in the browser's time zone (a helpdesk in Tokyo reads Tokyo time from a console
 * that runs in UTC), formatted for the reader's locale. Without a browser that named its zone, the console's zone.
 */
public final class UserTime {

    private static final char NARROW_NO_BREAK_SPACE = '\u202f';
    private static final char NO_BREAK_SPACE = '\u00a0';

    public static ZoneId zone() {
        @Nullable UI ui = UI.getCurrent();
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
        return localized(style, style, locale);
    }

    public static DateTimeFormatter date(Locale locale) {
        return localized(FormatStyle.MEDIUM, null, locale);
    }

    /**
     * The locale's own pattern, but with a no-break space where CLDR puts a narrow one (U+202F, before "AM"/"PM"):
     * fonts without that character showed "12:47:13AM".
     */
    private static DateTimeFormatter localized(FormatStyle dateStyle, @Nullable FormatStyle timeStyle, Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                dateStyle, timeStyle, IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern.replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE), locale)
                .withZone(zone());
    }

    private UserTime() {
    }
}
