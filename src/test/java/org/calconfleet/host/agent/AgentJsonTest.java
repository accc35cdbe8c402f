package org.calconfleet.host.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.EventType;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class AgentJsonTest {

    @Test
    void host_values_come_back_equal_including_dwords_above_2_to_the_31() {
        CalConPorts ports = new CalConPorts(RegistryRead.present(-1),
                RegistryRead.wrongType(RegistryValueType.REG_MULTI_SZ, "45001\n\t45002"));
        List<HostEvent> events = List.of(new HostEvent("MSExchangeNotesCal", 6001, EventType.INFORMATION,
                Instant.parse("2026-11-25T09:00:01Z"), "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 45001\r\n"));
        List<TcpListener> listeners = List.of(new TcpListener(45001, 4100, "calcon.exe"));

        assertThat(AgentJson.ports(trip(AgentJson.ports(ports)), "")).isEqualTo(ports);
        assertThat(AgentJson.registryRead(trip(AgentJson.registryRead(RegistryRead.present(-1))), ""))
                .isEqualTo(RegistryRead.present(-1));
        assertThat(trip(AgentJson.registryRead(RegistryRead.present(-1))).get("value").longValue()).isEqualTo(4294967295L);
        assertThat(AgentJson.events(trip(AgentJson.events(events)), "")).isEqualTo(events);
        assertThat(AgentJson.listeners(trip(AgentJson.listeners(listeners)), "")).isEqualTo(listeners);
    }

    @Test
    void results_and_failures_come_back_equal() {
        HostResult<ServiceState> ok = HostResult.ok(ServiceState.RUNNING);
        HostResult<ServiceState> failed = HostResult.failure(HostFailure.FAILED, "logon failure", 1069);

        assertThat(AgentJson.result(trip(AgentJson.result(ok, s -> AgentJson.ok(s).get("value"))),
                AgentJson.enumDecoder(ServiceState.class))).isEqualTo(ok);
        assertThat(AgentJson.result(trip(AgentJson.result(failed, s -> AgentJson.ok(s).get("value"))),
                AgentJson.enumDecoder(ServiceState.class))).isEqualTo(failed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"a\":1,\"a\":2}", "{} {}", "[1,]", "{'a':1}", "{\"a\":NaN}",
            "{\"a\":01}", "{\"a\":1} x", "{\"a\":\"\\u12\"}"})
    void what_is_not_exactly_one_json_document_is_malformed(String text) {
        assertThatThrownBy(() -> AgentJson.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WireException.class, e -> assertThat(e.malformed()).isTrue());
    }

    @Test
    void nesting_and_numbers_beyond_the_limits_are_malformed() {
        assertThatThrownBy(() -> AgentJson.parse(("[".repeat(40) + "]".repeat(40)).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireException.class);
        assertThatThrownBy(() -> AgentJson.parse(("{\"a\":" + "9".repeat(30) + "}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WireException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"state\":\"PRESENT\"}", "{\"state\":\"PRESENT\",\"value\":\"1\"}",
            "{\"state\":\"PRESENT\",\"value\":4294967296}", "{\"state\":\"ABSENT\",\"value\":1}",
            "{\"state\":\"WRONG_TYPE\",\"type\":\"REG_NOPE\"}", "{\"state\":\"present\"}", "{\"state\":null}"})
    void a_registry_read_outside_its_form_is_invalid_and_names_the_field(String text) {
        JsonNode node = AgentJson.parse(text.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AgentJson.registryRead(node, "/exchangeSide"))
                .isInstanceOfSatisfying(WireException.class, e -> {
                    assertThat(e.malformed()).isFalse();
                    assertThat(e.field()).startsWith("/exchangeSide");
                });
    }

    private static JsonNode trip(JsonNode node) {
        return AgentJson.parseAnswer(AgentJson.write(node));
    }
}
