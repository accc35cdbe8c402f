package org.calconfleet.backend;

import java.util.Locale;

/** The operating system the console runs on, as {@code os.name} gives it: the WINDOWS backend needs Windows. */
record ConsolePlatform(String name) {

    static ConsolePlatform current() {
        return new ConsolePlatform(System.getProperty("os.name", "unknown"));
    }

    boolean isWindows() {
        return name.toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
