package org.calconfleet.rollout;

import static org.calconfleet.i18n.StoredMessage.count;
import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.span;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.i18n.StoredMessage.Argument;
import org.springframework.stereotype.Component;

/**
 * Every retry of a host run's steps: transient failures (unreachable, time-outs) are tried again with doubling
 * back-off up to {@link RolloutSettings#getMaxAttempts()}; others (access denied, wrong value type, a service that
 * will not start) are not. Each retry is counted in the run and its log before the wait. Waits run under the run's
 * lease; an interrupted wait or call abandons the run as it stands, to be resumed.
 */
@Component
class StepRetries {

    private final RolloutStore store;
    private final RolloutSettings settings;

    StepRetries(RolloutStore store, RolloutSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    <T> HostResult<T> read(HostRunContext c, HostAction what, Supplier<HostResult<T>> call) {
        return read(c, RunMessages.action(what), call);
    }

    /** A read, retried while the failure is transient and attempts are left; then its last answer. */
    <T> HostResult<T> read(HostRunContext c, Argument what, Supplier<HostResult<T>> call) {
        while (true) {
            HostResult<T> result = call.get();
            if (result instanceof HostResult.Failure<T> f && retry(c, what, f)) {
                continue;
            }
            return result;
        }
    }

    /**
     * A transient failure with attempts left: counts the attempt, waits the back-off and answers true, after which
     * the step looks at the host again before it acts. False when the failure is final.
     */
    boolean retry(HostRunContext c, HostAction what, HostResult.Failure<?> f) {
        return retry(c, RunMessages.action(what), f);
    }

    private boolean retry(HostRunContext c, Argument what, HostResult.Failure<?> f) {
        if (f.kind() == HostFailure.INTERRUPTED || Thread.currentThread().isInterrupted()) {
            throw new HostRunExecutor.Abandoned("interrupted while calling " + c.run().getHostName() + ": "
                    + f.detail());
        }
        if (!f.retryable() || c.run().getAttempt() + 1 >= settings.getMaxAttempts()) {
            return false;
        }
        Duration wait = settings.backoff(c.run().getAttempt());
        c.waited(store.retrying(c.run(), RunMessages.run("retry", count(c.run().getAttempt() + 2L),
                count(settings.getMaxAttempts()), span(wait), inner(RunMessages.cannot(what, f)))));
        pause(c, wait);
        c.retried(c.run());
        return true;
    }

    /** A failure the step retries on its own terms: with attempts left, counts one with the back-off and waits it. */
    boolean retryAfterBackoff(HostRunContext c, boolean retryable, Function<Duration, StoredMessage> note) {
        if (!retryable || c.run().getAttempt() + 1 >= settings.getMaxAttempts()) {
            return false;
        }
        Duration wait = settings.backoff(c.run().getAttempt());
        c.waited(store.retrying(c.run(), note.apply(wait)));
        pause(c, wait);
        return true;
    }

    /** While verify attempts are left, counts one and waits the verify delay before the step looks again. */
    boolean lookAgain(HostRunContext c, Function<Duration, StoredMessage> note) {
        if (c.run().getAttempt() + 1 >= settings.getVerifyAttempts()) {
            return false;
        }
        c.waited(store.retrying(c.run(), note.apply(settings.getVerifyDelay())));
        pause(c, settings.getVerifyDelay());
        return true;
    }

    /** Waits under the run's lease: it is renewed meanwhile and again before the runner goes on, or the runner stops. */
    private static void pause(HostRunContext c, Duration duration) {
        try {
            c.lease.await(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostRunExecutor.Abandoned("interrupted while waiting");
        }
    }
}
