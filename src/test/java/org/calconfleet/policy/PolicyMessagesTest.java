package org.calconfleet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.calconfleet.i18n.Messages;
import org.junit.jupiter.api.Test;

class PolicyMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private final Messages messages = new Messages();

    static Set<String> keysUsedByTheRules() {
        return Stream.of(
                        Arrays.stream(PolicyRefusalReason.values()).map(PolicyRefusalReason::messageKey),
                        Arrays.stream(PolicyField.values()).map(PolicyField::messageKey),
                        Stream.of(StalePolicyException.MESSAGE_KEY, "nav.policy"))
                .flatMap(keys -> keys)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void every_key_of_the_rules_has_an_english_and_a_japanese_message() throws IOException {
        assertThat(load("i18n/policy.properties").stringPropertyNames()).containsAll(keysUsedByTheRules());
        assertThat(load("i18n/policy_ja.properties").stringPropertyNames()).containsAll(keysUsedByTheRules());
    }

    @Test
    void both_languages_have_the_same_keys_and_fill_in_the_same_placeholders() throws IOException {
        var english = load("i18n/policy.properties");
        var japanese = load("i18n/policy_ja.properties");

        assertThat(japanese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (var key : english.stringPropertyNames()) {
            assertThat(placeholders(japanese.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
            if (!key.equals("policy.confirm.change")) {
                assertThat(japanese.getProperty(key)).as(key).isNotEqualTo(english.getProperty(key));
            }
        }
    }

    /** {@link Messages} formats only when given arguments, so only a message with placeholders doubles its quotes. */
    @Test
    void every_message_is_a_valid_message_format_pattern_or_plain_text() throws IOException {
        for (var file : new String[] {"i18n/policy.properties", "i18n/policy_ja.properties"}) {
            var bundle = load(file);
            for (var key : bundle.stringPropertyNames()) {
                if (placeholders(bundle.getProperty(key)).isEmpty()) {
                    assertThat(bundle.getProperty(key)).as(file + " " + key).doesNotContain("''");
                    continue;
                }
                var formatted = new MessageFormat(bundle.getProperty(key), Locale.ROOT)
                        .format(new Object[] {"A0", "A1", "A2", "A3"});
                assertThat(formatted).as(file + " " + key).doesNotContain("{").doesNotContain("}");
            }
        }
    }

    @Test
    void refusals_read_as_sentences_in_both_languages() {
        var refusal = PolicyText.ranges("45000-45999, abc").refusals().getFirst();

        assertThat(text(refusal, Locale.ENGLISH))
                .isEqualTo("\"abc\" at position 14 is not a port or a range such as 45000-45999");
        assertThat(text(refusal, Locale.JAPANESE))
                .isEqualTo("14 文字目の「abc」は、ポート番号でも 45000-45999 のような範囲でもありません");
        assertThat(text(PolicyText.reservedPorts("45500, 99999").refusals().getFirst(), Locale.ENGLISH))
                .isEqualTo("\"99999\" at position 8 is not a port from 1025 to 65535");
        assertThat(messages.get("policy.stale", Locale.ENGLISH, "alice", "25 Nov 2026, 10:00:00"))
                .isEqualTo("Not saved: alice changed the port policy on 25 Nov 2026, 10:00:00, after you opened it."
                        + " Discard your edits to see their change, then edit again.");
        assertThat(messages.get("policy.field.approvalRequired", Locale.ENGLISH))
                .isEqualTo("A port change needs a second person's approval");
    }

    private String text(PolicyRefusal refusal, Locale locale) {
        return messages.get(refusal.messageKey(), locale, refusal.arguments().toArray());
    }

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (var in = Objects.requireNonNull(PolicyMessagesTest.class.getClassLoader().getResourceAsStream(resource));
             var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> placeholders(String pattern) {
        return PLACEHOLDER.matcher(pattern).results().map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
