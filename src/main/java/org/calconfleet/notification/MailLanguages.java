package org.calconfleet.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.calconfleet.i18n.Messages;

/** The languages of the console's mail ({@code calcon.mail.languages}), each one the console has texts for. */
final class MailLanguages {

    private MailLanguages() {
    }

    static List<Locale> parse(String languages) {
        return Arrays.stream(languages.split(","))
                .map(tag -> Messages.supportedOrEnglish(Locale.forLanguageTag(tag.strip()))).distinct().toList();
    }
}
