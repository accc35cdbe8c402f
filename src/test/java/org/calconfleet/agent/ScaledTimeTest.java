package org.calconfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.calconfleet.host.HostTime;
import org.junit.jupiter.api.Test;

class ScaledTimeTest {

    @Test
    void a_host_second_takes_a_tenth_of_a_real_one_at_scale_ten() throws InterruptedException {
        HostTime time = ScaledTime.of(10);
        Instant before = time.now();
        long started = System.nanoTime();

        time.sleep(Duration.ofSeconds(2));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.between(before, time.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void scale_one_is_the_system_clock_and_nonsense_scales_are_refused() {
        assertThat(ScaledTime.of(1)).isNotInstanceOf(ScaledTime.class);
        assertThatThrownBy(() -> ScaledTime.of(0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScaledTime.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
