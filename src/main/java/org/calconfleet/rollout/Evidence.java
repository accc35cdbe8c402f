package org.calconfleet.rollout;

import java.time.Instant;
import org.calconfleet.host.HostEvent;

/** The event a verification read as proof: its source, its id, when the host wrote it, and its text. */
public record Evidence(String source, int eventId, Instant writtenAt, String text) {

    static Evidence of(HostEvent event) {
        return new Evidence(event.source(), event.eventId(), event.time(), event.text());
    }
}
