package org.calconfleet.change;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a change is planned: how many hosts are read at once, how long a probe of a host's port may take, and for how
 * long a plan the requester looked at is submitted as it is instead of being made again.
 */
@ConfigurationProperties("calcon.change")
public class PlanSettings {

    /** Hosts read at once while planning. */
    private int planConcurrency = 200;
    private Duration probeTimeout = Duration.ofSeconds(3);
    private Duration planValidFor = Duration.ofMinutes(5);

    public int getPlanConcurrency() {
        return planConcurrency;
    }

    public void setPlanConcurrency(int planConcurrency) {
        this.planConcurrency = Math.max(1, planConcurrency);
    }

    public Duration getProbeTimeout() {
        return probeTimeout;
    }

    public void setProbeTimeout(Duration probeTimeout) {
        this.probeTimeout = probeTimeout;
    }

    public Duration getPlanValidFor() {
        return planValidFor;
    }

    public void setPlanValidFor(Duration planValidFor) {
        this.planValidFor = planValidFor;
    }
}
