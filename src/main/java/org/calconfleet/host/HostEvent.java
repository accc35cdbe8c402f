package org.calconfleet.host;

import java.time.Instant;

/**
 * One Application event-log entry.
 *
 * @param eventId the ID Event Viewer shows (the low 16 bits of the record's EventID)
 * @param time    when it was generated; the event log keeps whole seconds
 * @param text    the insertion strings, joined by a space
 */
public record HostEvent(String source, int eventId, EventType type, Instant time, String text) {

    public boolean is(String source, int eventId) {
        return this.eventId == eventId && this.source.equalsIgnoreCase(source);
    }
}
