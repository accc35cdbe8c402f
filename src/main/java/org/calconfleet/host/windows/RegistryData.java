package org.calconfleet.host.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.RegistryValueType;

/**
 * Between a registry value's raw bytes and the text of {@link RegistryRead.WrongType}, both ways, so that a value of
 * another type read before a change is written back with the same bytes.
 */
final class RegistryData {

    private RegistryData() {
    }

    static RegistryRead read(WindowsApi.RawValue raw) {
        RegistryValueType type = RegistryValueType.fromCode(raw.type());
        byte[] data = raw.data();
        if (type == RegistryValueType.REG_DWORD && data.length >= 4) {
            return RegistryRead.present(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt());
        }
        return RegistryRead.wrongType(type, text(type, data));
    }

    /** The raw value of a type and its text; IllegalArgumentException for malformed text or UNKNOWN. */
    static WindowsApi.RawValue raw(RegistryValueType type, String text) {
        byte[] data = switch (type) {
            case UNKNOWN -> throw new IllegalArgumentException("a value of type UNKNOWN cannot be written");
            case REG_QWORD -> ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(Long.parseUnsignedLong(text)).array();
            case REG_SZ, REG_EXPAND_SZ -> (text + "\0").getBytes(StandardCharsets.UTF_16LE);
            case REG_MULTI_SZ -> multiString(text);
            default -> HexFormat.of().parseHex(text);
        };
        return new WindowsApi.RawValue(type.code(), data);
    }

    private static String text(RegistryValueType type, byte[] data) {
        return switch (type) {
            case REG_QWORD -> data.length == 8
                    ? Long.toUnsignedString(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong())
                    : HexFormat.of().formatHex(data);
            case REG_SZ, REG_EXPAND_SZ -> withoutTerminator(utf16(data));
            case REG_MULTI_SZ -> String.join("\n", strings(utf16(data)));
            default -> HexFormat.of().formatHex(data);
        };
    }

    private static String utf16(byte[] data) {
        return new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
    }

    // a REG_SZ's data normally ends with one NUL; what follows the first NUL is not part of the string
    private static String withoutTerminator(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    // REG_MULTI_SZ: each string ends with a NUL, the list with one more
    private static List<String> strings(String s) {
        List<String> strings = new ArrayList<>(Arrays.asList(s.split("\0", -1)));
        while (!strings.isEmpty() && strings.getLast().isEmpty()) {
            strings.removeLast();
        }
        return strings;
    }

    private static byte[] multiString(String text) {
        StringBuilder b = new StringBuilder();
        if (!text.isEmpty()) {
            for (String s : text.split("\n", -1)) {
                b.append(s).append('\0');
            }
        }
        return b.append('\0').toString().getBytes(StandardCharsets.UTF_16LE);
    }
}
