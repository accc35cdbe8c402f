package org.calconfleet.policy;

import java.util.List;

/** A proposal cannot be made, confirmed or rejected as asked; the message key and arguments say why. */
public class PolicyProposalException extends RuntimeException {

    public enum Reason {
        /** Another proposal waits; argument: who proposed it. */
        ANOTHER_PENDING,
        /** The proposer cannot be the second administrator. */
        OWN_PROPOSAL,
        /** The policy changed after the proposal was made; argument: who changed it. */
        POLICY_CHANGED_SINCE,
        /** The proposal was confirmed or rejected already. */
        NOT_PENDING;

        public String messageKey() {
            return "policy.proposal.refused." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;
    private final List<String> arguments;

    PolicyProposalException(Reason reason, String... arguments) {
        super(reason + " " + List.of(arguments));
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return reason.messageKey();
    }

    public List<String> arguments() {
        return arguments;
    }
}
