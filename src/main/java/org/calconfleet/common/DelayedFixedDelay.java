package org.calconfleet.common;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Every {@code interval} after the last run ended, the interval read afresh after each run (so a policy change
 * applies from the next run on); the first run {@code initialDelay} after the task is first registered.
 */
public record DelayedFixedDelay(Supplier<Duration> interval, Duration initialDelay) implements Schedule {

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return now.plus(initialDelay);
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return executionComplete.getTimeDone().plus(interval.get());
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
