package org.calconfleet.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A count that costs a query, computed again only when the last one is older than {@code maxAge}: what a gauge reads,
 * so that however often (and by however many scrapers) the metrics are fetched, the database is asked at most once per
 * period per node. Thread-safe.
 */
public final class CachedFigure {

    private final LongSupplier source;
    private final Duration maxAge;
    private final Clock clock;
    private long value;
    private @Nullable Instant computedAt;

    public CachedFigure(LongSupplier source, Duration maxAge, Clock clock) {
        this.source = source;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public synchronized double value() {
        Instant now = clock.instant();
        if (computedAt == null || !now.isBefore(computedAt.plus(maxAge))) {
            value = source.getAsLong();
            computedAt = now;
        }
        return value;
    }
}
