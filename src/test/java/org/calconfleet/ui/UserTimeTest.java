package org.calconfleet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UserTimeTest {

    private static final Instant AFTER_MIDNIGHT = Instant.parse("2026-12-06T00:47:13Z");

    @Test
    void an_english_time_has_a_no_break_space_before_am_or_pm_not_the_narrow_one_fonts_drop() {
        for (FormatStyle style : new FormatStyle[] {FormatStyle.SHORT, FormatStyle.MEDIUM}) {
            String text = UserTime.dateTime(style, Locale.ENGLISH).format(AFTER_MIDNIGHT);

            assertThat(text).as(style.name()).doesNotContain("\u202f").matches(".*\\d:\\d\\d(:\\d\\d)?\u00a0[AP]M");
        }
    }

    @Test
    void the_pattern_stays_the_locales_own() {
        String english = UserTime.dateTime(FormatStyle.MEDIUM, Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC)
                .format(AFTER_MIDNIGHT);
        String japanese = UserTime.dateTime(FormatStyle.MEDIUM, Locale.JAPANESE).withZone(java.time.ZoneOffset.UTC)
                .format(AFTER_MIDNIGHT);

        assertThat(english).isEqualTo("Dec 6, 2026, 12:47:13\u00a0AM");
        assertThat(japanese).isEqualTo("2026/12/06 0:47:13");
        assertThat(UserTime.date(Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC).format(AFTER_MIDNIGHT))
                .isEqualTo("Dec 6, 2026");
    }
}
