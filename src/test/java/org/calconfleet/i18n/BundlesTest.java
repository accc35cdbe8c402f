package org.calconfleet.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class BundlesTest {

    private final Messages messages = new Messages();

    @Test
    void every_english_key_has_a_japanese_text_and_the_reverse() {
        assertThat(messages.keys(Locale.JAPANESE)).containsExactlyInAnyOrderElementsOf(messages.keys(Locale.ENGLISH));
    }

    @Test
    void japanese_texts_are_japanese_and_fall_back_to_english_never_silently() {
        assertThat(messages.get("nav.servers", Locale.JAPANESE)).isEqualTo("サーバー");
        assertThat(messages.get("nav.servers", Locale.ENGLISH)).isEqualTo("Servers");
        assertThat(messages.get("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }

    @Test
    void arguments_are_formatted_per_locale() {
        assertThat(messages.get("servers.count", Locale.ENGLISH, 1234)).isEqualTo("1,234 servers");
    }
}
