package org.calconfleet.rollout;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Wakes one of the engine's background loops. Signals raised while the loop works are taken together, and once woken
 * the loop waits a moment longer, so that one round serves a whole burst: hundreds of host runs commit at once.
 */
final class BurstSignal {

    private final Semaphore raised = new Semaphore(0);
    private final Duration gather;

    BurstSignal(Duration gather) {
        this.gather = gather;
    }

    void raise() {
        raised.release();
    }

    /**
     * Returns after a signal and the gathering time, or after {@code timeout} without a signal; every signal raised
     * until then is taken. A loop that is stopping ({@code gathering} false) does not wait for more.
     */
    void await(Duration timeout, BooleanSupplier gathering) throws InterruptedException {
        if (raised.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS) && gathering.getAsBoolean()) {
            Thread.sleep(gather);
        }
        raised.drainPermits();
    }
}
