package org.calconfleet.rollout;

import org.calconfleet.port.PortPolicy;

/**
 * The policy a change is held to: whether a second person must approve, and the port policy. The default bean
 * (approval required, {@link PortPolicy#DEFAULT}) stands in until the policy feature provides its own.
 */
public interface RolloutPolicy {

    boolean approvalRequired();

    PortPolicy portPolicy();

    RolloutPolicy DEFAULT = new RolloutPolicy() {
        @Override
        public boolean approvalRequired() {
            return true;
        }

        @Override
        public PortPolicy portPolicy() {
            return PortPolicy.DEFAULT;
        }
    };
}
