package org.calconfleet.security;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.calconfleet.common.DelayedFixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each minute, through the job engine: refusal windows that ended are summed up into the trail, old counters go. */
@Configuration
class SecurityHousekeeping {

    @Bean
    RecurringTask<Void> refusalWindowsTask(RefusalTally refusals, SignInThrottle throttle,
            @Value("${calcon.audit.refusal-sweep:1m}") Duration every) {
        return Tasks.recurring("refusal-windows", new DelayedFixedDelay(() -> every, every))
                .execute((instance, context) -> {
                    refusals.closeEndedWindows();
                    throttle.purgeExpired();
                });
    }
}
