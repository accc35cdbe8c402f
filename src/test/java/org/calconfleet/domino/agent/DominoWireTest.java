package org.calconfleet.domino.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;
import org.calconfleet.host.agent.AgentJson;
import org.calconfleet.host.agent.WireException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DominoWireTest {

    private static final DominoCommand.LoadExcalcon LOAD =
            new DominoCommand.LoadExcalcon("exchange", "ExchangeFreeBusy", 45001, 45001, true);

    @Test
    void commands_travel_as_values_and_come_back_equal() {
        DominoWire.Request read = DominoWire.request(roundTrip(DominoWire.request("DOMINO01",
                List.of(DominoCommand.quit(), LOAD), null)));
        DominoWire.Request named = DominoWire.request(roundTrip(DominoWire.request("DOMINO01",
                List.of(DominoCommand.quit(), LOAD), "host-run-7-1764626400000")));

        assertThat(read).isEqualTo(new DominoWire.Request("DOMINO01", List.of(DominoCommand.quit(), LOAD), null));
        assertThat(named.requestId()).isEqualTo("host-run-7-1764626400000");
    }

    @Test
    void results_come_back_equal() {
        DominoResult sent = new DominoResult.Sent("DOMINO01", List.of("Excalcon q"), List.of("ok"));
        DominoResult failed = DominoResult.failed("DOMINO01", List.of("Excalcon q"), DominoFailure.TIMED_OUT, "slow");

        assertThat(DominoWire.result(roundTrip(DominoWire.result(sent)))).isEqualTo(sent);
        assertThat(DominoWire.result(roundTrip(DominoWire.result(failed)))).isEqualTo(failed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"server\":\"D\",\"commands\":[]}",
            "{\"server\":\"D\",\"requestId\":\"\",\"commands\":[{\"type\":\"QUIT\"}]}",
            "{\"server\":\"D\",\"requestId\":7,\"commands\":[{\"type\":\"QUIT\"}]}",
            "{\"server\":\"\",\"commands\":[{\"type\":\"QUIT\"}]}",
            "{\"server\":\"D\",\"commands\":[{\"type\":\"QUIT\",\"now\":true}]}",
            "{\"server\":\"D\",\"commands\":[{\"type\":\"RESTART\"}]}",
            "{\"server\":\"D\",\"commands\":[{\"type\":\"LOAD\",\"exchangeServer\":\"e\",\"calendarSystem\":\"c\","
                    + "\"exchangeSidePort\":\"45001\",\"notesSidePort\":45001,\"debug\":true}]}",
            "{\"server\":\"D\",\"commands\":[{\"type\":\"LOAD\",\"exchangeServer\":\"e\",\"calendarSystem\":\"c\","
                    + "\"exchangeSidePort\":45001,\"notesSidePort\":45001,\"debug\":1}]}",
            "{\"server\":\"D\",\"line\":\"Excalcon q\",\"commands\":[{\"type\":\"QUIT\"}]}",
            "{\"server\":\"D\",\"commands\":[{\"type\":\"QUIT\"},{\"type\":\"QUIT\"},{\"type\":\"QUIT\"},{\"type\":\"QUIT\"},"
                    + "{\"type\":\"QUIT\"},{\"type\":\"QUIT\"},{\"type\":\"QUIT\"},{\"type\":\"QUIT\"},{\"type\":\"QUIT\"}]}"})
    void requests_outside_the_wire_form_are_refused(String json) {
        assertThatThrownBy(() -> DominoWire.request(AgentJson.parse(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(WireException.class);
    }

    private static tools.jackson.databind.JsonNode roundTrip(tools.jackson.databind.JsonNode node) {
        return AgentJson.parse(AgentJson.write(node));
    }
}
