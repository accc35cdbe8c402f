package org.calconfleet.host.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class AgentMessagesTest {

    @Test
    void every_key_the_agent_backend_refers_to_exists_in_english_and_japanese() throws IOException {
        List<String> keys = new ArrayList<>();
        Stream.of(AgentProblem.values()).map(AgentProblem::messageKey).forEach(keys::add);
        keys.addAll(List.of("agent.address.format", "agent.address.blank", "agent.address.url",
                "agent.address.fingerprint", "agent.address.token", "agent.address.unknown-part"));
        Properties en = load("/i18n/agent.properties");
        Properties ja = load("/i18n/agent_ja.properties");

        assertThat(keys).doesNotHaveDuplicates().allSatisfy(key -> {
            assertThat(en.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(ja.getProperty(key)).as("Japanese " + key).isNotBlank();
        });
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void the_japanese_texts_are_japanese() throws IOException {
        Properties ja = load("/i18n/agent_ja.properties");

        assertThat(ja.stringPropertyNames()).allSatisfy(key -> assertThat(ja.getProperty(key))
                .as(key).matches(text -> text.codePoints().anyMatch(cp ->
                        Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA
                                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)));
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = AgentMessagesTest.class.getResourceAsStream(resource)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
