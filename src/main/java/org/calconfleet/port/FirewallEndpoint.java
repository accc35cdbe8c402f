package org.calconfleet.port;

import java.util.ArrayList;
import java.util.List;

/**
 * A host at one end of the Calendar Connector's traffic: its name for people and rule names, and its
 * IP address, because netsh's {@code remoteip} takes addresses, not host names.
 */
public record FirewallEndpoint(String name, String address) {

    public FirewallEndpoint {
        var refusals = refusalsFor(name, address);
        if (!refusals.isEmpty()) {
            throw new RefusedException(refusals);
        }
    }

    public static List<ConsoleRefusal> refusalsFor(String name, String address) {
        var refusals = new ArrayList<ConsoleRefusal>();
        refusals.addAll(ConsoleText.refusalsForName(ConsoleField.HOST_NAME, name));
        refusals.addAll(ConsoleText.refusalsForIpAddress(ConsoleField.HOST_ADDRESS, address));
        return List.copyOf(refusals);
    }
}
