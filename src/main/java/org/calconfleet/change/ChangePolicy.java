package org.calconfleet.change;

import org.calconfleet.port.PortPolicy;

/**
 * The policy a change is held to: whether a second person must approve, and the port policy. The engine's
 * configuration backs it with the administrator's policy.
 */
public interface ChangePolicy {

    boolean approvalRequired();

    PortPolicy portPolicy();
}
