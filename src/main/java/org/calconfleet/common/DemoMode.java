package org.calconfleet.common;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Whether this console runs the demo profile, so the UI can say so plainly. */
@Component
public class DemoMode {

    private final boolean active;

    DemoMode(Environment environment) {
        this.active = environment.acceptsProfiles(Profiles.of("demo"));
    }

    public boolean isActive() {
        return active;
    }
}
