package org.calconfleet.domino;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.calconfleet.host.HostMessages;
import org.junit.jupiter.api.Test;

class DominoMessagesTest {

    @Test
    void every_key_referenced_from_the_domino_code_exists_in_english_and_japanese() {
        List<String> keys = new ArrayList<>();
        Stream.of(DominoFailure.values()).map(DominoFailure::messageKey).forEach(keys::add);
        keys.add(new DominoResult.Sent("s", List.of(), List.of()).messageKey());
        keys.add(new DominoResult.AwaitingConfirmation("s", List.of()).messageKey());
        keys.add(DominoResult.AwaitingConfirmation.INSTRUCTIONS_KEY);
        keys.add(DominoResult.AwaitingConfirmation.CONFIRM_KEY);
        Properties en = HostMessages.load(HostMessages.ENGLISH);
        Properties ja = HostMessages.load(HostMessages.JAPANESE);

        assertThat(keys).doesNotHaveDuplicates().allSatisfy(key -> {
            assertThat(en.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(ja.getProperty(key)).as("Japanese " + key).isNotBlank();
        });
    }
}
