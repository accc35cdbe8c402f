package org.calconfleet.rollout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How the engine treats hosts: retries of transient failures, service time-outs, verification, leases. */
@ConfigurationProperties("calcon.rollout")
public class RolloutSettings {

    /** Tries of one call, the first included, when the host answers with a transient failure. */
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofSeconds(2);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration stopTimeout = Duration.ofMinutes(2);
    private Duration startTimeout = Duration.ofMinutes(2);
    /** Looks for event 6001 after a restart at logging High, before the host needs attention. */
    private int verifyAttempts = 3;
    private Duration verifyDelay = Duration.ofSeconds(2);
    /**
     * How long a host run stays its runner's after each of its writes and each renewal (every
     * {@link #hostRunLeaseRenewal() third of it}, while the runner waits): a second runner (an execution the job engine
     * revived while the first still lives) that finds the lease unexpired stops before touching the host. A run whose
     * node died resumes when its lease runs out: at most this long after the node's last renewal.
     */
    private Duration hostRunLease = Duration.ofSeconds(30);

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getStopTimeout() {
        return stopTimeout;
    }

    public void setStopTimeout(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    public Duration getStartTimeout() {
        return startTimeout;
    }

    public void setStartTimeout(Duration startTimeout) {
        this.startTimeout = startTimeout;
    }

    public int getVerifyAttempts() {
        return verifyAttempts;
    }

    public void setVerifyAttempts(int verifyAttempts) {
        this.verifyAttempts = Math.max(1, verifyAttempts);
    }

    public Duration getVerifyDelay() {
        return verifyDelay;
    }

    public void setVerifyDelay(Duration verifyDelay) {
        this.verifyDelay = verifyDelay;
    }

    /** The wait before try {@code attempt + 2}: doubling from the initial back-off, capped. */
    Duration backoff(int attempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    public Duration getHostRunLease() {
        return hostRunLease;
    }

    public void setHostRunLease(Duration hostRunLease) {
        this.hostRunLease = hostRunLease;
    }

    /** How often a node renews the leases of its runners: a third of the lease, so that two renewals may be late. */
    Duration hostRunLeaseRenewal() {
        return hostRunLease.dividedBy(3);
    }
}
