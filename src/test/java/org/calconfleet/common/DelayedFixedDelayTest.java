package org.calconfleet.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DelayedFixedDelayTest {

    @Test
    void the_next_drift_scan_follows_the_interval_the_policy_holds_now() {
        AtomicReference<Duration> policyInterval = new AtomicReference<>(Duration.ofMinutes(15));
        DelayedFixedDelay schedule = new DelayedFixedDelay(policyInterval::get, Duration.ofMinutes(1));
        Instant done = Instant.parse("2026-11-25T10:00:00Z");

        assertThat(schedule.getNextExecutionTime(ExecutionComplete.simulatedSuccess(done)))
                .isEqualTo(done.plus(Duration.ofMinutes(15)));
        policyInterval.set(Duration.ofMinutes(5));
        assertThat(schedule.getNextExecutionTime(ExecutionComplete.simulatedSuccess(done)))
                .isEqualTo(done.plus(Duration.ofMinutes(5)));
        assertThat(schedule.getInitialExecutionTime(done)).isEqualTo(done.plus(Duration.ofMinutes(1)));
    }
}
