package org.calconfleet.host;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a contract test may do to the host behind a backend, besides calling the backend: arrange state and
 * inspect it. Everything here is plain data, so an adapter can carry it over a wire (e.g. the admin channel
 * of an agent running a simulated host).
 */
public interface HostArrangement {

    /** The host's clock (events are stamped with it). */
    Instant now();

    /** Sets a value of any type, creating the key; DWORD data is decimal text. */
    void putValue(String key, String valueName, RegistryValueType type, String data);

    void deleteValue(String key, String valueName);

    Optional<ArrangedValue> value(String key, String valueName);

    void setDiagnosticLevel(DiagnosticLevel level);

    void addListener(TcpListener listener);

    void setDominoLinkFailing(boolean failing);

    void setServiceTimings(Duration stop, Duration start);

    void failNextStarts(int n, int win32ErrorCode);

    /** Faults on backend calls: {@code operations} empty means all; {@code times} -1 means always. */
    void injectFault(HostFailure kind, Set<HostOperation> operations, int times, Duration after);

    void clearFaults();

    ServiceState serviceState();

    int calConWrites();

    int startAttempts();

    int stopRequests();

    /** A registry value as arranged or found: its type and its data as text (DWORD in decimal). */
    record ArrangedValue(RegistryValueType type, String data) {
        public static ArrangedValue dword(int value) {
            return new ArrangedValue(RegistryValueType.REG_DWORD, Integer.toString(value));
        }

        public static ArrangedValue string(String value) {
            return new ArrangedValue(RegistryValueType.REG_SZ, value);
        }
    }
}
