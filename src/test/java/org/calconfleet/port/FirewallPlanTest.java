package org.calconfleet.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class FirewallPlanTest {

    private static final FirewallEndpoint EXCH01 = new FirewallEndpoint("EXCH01", "10.0.0.5");
    private static final FirewallEndpoint DOMINO01 = new FirewallEndpoint("DOMINO01", "10.0.1.7");
    private static final FirewallEndpoint GWIA01 = new FirewallEndpoint("GWIA01", "10.0.2.9");

    private static final FirewallPlan PINNED =
            new FirewallPlan(EXCH01, DOMINO01, ConnectorKind.LOTUS_DOMINO, RpcPort.of(45001));
    private static final FirewallPlan DYNAMIC =
            new FirewallPlan(EXCH01, DOMINO01, ConnectorKind.LOTUS_DOMINO, RpcPort.DYNAMIC);
    private static final FirewallPlan GROUPWISE =
            new FirewallPlan(EXCH01, GWIA01, ConnectorKind.NOVELL_GROUPWISE, RpcPort.of(45001));

    @Test
    void a_pinned_port_needs_tcp_135_and_the_port_both_ways() {
        assertThat(PINNED.rules()).containsExactly(
                new FirewallRule(FlowDirection.EXCHANGE_TO_PARTNER, EXCH01, DOMINO01, "TCP", "135",
                        RulePurpose.ENDPOINT_MAPPER),
                new FirewallRule(FlowDirection.EXCHANGE_TO_PARTNER, EXCH01, DOMINO01, "TCP", "45001",
                        RulePurpose.PINNED_PORT),
                new FirewallRule(FlowDirection.PARTNER_TO_EXCHANGE, DOMINO01, EXCH01, "TCP", "135",
                        RulePurpose.ENDPOINT_MAPPER),
                new FirewallRule(FlowDirection.PARTNER_TO_EXCHANGE, DOMINO01, EXCH01, "TCP", "45001",
                        RulePurpose.PINNED_PORT));
        assertThat(PINNED.usesDynamicPorts()).isFalse();
    }

    @Test
    void the_dynamic_port_needs_tcp_135_and_every_port_above_1024_both_ways() {
        assertThat(DYNAMIC.usesDynamicPorts()).isTrue();
        assertThat(DYNAMIC.rules()).extracting(FirewallRule::direction, FirewallRule::ports, FirewallRule::purpose)
                .containsExactly(
                        tuple(FlowDirection.EXCHANGE_TO_PARTNER, "135",
                                RulePurpose.ENDPOINT_MAPPER),
                        tuple(FlowDirection.EXCHANGE_TO_PARTNER, "1025-65535",
                                RulePurpose.DYNAMIC_RPC_PORTS),
                        tuple(FlowDirection.PARTNER_TO_EXCHANGE, "135",
                                RulePurpose.ENDPOINT_MAPPER),
                        tuple(FlowDirection.PARTNER_TO_EXCHANGE, "1025-65535",
                                RulePurpose.DYNAMIC_RPC_PORTS));
    }

    @Test
    void a_groupwise_connector_always_needs_the_dynamic_ports_even_with_a_pinned_port() {
        assertThat(GROUPWISE.usesDynamicPorts()).isTrue();
        assertThat(GROUPWISE.rules()).extracting(FirewallRule::ports)
                .containsExactly("135", "1025-65535", "135", "1025-65535");
    }

    @Test
    void the_exchange_server_and_its_partner_are_two_hosts() {
        assertThatThrownBy(() -> new FirewallPlan(EXCH01, new FirewallEndpoint("exch01", "10.0.9.9"),
                ConnectorKind.LOTUS_DOMINO, RpcPort.of(45001))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FirewallPlan(EXCH01, new FirewallEndpoint("DOMINO01", "10.0.0.5"),
                ConnectorKind.LOTUS_DOMINO, RpcPort.of(45001))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_endpoint_needs_a_safe_name_and_an_ip_address() {
        assertThat(FirewallEndpoint.refusalsFor("DOMINO 01", "domino01.corp.example.com")).containsExactly(
                ConsoleRefusal.of(ConsoleField.HOST_NAME, ConsoleRefusalReason.WHITESPACE, "DOMINO 01"),
                ConsoleRefusal.of(ConsoleField.HOST_ADDRESS, ConsoleRefusalReason.NOT_AN_IP_ADDRESS,
                        "domino01.corp.example.com"));
        assertThatThrownBy(() -> new FirewallEndpoint("EXCH\"01", "10.0.0.5")).isInstanceOf(RefusedException.class);
    }

    @Test
    void the_table_has_one_row_per_rule_with_keys_for_direction_and_purpose() {
        assertThat(FirewallTable.rows(PINNED)).first().isEqualTo(new FirewallTable.Row(
                "port.firewall.direction.exchangeToPartner", "EXCH01", "10.0.0.5", "DOMINO01", "10.0.1.7", "TCP",
                "135", "port.firewall.purpose.endpointMapper"));
        assertThat(FirewallTable.rows(PINNED)).hasSize(4);
    }

    @Test
    void table_cells_follow_the_column_order_with_keys_translated() {
        UnaryOperator<String> translate = key -> "[" + key.substring(key.lastIndexOf('.') + 1) + "]";

        assertThat(FirewallTable.rows(PINNED).get(3).cells(translate)).containsExactly(
                "[partnerToExchange]", "DOMINO01", "10.0.1.7", "EXCH01", "10.0.0.5", "TCP", "45001", "[pinnedPort]");
        assertThat(FirewallTable.COLUMN_KEYS).hasSize(FirewallTable.rows(PINNED).get(3).cells(translate).size());
    }

    @Test
    void netsh_commands_open_the_pinned_port_on_the_exchange_server_and_on_the_domino_server() {
        assertThat(NetshCommands.forPlan(PINNED)).extracting(NetshCommand::runOn, NetshCommand::commandLine)
                .containsExactly(
                        tuple(EXCH01, "netsh advfirewall firewall add rule"
                                + " name=\"CalCon RPC (on EXCH01) in TCP 135 from DOMINO01\""
                                + " dir=in action=allow protocol=TCP localport=135 remoteip=10.0.1.7"),
                        tuple(EXCH01, "netsh advfirewall firewall add rule"
                                + " name=\"CalCon RPC (on EXCH01) in TCP 45001 from DOMINO01\""
                                + " dir=in action=allow protocol=TCP localport=45001 remoteip=10.0.1.7"),
                        tuple(EXCH01, "netsh advfirewall firewall add rule"
                                + " name=\"CalCon RPC (on EXCH01) out TCP 135 to DOMINO01\""
                                + " dir=out action=allow protocol=TCP remoteport=135 remoteip=10.0.1.7"),
                        tuple(EXCH01, "netsh advfirewall firewall add rule"
                                + " name=\"CalCon RPC (on EXCH01) out TCP 45001 to DOMINO01\""
                                + " dir=out action=allow protocol=TCP remoteport=45001 remoteip=10.0.1.7"),
                        tuple(DOMINO01, "netsh advfirewall firewall add rule"
                                + " name=\"CalCon RPC (on DOMINO01) in TCP 135 from EXCH01\""
                                + " dir=in action=allow protocol=TCP localport=135 remoteip=10.0.0.5"),
                        tuple(DOMINO01, "netsh advfirewall firewall add rule"
                                + " name=\"CalCon RPC (on DOMINO01) in TCP 45001 from EXCH01\""
                                + " dir=in action=allow protocol=TCP localport=45001 remoteip=10.0.0.5"),
                        tuple(DOMINO01, "netsh advfirewall firewall add rule"
                                + " name=\"CalCon RPC (on DOMINO01) out TCP 135 to EXCH01\""
                                + " dir=out action=allow protocol=TCP remoteport=135 remoteip=10.0.0.5"),
                        tuple(DOMINO01, "netsh advfirewall firewall add rule"
                                + " name=\"CalCon RPC (on DOMINO01) out TCP 45001 to EXCH01\""
                                + " dir=out action=allow protocol=TCP remoteport=45001 remoteip=10.0.0.5"));
    }

    @Test
    void netsh_commands_for_the_dynamic_port_open_the_whole_range_above_1024() {
        assertThat(NetshCommands.forHost(DYNAMIC, EXCH01)).extracting(NetshCommand::commandLine).containsExactly(
                "netsh advfirewall firewall add rule name=\"CalCon RPC (on EXCH01) in TCP 135 from DOMINO01\""
                        + " dir=in action=allow protocol=TCP localport=135 remoteip=10.0.1.7",
                "netsh advfirewall firewall add rule name=\"CalCon RPC (on EXCH01) in TCP 1025-65535 from DOMINO01\""
                        + " dir=in action=allow protocol=TCP localport=1025-65535 remoteip=10.0.1.7",
                "netsh advfirewall firewall add rule name=\"CalCon RPC (on EXCH01) out TCP 135 to DOMINO01\""
                        + " dir=out action=allow protocol=TCP remoteport=135 remoteip=10.0.1.7",
                "netsh advfirewall firewall add rule name=\"CalCon RPC (on EXCH01) out TCP 1025-65535 to DOMINO01\""
                        + " dir=out action=allow protocol=TCP remoteport=1025-65535 remoteip=10.0.1.7");
    }

    @Test
    void a_groupwise_partner_gets_no_netsh_commands_only_the_exchange_server_does() {
        var commands = NetshCommands.forPlan(GROUPWISE);

        assertThat(commands).hasSize(4).extracting(NetshCommand::runOn).containsOnly(EXCH01);
    }

    @Test
    void ipv6_addresses_go_into_remoteip_as_they_are() {
        var plan = new FirewallPlan(new FirewallEndpoint("EXCH6", "2001:db8::5"),
                new FirewallEndpoint("DOMINO6", "2001:db8::7"), ConnectorKind.LOTUS_DOMINO, RpcPort.of(45001));

        assertThat(NetshCommands.forPlan(plan).getFirst().commandLine()).endsWith("remoteip=2001:db8::7");
    }

    @Test
    void the_csv_has_a_header_and_one_line_per_rule_with_crlf_line_ends() {
        assertThat(FirewallCsv.render(PINNED)).isEqualTo(""
                + "Direction,Source host,Source IP,Destination host,Destination IP,Protocol,Destination ports,Purpose\r\n"
                + "Exchange to Domino,EXCH01,10.0.0.5,DOMINO01,10.0.1.7,TCP,135,RPC endpoint mapper\r\n"
                + "Exchange to Domino,EXCH01,10.0.0.5,DOMINO01,10.0.1.7,TCP,45001,\"Calendar Connector RPC, pinned port\"\r\n"
                + "Domino to Exchange,DOMINO01,10.0.1.7,EXCH01,10.0.0.5,TCP,135,RPC endpoint mapper\r\n"
                + "Domino to Exchange,DOMINO01,10.0.1.7,EXCH01,10.0.0.5,TCP,45001,\"Calendar Connector RPC, pinned port\"\r\n");
    }

    @Test
    void the_csv_of_several_servers_has_one_header() {
        var csv = FirewallCsv.render(List.of(PINNED, GROUPWISE));

        assertThat(csv.split("\r\n")).hasSize(9);
        assertThat(csv).startsWith(FirewallCsv.HEADER + "\r\n").containsOnlyOnce("Direction,");
        assertThat(csv).endsWith("GroupWise to Exchange,GWIA01,10.0.2.9,EXCH01,10.0.0.5,TCP,1025-65535,"
                + "\"Calendar Connector RPC, dynamic ports\"\r\n");
    }

    private static final FirewallEndpoint CONSOLE = new FirewallEndpoint("console", "10.0.9.1");

    @Test
    void a_host_reached_over_smb_needs_tcp_445_from_the_console_one_way() {
        var plan = PINNED.withManagement(ManagementAccess.smb(CONSOLE));

        assertThat(plan.rules()).hasSize(5).last().isEqualTo(new FirewallRule(FlowDirection.CONSOLE_TO_EXCHANGE,
                CONSOLE, EXCH01, "TCP", "445", RulePurpose.MANAGEMENT_SMB));
        assertThat(PINNED.rules()).as("the connector's plan alone").hasSize(4)
                .noneMatch(rule -> rule.direction() == FlowDirection.CONSOLE_TO_EXCHANGE);
    }

    @Test
    void the_console_rule_opens_the_exchange_server_inbound_and_gives_the_console_no_command() {
        var plan = PINNED.withManagement(ManagementAccess.agent(CONSOLE, 8443));

        assertThat(NetshCommands.forHost(plan, EXCH01)).extracting(NetshCommand::commandLine)
                .contains("netsh advfirewall firewall add rule name=\"CalCon console (on EXCH01) in TCP 8443 from console\""
                        + " dir=in action=allow protocol=TCP localport=8443 remoteip=10.0.9.1");
        assertThat(NetshCommands.forPlan(plan)).extracting(NetshCommand::runOn).doesNotContain(CONSOLE);
        assertThat(NetshCommands.forHost(plan, DOMINO01)).hasSize(4);
    }

    @Test
    void the_console_rule_is_named_in_the_csv_and_the_table() {
        var plan = PINNED.withManagement(ManagementAccess.smb(CONSOLE));

        assertThat(FirewallCsv.render(plan)).endsWith("Console to Exchange,console,10.0.9.1,EXCH01,10.0.0.5,TCP,445,"
                + "\"Console management: registry, service control and event log over SMB\"\r\n");
        assertThat(FirewallTable.rows(plan).getLast().directionKey()).isEqualTo("port.firewall.direction.consoleToExchange");
        assertThat(FirewallTable.rows(plan).getLast().purposeKey()).isEqualTo("port.firewall.purpose.managementSmb");
    }

    @Test
    void only_management_purposes_describe_the_console_access() {
        assertThatThrownBy(() -> new ManagementAccess(CONSOLE, "445", RulePurpose.PINNED_PORT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ManagementAccess.agent(CONSOLE, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
