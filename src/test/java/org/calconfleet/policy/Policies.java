package org.calconfleet.policy;

import org.calconfleet.access.Role;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.rollout.Users;

/** Setting the enforced policy in a test, as an administrator. */
public final class Policies {

    private Policies() {
    }

    /** The current policy with 0 no longer allowed: a tightening, so it applies at once, without a second admin. */
    public static void forbidDynamicPort(PolicyService policies) {
        Users.as("policy-admin", Role.ADMIN, () -> {
            PolicyRevision revision = policies.revision();
            FleetPolicy current = revision.policy();
            PortPolicy ports = current.ports();
            policies.update(new FleetPolicy(new PortPolicy(ports.allowedRanges(), ports.reservedPorts(), false,
                    ports.scope()), current.approvalRequired(), current.driftScanInterval(),
                    current.notifyAddresses()), revision.version(), "pinned ports only");
        });
    }
}
