package org.calconfleet.host.simulated;

import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

import org.calconfleet.host.RegistryValueType;

/**
 * A typed value in the simulated registry. {@code data} is an Integer (DWORD), Long (QWORD), String (REG_SZ,
 * REG_EXPAND_SZ), List of String (REG_MULTI_SZ) or byte[] (every other type).
 */
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

    /**
     * A value from its data as text, in the form of {@link org.calconfleet.host.RegistryRead.WrongType} (DWORD as
     * an unsigned decimal). Malformed text is an IllegalArgumentException; UNKNOWN cannot be made.
     */
    public static RegistryValue fromText(RegistryValueType type, String text) {
        return switch (type) {
            case UNKNOWN -> throw new IllegalArgumentException("a value of type UNKNOWN cannot be made");
            case REG_DWORD -> dword(Integer.parseUnsignedInt(text));
            case REG_QWORD -> qword(Long.parseUnsignedLong(text));
            case REG_SZ -> string(text);
            case REG_EXPAND_SZ -> expandString(text);
            case REG_MULTI_SZ -> multiString(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
            default -> new RegistryValue(type, HexFormat.of().parseHex(text));
        };
    }

    /** The data as text, the inverse of {@link #fromText}. */
    public String text() {
        return switch (data) {
            case Integer i -> Integer.toUnsignedString(i);
            case Long l -> Long.toUnsignedString(l);
            case List<?> list -> String.join("\n", list.stream().map(Object::toString).toList());
            case byte[] bytes -> HexFormat.of().formatHex(bytes);
            default -> data.toString();
        };
    }

    public OptionalInt asDword() {
        return type == RegistryValueType.REG_DWORD ? OptionalInt.of((Integer) data) : OptionalInt.empty();
    }
}
