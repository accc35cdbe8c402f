package org.calconfleet.change;

import java.time.Instant;
import java.util.List;

/**
 * What the change feature needs of the feature that carries changes out (the rollout engine implements it): the
 * change feature plans, stores and decides; what happens to the hosts afterwards is the other side's.
 */
public interface ChangeExecution {

    /** A host of a stored change, waiting for the change to be approved. */
    record WaitingHost(long serverId, String hostName, int targetPort) {
    }

    /** A server claimed by a change that is being carried out. */
    record ActiveChange(long serverId, long changeRequestId) {
    }

    /** Keeps the plan of a change just stored, host by host, as what will be carried out once it is approved. */
    void planned(long changeId, ChangePlan plan, Instant at);

    /** The servers of a stored change, in the order of its plan. */
    List<Long> serverIds(long changeId);

    /** The hosts of a change that wait for its approval, in the order of its plan. */
    List<WaitingHost> waiting(long changeId);

    /** Every server claimed by a change being carried out, with that change. */
    List<ActiveChange> active();

    /** The one hand-over: an approved change is carried out from now on (or at its scheduled time). */
    void start(ChangeRequest change);

    /** A rejected change's waiting hosts will not be carried out. */
    void rejected(long changeId, Instant at);

    /** The change as lists show it, with how far its hosts have got. */
    ChangeSummary summary(ChangeRequest change);

    /** Whether the acting user may see and act on the change (a user limited to some sites sees fewer). */
    boolean visible(long changeId);
}
