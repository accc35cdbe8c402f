package org.calconfleet.host;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when told to or when someone sleeps: waits in tests take no real time. */
public final class ManualTime implements HostTime {

    public static final Instant START = Instant.parse("2026-11-25T09:00:00.250Z");

    private final AtomicReference<Instant> now;

    public ManualTime() {
        this(START);
    }

    public ManualTime(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant now() {
        return now.get();
    }

    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }

    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards: " + duration);
        }
        now.updateAndGet(t -> t.plus(duration));
    }
}
