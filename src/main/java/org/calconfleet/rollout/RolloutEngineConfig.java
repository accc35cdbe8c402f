package org.calconfleet.rollout;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.calconfleet.change.ChangePolicy;
import org.calconfleet.policy.PolicyService;
import org.calconfleet.port.PortPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The job engine: db-scheduler on the console's database (its table comes from our Flyway migration), executing on
 * virtual threads, one scheduler name per node. Three tasks: {@code rollout-start} (a rollout's start, now or at its
 * window), {@code host-run} (one host's steps; revived on another node if this one dies) and the recurring
 * {@code drift-scan}. Defaults in {@code calcon-rollout.properties}; {@code application*.properties} override them.
 */
@Configuration
@EnableConfigurationProperties(RolloutSettings.class)
@PropertySource("classpath:calcon-rollout.properties")
class RolloutEngineConfig {

    private static final Logger log = LoggerFactory.getLogger(RolloutEngineConfig.class);
    /** Errors of the engine itself (not of a host) on one run before an operator is called. */
    static final int ENGINE_FAILURES_BEFORE_ATTENTION = 10;

    @Bean
    CustomTask<Void> hostRunTask(HostRunExecutor executor, RolloutStore store, RolloutMetrics metrics) {
        DeadExecutionHandler<Void> revive = new DeadExecutionHandler.ReviveDeadExecution<>();
        return Tasks.custom(Admissions.HOST_RUN)
                .onFailure(new HostRunFailureHandler(store, metrics))
                .onDeadExecution((complete, operations) -> {
                    metrics.revived();
                    revive.deadExecution(complete, operations);
                })
                .execute((instance, context) -> {
                    executor.run(Long.parseLong(instance.getId()));
                    return (CompletionHandler<Void>) (complete, operations) -> operations.remove();
                });
    }

    @Bean
    CustomTask<Void> rolloutStartTask(Admissions admissions) {
        return Tasks.custom(Admissions.ROLLOUT_START)
                .onFailure((complete, operations) -> operations.reschedule(complete,
                        complete.getTimeDone().plus(Duration.ofSeconds(5))))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    admissions.start(Long.parseLong(instance.getId()));
                    return (CompletionHandler<Void>) (complete, operations) -> operations.remove();
                });
    }

    @Bean
    DbSchedulerCustomizer dbSchedulerCustomizer(@Value("${db-scheduler.scheduler-name:}") String configuredName) {
        String name = configuredName.isBlank() ? defaultSchedulerName() : configuredName;
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("job-", 0).factory());
        log.info("job engine node: {}", name);
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(name));
            }

            @Override
            public Optional<ExecutorService> executorService() {
                return Optional.of(executor);
            }
        };
    }

    /** Changes are held to the administrator's policy, read afresh for each plan, submission and approval. */
    @Bean
    ChangePolicy rolloutPolicy(PolicyService policies) {
        return new ChangePolicy() {
            @Override
            public boolean approvalRequired() {
                return policies.enforced().approvalRequired();
            }

            @Override
            public PortPolicy portPolicy() {
                return policies.enforced().ports();
            }
        };
    }

    /** Host name plus a random suffix: two consoles on one machine (or one restarted) are two nodes. */
    static String defaultSchedulerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "console";
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = host + "-" + suffix;
        return name.length() <= 50 ? name : name.substring(name.length() - 50);
    }

    /**
     * A host-run execution that threw: an interrupted one (the node is stopping) comes back in a second, one that found
     * another runner's lease when that lease would run out (by then the run is usually over); one fenced out by
     * another runner is left alone: the job engine revived it, and the revived execution is that runner's; an error
     * of the engine itself is retried with growing delays, and after {@value #ENGINE_FAILURES_BEFORE_ATTENTION} in a
     * row the run is marked NEEDS_ATTENTION. Failures of hosts never get here: the executor handles them.
     */
    static final class HostRunFailureHandler implements FailureHandler<Void> {

        private final RolloutStore store;
        private final RolloutMetrics metrics;

        HostRunFailureHandler(RolloutStore store, RolloutMetrics metrics) {
            this.store = store;
            this.metrics = metrics;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            Throwable cause = complete.getCause().orElse(null);
            int failures = complete.getExecution().consecutiveFailures + 1;
            Instant done = complete.getTimeDone();
            if (cause instanceof HostRunExecutor.Abandoned) {
                operations.reschedule(complete, done.plus(Duration.ofSeconds(1)));
                return;
            }
            if (cause instanceof HostRunExecutor.LeaseHeld held) {
                metrics.fenced(held);
                Instant soonest = done.plus(Duration.ofSeconds(1));
                operations.reschedule(complete, held.until().isAfter(soonest) ? held.until() : soonest);
                return;
            }
            if (cause instanceof StaleHostRunException stale) {
                metrics.fenced(stale);
                log.info("{}", cause.getMessage());
                return;
            }
            if (failures >= ENGINE_FAILURES_BEFORE_ATTENTION) {
                log.error("host run {} failed {} times in the engine; giving it to an operator",
                        complete.getExecution().getId(), failures, cause);
                try {
                    store.engineFailure(Long.parseLong(complete.getExecution().getId()), String.valueOf(cause));
                } finally {
                    operations.remove();
                }
                return;
            }
            log.warn("host run {} failed in the engine ({} in a row), trying again", complete.getExecution().getId(),
                    failures, cause);
            long delay = Math.min(60, 1L << Math.min(failures, 6));
            operations.reschedule(complete, done.plus(Duration.ofSeconds(delay)));
        }
    }
}
