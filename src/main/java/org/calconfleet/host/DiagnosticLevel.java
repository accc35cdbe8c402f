package org.calconfleet.host;

import java.util.Locale;

/**
 * Diagnostic logging level of a connector category, as the legacy {@code Diagnostics} DWORD holds it
 * (0 none/lowest, 1 minimum/low, 3 medium, 5 maximum/high, 7 expert). Event 6001 is written only at
 * {@link #HIGH} or above.
 */
public enum DiagnosticLevel {
    NONE(0),
    LOW(1),
    MEDIUM(3),
    HIGH(5),
    EXPERT(7);

    /** What to show when a change cannot be proven because logging is below High. */
    public static final String UNVERIFIABLE_KEY = "host.diagnostic-level.unverifiable";

    private final int registryValue;

    DiagnosticLevel(int registryValue) {
        this.registryValue = registryValue;
    }

    public int registryValue() {
        return registryValue;
    }

    public boolean isHighOrAbove() {
        return registryValue >= HIGH.registryValue;
    }

    public String messageKey() {
        return "host.diagnostic-level." + name().toLowerCase(Locale.ROOT);
    }

    /** Maps a DWORD to the highest level not above it (2 is LOW, 6 is HIGH, anything from 7 is EXPERT). */
    public static DiagnosticLevel fromRegistry(int dword) {
        long value = Integer.toUnsignedLong(dword);
        DiagnosticLevel result = NONE;
        for (DiagnosticLevel level : values()) {
            if (value >= level.registryValue) {
                result = level;
            }
        }
        return result;
    }
}
