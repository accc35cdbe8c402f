package org.calconfleet.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock, set by the test: it ticks on from the instant it was last set to, so that waits and
 * leases still pass. Set it to the past only (the job engine runs on the real clock, so what the application
 * schedules for "now" is then due at once).
 */
public final class ControlledClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void setTo(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application's clock is in UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Import this into a test's context to take the application's clock over. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        ControlledClock controlledClock() {
            return new ControlledClock();
        }
    }
}
