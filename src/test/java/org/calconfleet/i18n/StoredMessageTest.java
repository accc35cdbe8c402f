package org.calconfleet.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calconfleet.i18n.StoredMessage.at;
import static org.calconfleet.i18n.StoredMessage.count;
import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.listed;
import static org.calconfleet.i18n.StoredMessage.port;
import static org.calconfleet.i18n.StoredMessage.span;
import static org.calconfleet.i18n.StoredMessage.verbatim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StoredMessageTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final Messages messages = new Messages();

    @Test
    void every_kind_of_argument_survives_the_column() {
        StoredMessage message = StoredMessage.of("duration.seconds", verbatim("EX01"), count(10_000), port(45001),
                at(Instant.parse("2026-12-06T00:30:00Z")), new StoredMessage.Choice("role.admin"),
                span(Duration.ofSeconds(90)), inner(StoredMessage.of("list.separator")),
                listed(List.of(verbatim("a"), port(1))));

        assertThat(StoredMessage.parse(message.toJson())).contains(message);
    }

    @Test
    void arguments_render_in_the_readers_language_and_zone() {
        Instant halfPastMidnightUtc = Instant.parse("2026-12-06T00:30:00Z");

        assertThat(messages.render(StoredMessage.of("duration.seconds", count(10_000)), Messages.ENGLISH,
                ZoneOffset.UTC)).isEqualTo("10,000 s");
        assertThat(messages.render(StoredMessage.of("duration.seconds", port(45001)), Messages.JAPANESE,
                ZoneOffset.UTC)).isEqualTo("45001 秒");
        assertThat(messages.render(StoredMessage.of("duration.seconds", at(halfPastMidnightUtc)), Messages.JAPANESE,
                TOKYO)).isEqualTo("2026/12/06 9:30:00 秒");
        assertThat(messages.render(StoredMessage.of("duration.seconds", at(halfPastMidnightUtc)), Messages.ENGLISH,
                ZoneOffset.UTC)).isEqualTo("Dec 6, 2026, 12:30:00\u00a0AM s");
        assertThat(messages.render(StoredMessage.of("duration.seconds",
                new StoredMessage.Choice("role.admin")), Messages.JAPANESE, TOKYO)).isEqualTo("管理者 秒");
        assertThat(messages.render(StoredMessage.of("duration.seconds",
                listed(List.of(verbatim("EX01"), verbatim("EX02")))), Messages.JAPANESE, TOKYO))
                .isEqualTo("EX01、EX02 秒");
        assertThat(messages.render(StoredMessage.of("duration.seconds",
                inner(StoredMessage.of("duration.seconds", span(Duration.ofMinutes(2))))), Messages.ENGLISH, TOKYO))
                .isEqualTo("120 s s s");
    }

    @Test
    void a_text_stored_before_messages_were_data_is_shown_as_it_is() {
        String sentence = "done; EXCALCON reloaded on DOM01";

        assertThat(StoredMessage.parse(sentence)).isEmpty();
        assertThat(messages.render(sentence, Messages.JAPANESE, TOKYO)).isEqualTo(sentence);
        assertThat(messages.render("{\"code\": not json", Messages.JAPANESE, TOKYO)).isEqualTo("{\"code\": not json");
        assertThat(messages.render((String) null, Messages.ENGLISH, TOKYO)).isEmpty();
    }

    @Test
    void a_stored_message_renders_as_its_code_with_its_arguments() {
        String stored = StoredMessage.of("duration.seconds", port(135)).toJson();

        assertThat(stored).isEqualTo("{\"code\":\"duration.seconds\",\"args\":[{\"port\":135}]}");
        assertThat(messages.render(stored, Messages.JAPANESE, TOKYO)).isEqualTo("135 秒");
    }

    @Test
    void a_message_is_stored_in_the_text_jackson_writes_for_it() {
        String awkward = "say \"hi\" \\ C:\\x\n\ttab \u0001 日本 \ud83d\ude00 </script>";
        StoredMessage message = StoredMessage.of("duration.seconds", verbatim(awkward), count(-10_000), port(0),
                at(Instant.parse("2026-12-06T00:30:00Z")), new StoredMessage.Choice("role.admin"),
                span(Duration.ofSeconds(90)), inner(StoredMessage.of("list.separator")),
                listed(List.of(verbatim("a"), listed(List.of()), port(1))));

        assertThat(message.toJson()).isEqualTo("{\"code\":\"duration.seconds\",\"args\":[{\"text\":"
                + JsonMapper.builder().build().writeValueAsString(awkward) + "},{\"count\":-10000},{\"port\":0},"
                + "{\"at\":\"2026-12-06T00:30:00Z\"},{\"choice\":\"role.admin\"},{\"seconds\":90},"
                + "{\"message\":{\"code\":\"list.separator\",\"args\":[]}},"
                + "{\"list\":[{\"text\":\"a\"},{\"list\":[]},{\"port\":1}]}]}");
        assertThat(StoredMessage.parse(message.toJson())).contains(message);
    }
}
