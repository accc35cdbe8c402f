package org.calconfleet.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallExportTest {

    private static final FirewallEndpoint EXCH01 = new FirewallEndpoint("EXCH01", "10.0.0.5");
    private static final FirewallEndpoint EXCH02 = new FirewallEndpoint("EXCH02", "10.0.0.6");
    private static final FirewallEndpoint DOMINO01 = new FirewallEndpoint("DOMINO01", "10.0.1.7");

    private static final FirewallPlan FIRST = new FirewallPlan(EXCH01, DOMINO01, ConnectorKind.LOTUS_DOMINO,
            RpcPort.of(45001));
    private static final FirewallPlan SECOND = new FirewallPlan(EXCH02, DOMINO01, ConnectorKind.LOTUS_DOMINO,
            RpcPort.of(45002));

    @Test
    void one_script_for_many_servers_groups_the_commands_by_the_host_they_run_on_with_a_shared_partner_once() {
        String script = new FirewallExport(List.of(FIRST, SECOND), List.of()).netshScript();

        List<String> lines = Arrays.asList(script.split("\r\n"));
        assertThat(lines).filteredOn(line -> line.startsWith("REM ---- on "))
                .containsExactly("REM ---- on EXCH01 (10.0.0.5) ----", "REM ---- on DOMINO01 (10.0.1.7) ----",
                        "REM ---- on EXCH02 (10.0.0.6) ----");
        var every = new java.util.ArrayList<String>();
        NetshCommands.forPlan(FIRST).forEach(command -> every.add(command.commandLine()));
        NetshCommands.forPlan(SECOND).forEach(command -> every.add(command.commandLine()));
        assertThat(lines).filteredOn(line -> line.startsWith("netsh ")).containsExactlyInAnyOrderElementsOf(every);
        int domino = lines.indexOf("REM ---- on DOMINO01 (10.0.1.7) ----");
        assertThat(lines.subList(domino + 1, lines.indexOf("REM ---- on EXCH02 (10.0.0.6) ----")))
                .filteredOn(line -> !line.isEmpty())
                .as("the partner's block holds its rules for both Exchange servers")
                .allMatch(line -> line.contains("(on DOMINO01)"))
                .anyMatch(line -> line.contains("45001")).anyMatch(line -> line.contains("45002"));
        assertThat(script).startsWith("@echo off\r\nREM CalCon Fleet Console: Windows Firewall rules for 2 server(s)"
                + " on 3 host(s).").endsWith("\r\n").doesNotContain("Not covered");
    }

    @Test
    void a_command_two_plans_share_is_written_once() {
        String script = new FirewallExport(List.of(FIRST, FIRST), List.of()).netshScript();

        assertThat(script.lines().filter(line -> line.startsWith("netsh "))).hasSize(
                NetshCommands.forPlan(FIRST).size());
    }

    @Test
    void the_servers_without_a_plan_are_named_at_the_top_of_the_script_and_the_csv_holds_every_rule() {
        FirewallExport export = new FirewallExport(List.of(FIRST, SECOND), List.of("EXCH03", "EXCH04"));

        assertThat(export.netshScript().lines().skip(2).findFirst()).hasValue(
                "REM Not covered (no firewall plan: addresses of the server or its partner missing or unusable): "
                        + "EXCH03, EXCH04");
        assertThat(export.csv().split("\r\n")).hasSize(1 + FIRST.rules().size() + SECOND.rules().size())
                .startsWith(FirewallCsv.HEADER);
    }
}
