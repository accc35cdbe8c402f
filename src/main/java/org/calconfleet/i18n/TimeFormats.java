package org.calconfleet.i18n;

import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Times as a reader of a given language and time zone reads them, on a screen, in a mail or in an export. */
public final class TimeFormats {

    private static final char NARROW_NO_BREAK_SPACE = '\u202f';
    private static final char NO_BREAK_SPACE = '\u00a0';

    public static DateTimeFormatter dateTime(FormatStyle style, Locale locale, ZoneId zone) {
        return localized(style, style, locale).withZone(zone);
    }

    public static DateTimeFormatter date(Locale locale, ZoneId zone) {
        return localized(FormatStyle.MEDIUM, null, locale).withZone(zone);
    }

    /**
     * The locale's own pattern, but with a no-break space where CLDR puts a narrow one (U+202F, before "AM"/"PM"):
     * fonts without that character showed "12:47:13AM".
     */
    private static DateTimeFormatter localized(FormatStyle dateStyle, @Nullable FormatStyle timeStyle, Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                dateStyle, timeStyle, IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern.replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE), locale);
    }

    private TimeFormats() {
    }
}
