package org.calconfleet.fleet;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the console saw on a host (or set, in the case of the desired port after a finished change). A
 * {@code null} part was not seen and leaves the stored value alone; {@link #portsRead} says whether the two port
 * values were read at all (then {@code null} means the value is absent or not a DWORD).
 */
public record Observation(String observedBy, boolean portsRead, @Nullable Integer exchangePort,
                          @Nullable Integer notesPort, @Nullable ConnectorServiceState serviceState,
                          @Nullable Boolean diagnosticsHigh, @Nullable Instant evidenceAt,
                          @Nullable String evidenceText, @Nullable Integer desiredPort) {

    public static Observation by(String observedBy) {
        return new Observation(observedBy, false, null, null, null, null, null, null, null);
    }

    public Observation ports(@Nullable Integer exchange, @Nullable Integer notes) {
        return new Observation(observedBy, true, exchange, notes, serviceState, diagnosticsHigh, evidenceAt,
                evidenceText, desiredPort);
    }

    public Observation service(@Nullable ConnectorServiceState state) {
        return new Observation(observedBy, portsRead, exchangePort, notesPort, state, diagnosticsHigh, evidenceAt,
                evidenceText, desiredPort);
    }

    public Observation diagnosticsHigh(@Nullable Boolean high) {
        return new Observation(observedBy, portsRead, exchangePort, notesPort, serviceState, high, evidenceAt,
                evidenceText, desiredPort);
    }

    public Observation evidence(@Nullable Instant at, @Nullable String text) {
        return new Observation(observedBy, portsRead, exchangePort, notesPort, serviceState, diagnosticsHigh, at,
                text, desiredPort);
    }

    /** A finished change also moves the port the server should use. */
    public Observation desired(@Nullable Integer port) {
        return new Observation(observedBy, portsRead, exchangePort, notesPort, serviceState, diagnosticsHigh,
                evidenceAt, evidenceText, port);
    }
}
