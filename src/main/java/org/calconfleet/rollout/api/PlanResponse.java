package org.calconfleet.rollout.api;

import java.util.List;
import org.calconfleet.rollout.ChangeDraft;
import org.calconfleet.rollout.ChangePlan;
import org.calconfleet.rollout.HostPlan;
import org.jspecify.annotations.Nullable;

/** What a change would do, with the totals an approver reads first; nothing was stored. */
record PlanResponse(@Nullable Integer targetPort, long changes, long noChange, long blocked, long unverifiable,
                    int waveCount, ChangeDraft.Waves waves, List<HostPlan> hosts) {

    static PlanResponse of(ChangePlan plan) {
        return new PlanResponse(plan.targetPort(), plan.changes(), plan.noChange(), plan.blocked(),
                plan.unverifiable(), plan.waveCount(), plan.waves(), plan.hosts());
    }
}
