package org.calconfleet.host.simulated;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.calconfleet.host.CalConRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The registry of a {@link SimulatedWindowsHost}: keys holding typed values, key and value names compared without
 * case as Windows does, and the count of writes of the CalCon port values. Guarded by the host's monitor.
 */
final class SimulatedRegistry {

    private final Map<String, Map<String, RegistryValue>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private int calConWrites;

    SimulatedRegistry() {
    }

    SimulatedRegistry(Map<String, Map<String, SimulatedHostState.StoredValue>> saved, int calConWrites) {
        saved.forEach((key, values) -> {
            Map<String, RegistryValue> restored = createKey(key);
            values.forEach((name, value) -> restored.put(name, value.value()));
        });
        this.calConWrites = calConWrites;
    }

    Map<String, Map<String, SimulatedHostState.StoredValue>> stored() {
        Map<String, Map<String, SimulatedHostState.StoredValue>> stored = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        keys.forEach((key, named) -> {
            Map<String, SimulatedHostState.StoredValue> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            named.forEach((name, value) -> values.put(name, SimulatedHostState.StoredValue.of(value)));
            stored.put(key, values);
        });
        return stored;
    }

    Optional<RegistryValue> value(String key, String valueName) {
        Map<String, RegistryValue> values = keys.get(key);
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(valueName));
    }

    OptionalInt dword(String key, String valueName) {
        return value(key, valueName).map(RegistryValue::asDword).orElse(OptionalInt.empty());
    }

    boolean keyExists(String key) {
        return keys.containsKey(key);
    }

    Map<String, RegistryValue> createKey(String key) {
        return keys.computeIfAbsent(key, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    }

    /** Sets a value of any type, creating its key. */
    void put(String key, String valueName, RegistryValue value) {
        createKey(key).put(valueName, value);
    }

    void delete(String key, String valueName) {
        Map<String, RegistryValue> values = keys.get(key);
        if (values != null) {
            values.remove(valueName);
        }
    }

    /** Deletes a key with its subkeys. */
    void deleteKey(String key) {
        String prefix = key + "\\";
        keys.keySet().removeIf(k -> k.equalsIgnoreCase(key) || k.regionMatches(true, 0, prefix, 0, prefix.length()));
    }

    /** Writes both port values as DWORDs in one step (as the backend's write), counted as one CalCon write. */
    void writeCalConPorts(int exchangeSide, int notesSide) {
        put(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, RegistryValue.dword(exchangeSide));
        put(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE, RegistryValue.dword(notesSide));
        calConWrites++;
    }

    /** Sets (value present) or deletes (null) each port value in one step, counted as one CalCon write. */
    void restoreCalConPorts(@Nullable RegistryValue exchangeSide, @Nullable RegistryValue notesSide) {
        restorePortValue(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, exchangeSide);
        restorePortValue(CalConRegistry.NOTES_SIDE_PORT_VALUE, notesSide);
        calConWrites++;
    }

    private void restorePortValue(String valueName, @Nullable RegistryValue value) {
        if (value != null) {
            put(CalConRegistry.PARAMETERS_KEY, valueName, value);
        } else {
            delete(CalConRegistry.PARAMETERS_KEY, valueName);
        }
    }

    /** Successful writes of the CalCon values (a write or a restore of both counts once). */
    int calConWrites() {
        return calConWrites;
    }
}
