package org.calconfleet.fleet;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The part of a server that observations change, as stored. */
record ObservedState(@Nullable Integer desiredPort, @Nullable Integer exchangePort, @Nullable Integer notesPort,
                     ConnectorServiceState serviceState, @Nullable Boolean diagnosticsHigh,
                     @Nullable Instant evidenceAt, @Nullable String evidenceText) {

    /** The server once {@code seen} is taken in: parts not seen stay, older evidence does not replace newer. */
    ObservedState with(Observation seen) {
        boolean newerEvidence = seen.evidenceAt() != null && seen.evidenceText() != null
                && (evidenceAt == null || seen.evidenceAt().isAfter(evidenceAt));
        return new ObservedState(
                seen.desiredPort() != null ? seen.desiredPort() : desiredPort,
                seen.portsRead() ? seen.exchangePort() : exchangePort,
                seen.portsRead() ? seen.notesPort() : notesPort,
                Objects.requireNonNullElse(seen.serviceState(), serviceState),
                seen.diagnosticsHigh() != null ? seen.diagnosticsHigh() : diagnosticsHigh,
                newerEvidence ? seen.evidenceAt() : evidenceAt,
                newerEvidence ? seen.evidenceText() : evidenceText);
    }

    Drift drift() {
        return Drift.of(desiredPort, exchangePort, notesPort);
    }

    String observed() {
        return exchangePort + "/" + notesPort;
    }
}
