package org.calconfleet.rollout;

import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.RegistryValueType;
import org.jspecify.annotations.Nullable;

/**
 * How a port value read before a change is kept with the host run: {@code absent}, {@code dword:N}, or a value of
 * another type with its data, {@code REG_SZ:45001} (the data as {@link RegistryRead.WrongType} describes it, line
 * feeds included). {@code wrong:REG_SZ} is a value of another type whose data was not kept: rows written before the
 * data was, and data too long to keep.
 */
public final class RegistryReads {

    private RegistryReads() {
    }

    static String encode(RegistryRead read) {
        return switch (read) {
            case RegistryRead.Present p -> "dword:" + Integer.toUnsignedString(p.value());
            case RegistryRead.Absent a -> "absent";
            case RegistryRead.WrongType w -> w.data() == null
                    ? "wrong:" + w.found().name()
                    : w.found().name() + ":" + w.data();
        };
    }

    public static RegistryRead decode(@Nullable String text) {
        if (text == null || text.equals("absent")) {
            return RegistryRead.absent();
        }
        if (text.startsWith("dword:")) {
            return RegistryRead.present(Integer.parseUnsignedInt(text.substring("dword:".length())));
        }
        if (text.startsWith("wrong:")) {
            return new RegistryRead.WrongType(RegistryValueType.valueOf(text.substring("wrong:".length())), null);
        }
        int colon = text.indexOf(':');
        if (colon > 0) {
            return RegistryRead.wrongType(RegistryValueType.valueOf(text.substring(0, colon)),
                    text.substring(colon + 1));
        }
        throw new IllegalArgumentException("not an encoded registry read: " + text);
    }

    public static @Nullable Integer dword(RegistryRead read) {
        return read instanceof RegistryRead.Present p ? p.value() : null;
    }
}
