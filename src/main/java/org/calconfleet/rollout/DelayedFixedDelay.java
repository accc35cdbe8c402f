package org.calconfleet.rollout;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;

/** Every {@code interval} after the last run ended; the first run {@code initialDelay} after the task is first registered. */
record DelayedFixedDelay(Duration interval, Duration initialDelay) implements Schedule {

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return now.plus(initialDelay);
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return executionComplete.getTimeDone().plus(interval);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
