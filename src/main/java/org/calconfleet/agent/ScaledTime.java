package org.calconfleet.agent;

import java.time.Duration;
import java.time.Instant;

import org.calconfleet.host.HostTime;

/**
 * A clock that runs {@code scale} times as fast as real time from the moment it is made, and sleeps
 * accordingly: a simulated service that takes 3 s to start takes 0.3 s of real time at scale 10, while every
 * time the host shows (event stamps, time-outs) stays in the host's own seconds.
 */
final class ScaledTime implements HostTime {

    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();
    private final double scale;

    ScaledTime(double scale) {
        if (!(scale >= 1 && scale <= 1000)) {
            throw new IllegalArgumentException("calcon.agent.simulated-time-scale must be from 1 to 1000: " + scale);
        }
        this.scale = scale;
    }

    static HostTime of(double scale) {
        return scale == 1 ? HostTime.system() : new ScaledTime(scale);
    }

    @Override
    public Instant now() {
        return origin.plusNanos((long) ((System.nanoTime() - originNanos) * scale));
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.isPositive()) {
            Thread.sleep(Duration.ofNanos((long) (duration.toNanos() / scale)));
        }
    }
}
