package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class HostMessagesTest {

    static List<String> keysReferencedFromCode() {
        List<String> keys = new ArrayList<>();
        Stream.of(HostFailure.values()).map(HostFailure::messageKey).forEach(keys::add);
        Stream.of(ServiceState.values()).map(ServiceState::messageKey).forEach(keys::add);
        Stream.of(EventType.values()).map(EventType::messageKey).forEach(keys::add);
        Stream.of(DiagnosticLevel.values()).map(DiagnosticLevel::messageKey).forEach(keys::add);
        keys.add(DiagnosticLevel.UNVERIFIABLE_KEY);
        Stream.of(TcpProbe.values()).map(TcpProbe::messageKey).forEach(keys::add);
        Stream.of(RegistryRead.present(1), RegistryRead.absent(), RegistryRead.wrongType(RegistryValueType.REG_SZ, "45001"))
                .map(RegistryRead::messageKey).forEach(keys::add);
        return keys;
    }

    @Test
    void every_key_referenced_from_the_host_enums_exists_in_english_and_japanese() {
        Properties en = HostMessages.load(HostMessages.ENGLISH);
        Properties ja = HostMessages.load(HostMessages.JAPANESE);

        assertThat(keysReferencedFromCode()).doesNotHaveDuplicates().allSatisfy(key -> {
            assertThat(en.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(ja.getProperty(key)).as("Japanese " + key).isNotBlank();
        });
    }

    @Test
    void both_files_have_the_same_keys() {
        assertThat(HostMessages.load(HostMessages.JAPANESE).stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(HostMessages.load(HostMessages.ENGLISH).stringPropertyNames());
    }

    @Test
    void japanese_texts_are_japanese_and_english_texts_are_not() {
        Properties ja = HostMessages.load(HostMessages.JAPANESE);
        Properties en = HostMessages.load(HostMessages.ENGLISH);

        ja.stringPropertyNames().stream().filter(k -> !ja.getProperty(k).equals("{0}"))
                .forEach(k -> assertThat(containsJapanese(ja.getProperty(k))).as(k).isTrue());
        en.stringPropertyNames().forEach(k -> assertThat(containsJapanese(en.getProperty(k))).as(k).isFalse());
    }

    @Test
    void every_text_is_a_valid_message_format_with_the_same_arguments_in_both_languages() {
        Properties en = HostMessages.load(HostMessages.ENGLISH);
        Properties ja = HostMessages.load(HostMessages.JAPANESE);

        en.stringPropertyNames().forEach(k -> assertThat(
                new MessageFormat(ja.getProperty(k), Locale.JAPANESE).getFormatsByArgumentIndex().length)
                .as(k)
                .isEqualTo(new MessageFormat(en.getProperty(k), Locale.ENGLISH).getFormatsByArgumentIndex().length));
    }

    @Test
    void the_resource_bundle_reads_the_japanese_file_as_utf_8() {
        ResourceBundle ja = ResourceBundle.getBundle("i18n.host", Locale.JAPANESE);

        assertThat(ja.getString(ServiceState.RUNNING.messageKey())).isEqualTo("実行中");
        assertThat(ResourceBundle.getBundle("i18n.host", Locale.ROOT).getString(ServiceState.RUNNING.messageKey()))
                .isEqualTo("Running");
    }

    static boolean containsJapanese(String text) {
        return text.codePoints().anyMatch(cp -> Arrays.asList(Character.UnicodeScript.HIRAGANA,
                Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HAN).contains(Character.UnicodeScript.of(cp)));
    }
}
