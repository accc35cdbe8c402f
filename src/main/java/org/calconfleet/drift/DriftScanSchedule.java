package org.calconfleet.drift;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.calconfleet.common.DelayedFixedDelay;
import org.calconfleet.policy.PolicyService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The drift scan, through the job engine at the policy's interval: one node scans, whichever picks the task. */
@Configuration
class DriftScanSchedule {

    @Bean
    @ConditionalOnProperty(name = "calcon.drift-scan.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> driftScanTask(DriftScan scan, PolicyService policies,
            @Value("${calcon.drift-scan.initial-delay:1m}") Duration initialDelay) {
        return Tasks.recurring("drift-scan", new DelayedFixedDelay(() -> policies.enforced().driftScanInterval(),
                        initialDelay))
                .execute((instance, context) -> scan.scan());
    }
}
