package org.calconfleet.host.simulated;

import java.util.List;
import java.util.OptionalInt;

import org.calconfleet.host.RegistryValueType;

/** A typed value in the simulated registry. {@code data} is an Integer, Long, String, List of String or byte[]. */
public record RegistryValue(RegistryValueType type, Object data) {

    public static RegistryValue dword(int value) {
        return new RegistryValue(RegistryValueType.REG_DWORD, value);
    }

    public static RegistryValue qword(long value) {
        return new RegistryValue(RegistryValueType.REG_QWORD, value);
    }

    public static RegistryValue string(String value) {
        return new RegistryValue(RegistryValueType.REG_SZ, value);
    }

    public static RegistryValue expandString(String value) {
        return new RegistryValue(RegistryValueType.REG_EXPAND_SZ, value);
    }

    public static RegistryValue multiString(List<String> value) {
        return new RegistryValue(RegistryValueType.REG_MULTI_SZ, List.copyOf(value));
    }

    public static RegistryValue binary(byte[] value) {
        return new RegistryValue(RegistryValueType.REG_BINARY, value.clone());
    }

    public OptionalInt asDword() {
        return type == RegistryValueType.REG_DWORD ? OptionalInt.of((Integer) data) : OptionalInt.empty();
    }
}
