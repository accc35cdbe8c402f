package org.calconfleet.host.agent;

import java.time.Duration;

/**
 * How often an idempotent read is tried when the agent is unreachable, busy or slow: up to {@code maxAttempts}
 * in all, waiting {@code initialBackoff}, then twice as long each time, at most {@code maxBackoff}. Writes, stops
 * and starts are never retried here: their outcome may be unknown, and the caller decides after checking the host.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must be 0 <= initial <= max");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(4));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before attempt {@code attempt} (2 for the first retry). */
    public Duration backoffBefore(int attempt) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        Duration backoff = initialBackoff;
        for (int i = 2; i < attempt && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
