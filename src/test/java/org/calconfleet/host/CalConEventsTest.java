package org.calconfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CalConEventsTest {

    @Test
    void the_6001_text_is_written_as_in_the_procedure() {
        assertThat(CalConEvents.rpcPortText(45001)).isEqualTo("CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 45001");
    }

    @Test
    void the_port_is_parsed_back_from_the_6001_text() {
        assertThat(CalConEvents.parseRpcPort(CalConEvents.rpcPortText(45001))).hasValue(45001);
        assertThat(CalConEvents.parseRpcPort(CalConEvents.rpcPortText(0))).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT 45001",
            "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT:45001",
            "Calendar Connector configuration: CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 45001\r\n",
            "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT ; 45001"})
    void the_parser_tolerates_how_insertion_strings_were_split_and_joined(String text) {
        assertThat(CalConEvents.parseRpcPort(text)).hasValue(45001);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : ", "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 123456",
            "CONFIG_NOTES_EXCHANGE_CALCON_RPC_PORT : 45001", "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 70000"})
    void text_without_a_valid_port_parses_as_no_port(String text) {
        assertThat(CalConEvents.parseRpcPort(text)).isEmpty();
    }

    @Test
    void only_a_6001_of_the_notescal_source_counts_as_evidence() {
        Instant t = Instant.parse("2026-11-25T09:00:00Z");
        String text = CalConEvents.rpcPortText(45001);

        assertThat(CalConEvents.configuredPort(new HostEvent("MSExchangeNotesCal", 6001, EventType.INFORMATION, t, text)))
                .hasValue(45001);
        assertThat(CalConEvents.configuredPort(new HostEvent("msexchangenotescal", 6001, EventType.INFORMATION, t, text)))
                .hasValue(45001);
        assertThat(CalConEvents.configuredPort(new HostEvent("MSExchangeCalCon", 6001, EventType.INFORMATION, t, text)))
                .isEmpty();
        assertThat(CalConEvents.configuredPort(new HostEvent("MSExchangeNotesCal", 6002, EventType.INFORMATION, t, text)))
                .isEmpty();
    }

    @Test
    void a_5010_of_the_notescal_source_is_a_link_failure() {
        Instant t = Instant.parse("2026-11-25T09:00:00Z");

        assertThat(CalConEvents.isNotesLinkFailure(new HostEvent("MSExchangeNotesCal", 5010, EventType.ERROR, t, "")))
                .isTrue();
        assertThat(CalConEvents.isNotesLinkFailure(new HostEvent("MSExchangeNotesCal", 2001, EventType.ERROR, t, "")))
                .isFalse();
    }

    @Test
    void the_registry_facts_are_those_of_the_procedure() {
        assertThat(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE).isEqualTo("NotesCal.Exchange CalCon RPC Port");
        assertThat(CalConRegistry.NOTES_SIDE_PORT_VALUE).isEqualTo("NotesCal.Notes ExCalCon RPC Port");
        assertThat(CalConRegistry.SERVICE_DISPLAY_NAME)
                .isEqualTo("Microsoft Exchange Free Busy Connector for Lotus Domino");
    }
}
