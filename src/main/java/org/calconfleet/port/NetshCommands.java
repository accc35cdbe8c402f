package org.calconfleet.port;

import java.util.ArrayList;
import java.util.List;

/**
 * The Windows Firewall rules of a plan as {@code netsh advfirewall} commands. Each connection needs an
 * inbound rule on the host it goes to ({@code localport}) and an outbound rule on the host it comes
 * from ({@code remoteport}); the host a rule belongs on is named in the rule. Only the Exchange server
 * and a Domino partner get commands: EXCALCON runs on Windows, a GroupWise partner need not.
 * {@code netsh advfirewall} exists from Windows Server 2008 on; a Windows Server 2003 host only has the
 * older {@code netsh firewall} context, which has no outbound rules.
 */
public final class NetshCommands {

    private NetshCommands() {
    }

    public static List<NetshCommand> forPlan(FirewallPlan plan) {
        var commands = new ArrayList<NetshCommand>(forHost(plan, plan.exchange()));
        if (plan.connector() == ConnectorKind.LOTUS_DOMINO) {
            commands.addAll(forHost(plan, plan.partner()));
        }
        return List.copyOf(commands);
    }

    public static List<NetshCommand> forHost(FirewallPlan plan, FirewallEndpoint host) {
        var commands = new ArrayList<NetshCommand>();
        for (var rule : plan.rules()) {
            if (rule.to().equals(host)) {
                commands.add(new NetshCommand(host, inbound(rule)));
            }
        }
        for (var rule : plan.rules()) {
            if (rule.from().equals(host)) {
                commands.add(new NetshCommand(host, outbound(rule)));
            }
        }
        return List.copyOf(commands);
    }

    private static String ruleNamePrefix(FirewallRule rule) {
        return rule.direction() == FlowDirection.CONSOLE_TO_EXCHANGE ? "CalCon console" : "CalCon RPC";
    }

    private static String inbound(FirewallRule rule) {
        var name = "%s (on %s) in %s %s from %s".formatted(ruleNamePrefix(rule), rule.to().name(), rule.protocol(),
                rule.ports(), rule.from().name());
        return "netsh advfirewall firewall add rule name=\"%s\" dir=in action=allow protocol=%s localport=%s remoteip=%s"
                .formatted(name, rule.protocol(), rule.ports(), rule.from().address());
    }

    private static String outbound(FirewallRule rule) {
        var name = "%s (on %s) out %s %s to %s".formatted(ruleNamePrefix(rule), rule.from().name(), rule.protocol(),
                rule.ports(), rule.to().name());
        return "netsh advfirewall firewall add rule name=\"%s\" dir=out action=allow protocol=%s remoteport=%s remoteip=%s"
                .formatted(name, rule.protocol(), rule.ports(), rule.to().address());
    }
}
