package org.calconfleet.host.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void the_backoff_doubles_from_the_first_retry_up_to_its_limit() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(1));

        assertThat(policy.backoffBefore(1)).isZero();
        assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffBefore(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffBefore(6)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_policy_needs_one_attempt_and_ordered_backoffs() {
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
