package org.calconfleet.agent;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the CalCon agent: {@code java -jar calcon-fleet-console.jar --spring.profiles.active=agent} (the console's
 * main class hands over to this one when profile {@code agent} is asked for), or this class as main class. Profile
 * {@code agent} is always active here, so {@code application-agent.properties} applies. No servlet container, no
 * auto-configuration: only {@link AgentConfiguration}.
 */
public final class AgentApplication {

    public static final String PROFILE = "agent";

    private AgentApplication() {
    }

    public static void main(String[] args) {
        run(args);
    }

    public static ConfigurableApplicationContext run(String... args) {
        limitHttpServer();
        SpringApplication application = new SpringApplication(AgentConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setAdditionalProfiles(PROFILE);
        return application.run(args);
    }

    /**
     * Whether profile {@code agent} is asked for, where Spring would read it: an option
     * {@code --spring.profiles.active=…}, the system property, or {@code SPRING_PROFILES_ACTIVE}.
     */
    public static boolean isRequested(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--spring.profiles.active=") && names(arg.substring(arg.indexOf('=') + 1))) {
                return true;
            }
        }
        return names(System.getProperty("spring.profiles.active")) || names(System.getenv("SPRING_PROFILES_ACTIVE"));
    }

    private static boolean names(@Nullable String profiles) {
        if (profiles == null) {
            return false;
        }
        List<String> list = Arrays.stream(profiles.split(",")).map(String::strip).toList();
        return list.contains(PROFILE);
    }

    /** Bounds of the JDK's HTTP server, unless set otherwise: a slow client cannot hold a request open forever. */
    private static void limitHttpServer() {
        setIfAbsent("sun.net.httpserver.maxReqTime", "60");
        setIfAbsent("sun.net.httpserver.maxReqHeaders", "64");
        setIfAbsent("sun.net.httpserver.idleInterval", "60");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
