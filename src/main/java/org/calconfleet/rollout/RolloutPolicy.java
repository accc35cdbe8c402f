package org.calconfleet.rollout;

import org.calconfleet.port.PortPolicy;

/**
 * The policy a change is held to: whether a second person must approve, and the port policy. The engine's
 * configuration backs it with the administrator's policy.
 */
public interface RolloutPolicy {

    boolean approvalRequired();

    PortPolicy portPolicy();
}
