package org.calconfleet.drift;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The servers one drift scan found newly in drift (in sync or unknown at the scan before, drifted now), published
 * when the scan ends and only when there is at least one. A server that stays in drift is not in the next one.
 */
public record DriftFound(Instant at, List<Server> servers) {

    public DriftFound {
        servers = List.copyOf(servers);
    }

    /** {@code observed} as the scan read it: the Exchange side and the Notes side, e.g. {@code 45003/45003}. */
    public record Server(long serverId, String hostName, @Nullable Integer desiredPort, String observed) {
    }
}
