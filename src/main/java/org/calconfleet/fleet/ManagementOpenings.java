package org.calconfleet.fleet;

import java.util.Optional;
import org.calconfleet.port.ManagementAccess;

/**
 * The opening the console itself needs to reach a server, for its firewall plan. The backends know it (they are
 * the way in), and sit above this feature, so they implement it.
 */
public interface ManagementOpenings {

    /** Empty when the console needs no opening (a simulated server) or does not know its own address. */
    Optional<ManagementAccess> to(ExchangeServer server);
}
