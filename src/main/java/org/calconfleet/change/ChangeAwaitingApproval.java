package org.calconfleet.change;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change request that now waits for a second person's approval, published inside the transaction that stored it:
 * listeners that tell people about it act after that commit. {@code hosts} are the hosts the change would change.
 */
public record ChangeAwaitingApproval(long changeId, String requestedBy, String reason, @Nullable String ticket,
                                     Instant at, List<Host> hosts) {

    public ChangeAwaitingApproval {
        hosts = List.copyOf(hosts);
    }

    public record Host(long serverId, String hostName, int port) {
    }
}
