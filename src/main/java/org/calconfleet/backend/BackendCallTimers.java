package org.calconfleet.backend;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.host.HostOperation;

/**
 * The {@value #NAME} timers, one per backend kind, operation and outcome ({@code ok} or the failure's kind), with a
 * histogram so that percentiles can be computed over several nodes. Looked up once per key, then reused.
 */
final class BackendCallTimers {

    static final String NAME = "calcon.backend.calls";
    static final String OK = "ok";

    private record Key(BackendKind kind, HostOperation operation, String outcome) {
    }

    private final MeterRegistry meters;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    BackendCallTimers(MeterRegistry meters) {
        this.meters = meters;
    }

    Timer timer(BackendKind kind, HostOperation operation, String outcome) {
        Key key = new Key(kind, operation, outcome);
        // get() never locks; computeIfAbsent locks the key's bin unless the key is its first entry, and thousands
        // of planning threads calling it at once queued on those locks
        Timer known = timers.get(key);
        return known != null ? known : timers.computeIfAbsent(key, absent -> Timer.builder(NAME)
                .description("Calls to host backends, by backend kind, operation and outcome")
                .tag("kind", lower(absent.kind().name()))
                .tag("operation", lower(absent.operation().name()))
                .tag("outcome", absent.outcome())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(meters));
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
