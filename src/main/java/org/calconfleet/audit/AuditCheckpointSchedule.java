package org.calconfleet.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.calconfleet.common.DelayedFixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The interval's checkpoint, through the job engine: one node writes it, whichever picks the task. The first comes
 * one interval after start-up, not at once, so that nodes starting together do not race to sign the same head.
 */
@Configuration
class AuditCheckpointSchedule {

    @Bean
    RecurringTask<Void> auditCheckpointTask(AuditCheckpoints checkpoints, AuditCheckpointSettings settings) {
        return Tasks.recurring("audit-checkpoint", new DelayedFixedDelay(settings::interval, settings.interval()))
                .execute((instance, context) -> checkpoints.writeIfHeadMoved());
    }
}
