package org.calconfleet.rollout;

import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.RegistryValueType;
import org.jspecify.annotations.Nullable;

/** How a port value read before a change is kept with the host run: {@code absent}, {@code dword:N}, {@code wrong:REG_SZ}. */
final class RegistryReads {

    private RegistryReads() {
    }

    static String encode(RegistryRead read) {
        return switch (read) {
            case RegistryRead.Present p -> "dword:" + Integer.toUnsignedString(p.value());
            case RegistryRead.Absent a -> "absent";
            case RegistryRead.WrongType w -> "wrong:" + w.found().name();
        };
    }

    static RegistryRead decode(@Nullable String text) {
        if (text == null || text.equals("absent")) {
            return RegistryRead.absent();
        }
        if (text.startsWith("dword:")) {
            return RegistryRead.present(Integer.parseUnsignedInt(text.substring("dword:".length())));
        }
        if (text.startsWith("wrong:")) {
            return RegistryRead.wrongType(RegistryValueType.valueOf(text.substring("wrong:".length())));
        }
        throw new IllegalArgumentException("not an encoded registry read: " + text);
    }

    static String describe(@Nullable String encoded) {
        return encoded == null ? "?" : decode(encoded).toString();
    }

    static @Nullable Integer dword(RegistryRead read) {
        return read instanceof RegistryRead.Present p ? p.value() : null;
    }
}
