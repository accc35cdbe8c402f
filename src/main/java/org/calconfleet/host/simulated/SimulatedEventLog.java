package org.calconfleet.host.simulated;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.calconfleet.host.EventType;
import org.calconfleet.host.HostEvent;

/**
 * The event logs of a {@link SimulatedWindowsHost} (Application and System in one sequence, each entry naming its
 * log), in whole seconds as Windows keeps them, the oldest dropped beyond {@link #CAPACITY}; and the instants its
 * latest readers asked for events since. Guarded by the host's monitor.
 */
final class SimulatedEventLog {

    static final int CAPACITY = 10_000;
    static final int READS_KEPT = 100;

    private final Deque<LoggedEvent> entries = new ArrayDeque<>();
    private final Deque<Instant> readsSince = new ArrayDeque<>();

    SimulatedEventLog() {
    }

    SimulatedEventLog(List<SimulatedHostState.Event> saved) {
        saved.forEach(e -> entries.addLast(new LoggedEvent(e.log(),
                new HostEvent(e.source(), e.eventId(), e.type(), e.time(), e.text()))));
    }

    List<SimulatedHostState.Event> stored() {
        return entries.stream().map(e -> new SimulatedHostState.Event(e.log, e.event.source(), e.event.eventId(),
                e.event.type(), e.event.time(), e.event.text())).toList();
    }

    /** Appends an entry, as the host writes them while it runs. */
    void write(String log, String source, int id, EventType type, Instant at, String text) {
        entries.addLast(entry(log, source, id, type, at, text));
        while (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
    }

    /** Puts an entry in its place by time, after those of the same second: for arranging events of the past. */
    void insert(String log, String source, int id, EventType type, Instant at, String text) {
        LoggedEvent entry = entry(log, source, id, type, at, text);
        List<LoggedEvent> ordered = new ArrayList<>(entries);
        int index = 0;
        while (index < ordered.size() && !ordered.get(index).event.time().isAfter(entry.event.time())) {
            index++;
        }
        ordered.add(index, entry);
        entries.clear();
        entries.addAll(ordered);
    }

    /** Entries of one log, oldest first. */
    List<HostEvent> read(String log) {
        return entries.stream().filter(e -> e.log.equals(log)).map(LoggedEvent::event).toList();
    }

    /**
     * Entries of one log written in the second of {@code since} or later, oldest first, remembering the
     * {@code since} the reader asked for.
     */
    List<HostEvent> readSince(String log, Instant since) {
        readsSince.addLast(since);
        while (readsSince.size() > READS_KEPT) {
            readsSince.removeFirst();
        }
        Instant from = since.truncatedTo(ChronoUnit.SECONDS);
        return read(log).stream().filter(e -> !e.time().isBefore(from)).toList();
    }

    /** The instants the latest readers asked for events since, oldest first. */
    List<Instant> readsSince() {
        return List.copyOf(readsSince);
    }

    private static LoggedEvent entry(String log, String source, int id, EventType type, Instant at, String text) {
        return new LoggedEvent(log, new HostEvent(source, id, type, at.truncatedTo(ChronoUnit.SECONDS), text));
    }

    private record LoggedEvent(String log, HostEvent event) {
    }
}
