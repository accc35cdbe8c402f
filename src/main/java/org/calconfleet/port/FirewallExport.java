package org.calconfleet.port;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The firewall openings of many servers as one file each for the network team: a {@code netsh advfirewall} script
 * with the commands grouped by the host they must be run on (a Domino partner shared by several Exchange servers
 * gets one block), and the CSV of every rule. {@code withoutPlan} names the servers left out because no plan could be
 * made from their or their partner's recorded addresses, so that the script says what it does not cover.
 */
public record FirewallExport(List<FirewallPlan> plans, List<String> withoutPlan) {

    static final String LINE_END = "\r\n";

    public FirewallExport {
        plans = List.copyOf(plans);
        withoutPlan = List.copyOf(withoutPlan);
    }

    public String csv() {
        return FirewallCsv.render(plans);
    }

    /** A Windows batch file (CRLF, REM comments), in English like the CSV: firewall requests usually are. */
    public String netshScript() {
        var byHost = new LinkedHashMap<FirewallEndpoint, Set<String>>();
        for (FirewallPlan plan : plans) {
            for (NetshCommand command : NetshCommands.forPlan(plan)) {
                byHost.computeIfAbsent(command.runOn(), host -> new LinkedHashSet<>()).add(command.commandLine());
            }
        }
        var lines = new ArrayList<String>();
        lines.add("@echo off");
        lines.add("REM CalCon Fleet Console: Windows Firewall rules for " + plans.size() + " server(s) on "
                + byHost.size() + " host(s). Run each block on the host it names (Windows Server 2008 or later).");
        if (!withoutPlan.isEmpty()) {
            lines.add("REM Not covered (no firewall plan: addresses of the server or its partner missing or unusable): "
                    + String.join(", ", withoutPlan));
        }
        byHost.forEach((host, commands) -> {
            lines.add("");
            lines.add("REM ---- on " + host.name() + " (" + host.address() + ") ----");
            lines.addAll(commands);
        });
        return String.join(LINE_END, lines) + LINE_END;
    }
}
