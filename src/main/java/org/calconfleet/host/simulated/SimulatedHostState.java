package org.calconfleet.host.simulated;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.calconfleet.host.EventType;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link SimulatedWindowsHost} is, as plain data, so that a {@link SimulatedHostStore} can keep it past
 * the end of the process: the registry with each value's type and data, the connector service (a pending transition
 * as its end instant), the other services, the event log, the listeners of other processes, the host's behaviour
 * (timings, latency, faults and start failures still to come, Domino link, 6001 quirks) and its counters. Not in it:
 * who asked what (calls per operation, the instants of event reads), which belongs to the caller's process.
 */
public record SimulatedHostState(
        String hostName,
        String connectorProcess,
        Map<String, Map<String, StoredValue>> registry,
        @Nullable Connector connector,
        Map<String, String> otherServices,
        List<Event> events,
        List<TcpListener> listeners,
        List<PendingFault> faults,
        Duration stopDuration,
        Duration startDuration,
        Duration latency,
        int startFailuresLeft,
        int startFailureCode,
        boolean dominoLinkFailing,
        @Nullable Integer rpcPortReported,
        boolean rpcPortEventSuppressed,
        int nextProcessId,
        int calConWrites,
        int startAttempts,
        int stopRequests) {

    public SimulatedHostState {
        registry = Map.copyOf(registry);
        otherServices = Map.copyOf(otherServices);
        events = List.copyOf(events);
        listeners = List.copyOf(listeners);
        faults = List.copyOf(faults);
    }

    /**
     * A registry value: its type, the Java form its data had ({@code data} is the data as text in that form: a
     * DWORD or QWORD in decimal, lines for a multi-string, hex for bytes), so that any value comes back as it was.
     */
    public record StoredValue(RegistryValueType type, DataForm form, String data) {

        public enum DataForm { INT, LONG, STRING, LINES, BYTES }

        static StoredValue of(RegistryValue value) {
            return switch (value.data()) {
                case Integer i -> new StoredValue(value.type(), DataForm.INT, Integer.toString(i));
                case Long l -> new StoredValue(value.type(), DataForm.LONG, Long.toString(l));
                case List<?> lines -> new StoredValue(value.type(), DataForm.LINES,
                        String.join("\n", lines.stream().map(Object::toString).toList()));
                case byte[] bytes -> new StoredValue(value.type(), DataForm.BYTES, HexFormat.of().formatHex(bytes));
                default -> new StoredValue(value.type(), DataForm.STRING, value.data().toString());
            };
        }

        RegistryValue value() {
            return new RegistryValue(type, switch (form) {
                case INT -> Integer.parseInt(data);
                case LONG -> Long.parseLong(data);
                case STRING -> data;
                case LINES -> data.isEmpty() ? List.of() : List.of(data.split("\n", -1));
                case BYTES -> HexFormat.of().parseHex(data);
            });
        }
    }

    /** The connector service; {@code pendingUntil} ends a STOP_PENDING or START_PENDING. */
    public record Connector(String name, ServiceState state, @Nullable Instant pendingUntil, int processId,
            int listenerPort, int win32ExitCode, int serviceSpecificExitCode, int failThisStartWith,
            String exitReason) {
    }

    /** One entry of a log ({@code log}: "Application" or "System"). */
    public record Event(String log, String source, int eventId, EventType type, Instant time, String text) {
    }

    /** An injected fault with the calls it still fails ({@link HostFault#ALWAYS} for all). */
    public record PendingFault(HostFault fault, int left) {
    }
}
