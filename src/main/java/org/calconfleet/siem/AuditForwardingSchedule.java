package org.calconfleet.siem;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.calconfleet.common.DelayedFixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forwarding passes, through the job engine like the other singletons: whichever node picks the task forwards,
 * and a node that dies mid-pass has its pass revived elsewhere. A pass goes on while whole batches go, then the next
 * comes one interval later (the retry interval after a failure). The task exists even while forwarding is off, so
 * that switching it off leaves no task behind that no node knows.
 */
@Configuration
class AuditForwardingSchedule {

    private static final Duration WHILE_OFF = Duration.ofMinutes(1);

    @Bean
    RecurringTask<Void> auditForwardingTask(AuditForwarder forwarder, SyslogSettings settings) {
        AtomicBoolean failed = new AtomicBoolean();
        Supplier<Duration> next = () -> !settings.enabled() ? WHILE_OFF
                : failed.get() ? settings.retryInterval() : settings.interval();
        return Tasks.recurring("audit-forwarding", new DelayedFixedDelay(next, next.get()))
                .execute((instance, context) -> {
                    if (settings.enabled()) {
                        failed.set(forwardAll(forwarder) == AuditForwarder.Outcome.FAILED);
                    }
                });
    }

    private static AuditForwarder.Outcome forwardAll(AuditForwarder forwarder) {
        AuditForwarder.Outcome outcome;
        do {
            outcome = forwarder.forwardNextBatch();
        } while (outcome == AuditForwarder.Outcome.MORE);
        return outcome;
    }
}
