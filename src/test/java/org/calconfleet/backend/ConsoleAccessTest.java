package org.calconfleet.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.port.FirewallEndpoint;
import org.calconfleet.port.ManagementAccess;
import org.calconfleet.port.RulePurpose;
import org.junit.jupiter.api.Test;

class ConsoleAccessTest {

    private final ConsoleAccess access = new ConsoleAccess("10.0.9.1");

    private static ExchangeServer server(BackendKind kind, String address) {
        ExchangeServer server = new ExchangeServer("TKY-EXC01", "Tokyo");
        server.setBackendKind(kind);
        server.setBackendAddress(address);
        return server;
    }

    @Test
    void a_windows_server_is_reached_on_tcp_445_from_the_configured_console_address() {
        assertThat(access.to(server(BackendKind.WINDOWS, "tky-exc01.corp.example")))
                .contains(ManagementAccess.smb(new FirewallEndpoint("console", "10.0.9.1")));
    }

    @Test
    void an_agent_is_reached_on_the_port_of_its_address_or_443() {
        assertThat(access.to(server(BackendKind.AGENT, "https://tky-exc01.corp.example:8443 sha256=ab")))
                .map(ManagementAccess::ports).contains("8443");
        assertThat(access.to(server(BackendKind.AGENT, "https://tky-exc01.corp.example")))
                .map(ManagementAccess::purpose).contains(RulePurpose.MANAGEMENT_AGENT);
        assertThat(access.to(server(BackendKind.AGENT, "https://tky-exc01.corp.example")))
                .map(ManagementAccess::ports).contains("443");
        assertThat(access.to(server(BackendKind.AGENT, "not a url"))).isEmpty();
    }

    @Test
    void a_simulated_server_needs_no_opening() {
        assertThat(access.to(server(BackendKind.SIMULATED, "ignored"))).isEmpty();
    }

    @Test
    void a_console_address_that_is_not_an_ip_address_stops_the_start() {
        assertThatThrownBy(() -> new ConsoleAccess("console.corp.example"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("calcon.console.address");
    }
}
