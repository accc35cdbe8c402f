package org.calconfleet.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins ({@code calcon.sign-in.*}) a user name and a client address may have within the window
 * before they are refused for the lock's duration.
 */
@ConfigurationProperties("calcon.sign-in")
record SignInLimits(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
                    @DefaultValue("15m") Duration failureWindow, @DefaultValue("15m") Duration lockDuration) {
}
