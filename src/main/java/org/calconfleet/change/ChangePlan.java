package org.calconfleet.change;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.calconfleet.port.FirewallExport;
import org.jspecify.annotations.Nullable;

/**
 * A change's plan per host, with the totals an approver looks at first; who had it made, and when the hosts began to
 * be read for it.
 */
public record ChangePlan(@Nullable Integer targetPort, List<HostPlan> hosts, ChangeDraft.Waves waves,
                         Instant plannedAt, String plannedBy) {

    public ChangePlan {
        hosts = List.copyOf(hosts);
    }

    public long changes() {
        return count(HostPlan.Verdict.CHANGE);
    }

    public long noChange() {
        return count(HostPlan.Verdict.NO_CHANGE);
    }

    public long blocked() {
        return count(HostPlan.Verdict.BLOCKED);
    }

    /** Hosts that will run but whose change cannot be proven (logging below High). */
    public long unverifiable() {
        return hosts.stream().filter(h -> h.verdict() == HostPlan.Verdict.CHANGE && h.unverifiable()).count();
    }

    /** The firewall openings of every host at the change's port, with the hosts that have no plan named. */
    public FirewallExport firewall() {
        return new FirewallExport(hosts.stream().map(HostPlan::firewall).filter(Objects::nonNull).toList(),
                hosts.stream().filter(h -> h.firewall() == null).map(HostPlan::hostName).toList());
    }

    /**
     * This plan is the one {@code user} had made of {@code draft} (its servers in their order, its port, its waves)
     * at most {@code validFor} before {@code now}.
     */
    public boolean isRecentPlanOf(ChangeDraft draft, String user, Instant now, Duration validFor) {
        return plannedBy.equals(user) && !plannedAt.isBefore(now.minus(validFor)) && !plannedAt.isAfter(now)
                && targetPort != null && targetPort == draft.port() && waves.equals(draft.waves())
                && hosts.stream().map(HostPlan::serverId).toList().equals(draft.serverIds());
    }

    public int waveCount() {
        return waves.waveCount((int) changes());
    }

    private long count(HostPlan.Verdict verdict) {
        return hosts.stream().filter(h -> h.verdict() == verdict).count();
    }
}
