package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;

/** Stored messages of plans and changes as a reader sees them, for tests that assert what a reader reads. */
public final class Rendered {

    private static final Messages MESSAGES = new Messages();

    /** Three Latin words in a row: a sentence, where single names (TCP, REG_DWORD, EXCALCON) are not. */
    private static final Pattern LATIN_SENTENCE =
            Pattern.compile("[A-Za-z]{2,}(?:[\\s,:;()'\"-]+[A-Za-z]{2,}){2,}");

    public static String english(StoredMessage message) {
        return MESSAGES.render(message, Messages.ENGLISH, ZoneOffset.UTC);
    }

    public static String english(String stored) {
        return MESSAGES.render(stored, Messages.ENGLISH, ZoneOffset.UTC);
    }

    public static String japanese(String stored) {
        return MESSAGES.render(stored, Messages.JAPANESE, ZoneOffset.UTC);
    }

    /** The stored text read back as a message; fails where a sentence was stored instead. */
    public static StoredMessage stored(String stored) {
        return StoredMessage.parse(stored).orElseThrow(() -> new AssertionError("not a stored message: " + stored));
    }

    /** Fails on an English sentence in a text shown in Japanese, once the user's data and names are taken out. */
    public static void assertNoEnglishSentence(String text, String... verbatims) {
        String rest = text;
        for (String verbatim : verbatims) {
            rest = rest.replace(verbatim, " ");
        }
        assertThat(LATIN_SENTENCE.matcher(rest).results().map(r -> r.group()).toList()).as(text).isEmpty();
    }

    private Rendered() {
    }
}
