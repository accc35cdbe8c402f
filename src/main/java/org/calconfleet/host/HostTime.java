package org.calconfleet.host;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The clock and the sleeper of a backend. Real time sleeps the calling thread (callers run on virtual
 * threads, so a sleep holds no platform thread); tests inject a manual time whose sleep advances the clock.
 */
public interface HostTime {

    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    static HostTime system() {
        return of(InstantSource.system(), d -> Thread.sleep(d));
    }

    static HostTime of(InstantSource clock, Sleeper sleeper) {
        return new HostTime() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (duration.isPositive()) {
                    sleeper.sleep(duration);
                }
            }
        };
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
