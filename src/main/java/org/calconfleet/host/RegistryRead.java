package org.calconfleet.host;

import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * What reading one DWORD found: the value, no value (or no key), or a value of another type with its data. These
 * are answers, not failures: the caller decides whether absent or wrong type stops a change.
 */
public sealed interface RegistryRead permits RegistryRead.Present, RegistryRead.Absent, RegistryRead.WrongType {

    static RegistryRead present(int value) {
        return new Present(value);
    }

    static RegistryRead absent() {
        return Absent.INSTANCE;
    }

    /**
     * A value of another type; {@code data} as {@link WrongType} describes it. Data longer than {@link
     * WrongType#MAX_DATA} is not kept: no port value is that long, and it would not fit where host runs are stored.
     */
    static RegistryRead wrongType(RegistryValueType found, String data) {
        return new WrongType(found, data.length() <= WrongType.MAX_DATA ? data : null);
    }

    default OptionalInt dword() {
        return this instanceof Present p ? OptionalInt.of(p.value()) : OptionalInt.empty();
    }

    String messageKey();

    /** The DWORD, or NOT_FOUND / WRONG_VALUE_TYPE naming the value. */
    default HostResult<Integer> require(String valueName) {
        return switch (this) {
            case Present p -> HostResult.ok(p.value());
            case Absent a -> HostResult.failure(HostFailure.NOT_FOUND, "registry value '" + valueName + "' is absent");
            case WrongType w -> HostResult.failure(HostFailure.WRONG_VALUE_TYPE,
                    "registry value '" + valueName + "' is " + w.found() + ", expected REG_DWORD");
        };
    }

    /** A REG_DWORD, as the host reports it (a Java int; DWORDs above 2^31-1 come out negative). */
    record Present(int value) implements RegistryRead {
        @Override
        public String messageKey() {
            return "host.registry-read.present";
        }

        @Override
        public String toString() {
            return "REG_DWORD " + Integer.toUnsignedString(value);
        }
    }

    /** Neither the value nor, possibly, its key exists. */
    enum Absent implements RegistryRead {
        INSTANCE;

        @Override
        public String messageKey() {
            return "host.registry-read.absent";
        }

        @Override
        public String toString() {
            return "absent";
        }
    }

    /**
     * The value exists with another type; {@code found} says which, {@code data} what it holds, as text: the string
     * of a REG_SZ or REG_EXPAND_SZ, the strings of a REG_MULTI_SZ one per line, the unsigned number of a REG_QWORD,
     * lowercase hex of the bytes of any other type. {@code data} is null only where it was never kept (host runs
     * recorded before it was): such a value cannot be put back.
     */
    record WrongType(RegistryValueType found, @Nullable String data) implements RegistryRead {

        public static final int MAX_DATA = 4000;

        /** Whether a restore can write this value back as it was: its data is known and its type is a real one. */
        public boolean restorable() {
            return data != null && found != RegistryValueType.UNKNOWN;
        }

        @Override
        public String messageKey() {
            return "host.registry-read.wrong-type";
        }

        @Override
        public String toString() {
            return data == null ? "wrong type " + found : "wrong type " + found + " \"" + data.replace("\n", "\\n") + "\"";
        }
    }
}
