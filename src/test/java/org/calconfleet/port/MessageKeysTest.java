package org.calconfleet.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessageKeysTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    static Set<String> keysUsedByCode() {
        return Stream.of(
                        Arrays.stream(PortRefusalReason.values()).map(PortRefusalReason::messageKey),
                        Arrays.stream(PortScope.values()).map(PortScope::messageKey),
                        Arrays.stream(ConsoleField.values()).map(ConsoleField::messageKey),
                        Arrays.stream(ConsoleRefusalReason.values()).map(ConsoleRefusalReason::messageKey),
                        Arrays.stream(ConnectorKind.values()).map(ConnectorKind::messageKey),
                        Arrays.stream(FlowDirection.values()).map(FlowDirection::messageKey),
                        Arrays.stream(RulePurpose.values()).map(RulePurpose::messageKey),
                        FirewallTable.COLUMN_KEYS.stream())
                .flatMap(keys -> keys)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void every_key_used_by_the_code_has_an_english_and_a_japanese_message() throws IOException {
        var english = load("i18n/port.properties");
        var japanese = load("i18n/port_ja.properties");

        assertThat(english.stringPropertyNames()).containsAll(keysUsedByCode());
        assertThat(japanese.stringPropertyNames()).containsAll(keysUsedByCode());
    }

    @Test
    void the_files_hold_no_key_the_code_does_not_use() throws IOException {
        assertThat(new TreeSet<>(load("i18n/port.properties").stringPropertyNames())).isEqualTo(keysUsedByCode());
    }

    @Test
    void refusals_read_as_sentences_in_english() throws IOException {
        var english = load("i18n/port.properties");

        assertThat(format(english, PortRules.check(1024).refusals().getFirst())).isEqualTo("1024 is not above 1024");
        assertThat(format(english, PortRules.checkRegistryValues(45001, 45002).refusals().getFirst()))
                .isEqualTo("the two values differ: 45001 / 45002");
        assertThat(format(english, PortRefusal.of(PortRefusalReason.OUTSIDE_POLICY_RANGES, 50000, "45000-45999")))
                .isEqualTo("50000 is outside the port policy's ranges: 45000-45999");
        assertThat(format(english, PortRefusal.of(PortRefusalReason.DIFFERS_FROM_SITE, 45001, "45002", "Tokyo")))
                .isEqualTo("45001 differs from the port already used on site Tokyo: 45002");
        assertThat(format(english, ConsoleText.refusalsForName(ConsoleField.EXCHANGE_SERVER, "exch;01").getFirst()))
                .isEqualTo("\"exch;01\" contains ;: use only letters A-Z, digits, \".\", \"-\" and \"_\"");
    }

    @Test
    void refusals_read_as_sentences_in_japanese() throws IOException {
        var japanese = load("i18n/port_ja.properties");

        assertThat(format(japanese, PortRules.check(1024).refusals().getFirst()))
                .isEqualTo("1024 は 1024 より大きくありません");
        assertThat(format(japanese, PortRules.checkRegistryValues(45001, 45002).refusals().getFirst()))
                .isEqualTo("2 つの値が異なります: 45001 / 45002");
        assertThat(format(japanese, PortRules.parse("abc").refusals().getFirst()))
                .isEqualTo("「abc」は数値ではありません");
    }

    @Test
    void both_languages_have_the_same_keys() throws IOException {
        assertThat(load("i18n/port_ja.properties").stringPropertyNames())
                .isEqualTo(load("i18n/port.properties").stringPropertyNames());
    }

    @Test
    void both_languages_fill_in_the_same_placeholders() throws IOException {
        var english = load("i18n/port.properties");
        var japanese = load("i18n/port_ja.properties");

        for (var key : english.stringPropertyNames()) {
            assertThat(placeholders(japanese.getProperty(key))).as(key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @Test
    void every_message_is_a_valid_message_format_pattern() throws IOException {
        for (var file : new String[] {"i18n/port.properties", "i18n/port_ja.properties"}) {
            var messages = load(file);
            for (var key : messages.stringPropertyNames()) {
                var formatted = new MessageFormat(messages.getProperty(key), Locale.ROOT)
                        .format(new Object[] {"A0", "A1", "A2", "A3"});
                assertThat(formatted).as(file + " " + key).doesNotContain("{").doesNotContain("}");
            }
        }
    }

    @Test
    void resource_bundles_read_the_japanese_file_as_utf_8() {
        var bundle = ResourceBundle.getBundle("i18n.port", Locale.JAPANESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        assertThat(bundle.getString("port.refusal.blank")).isEqualTo("ポート番号が入力されていません");
    }

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (var in = Objects.requireNonNull(MessageKeysTest.class.getClassLoader().getResourceAsStream(resource));
             var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static String format(Properties messages, Refusal refusal) {
        return new MessageFormat(messages.getProperty(refusal.messageKey()), Locale.ROOT)
                .format(refusal.arguments().toArray());
    }

    private static Set<String> placeholders(String pattern) {
        return PLACEHOLDER.matcher(pattern).results().map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }
}
