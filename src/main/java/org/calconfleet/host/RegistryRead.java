package org.calconfleet.host;

import java.util.OptionalInt;

/**
 * What reading one DWORD found: the value, no value (or no key), or a value of another type. These are
 * answers, not failures: the caller decides whether absent or wrong type stops a change.
 */
public sealed interface RegistryRead permits RegistryRead.Present, RegistryRead.Absent, RegistryRead.WrongType {

    static RegistryRead present(int value) {
        return new Present(value);
    }

    static RegistryRead absent() {
        return Absent.INSTANCE;
    }

    static RegistryRead wrongType(RegistryValueType found) {
        return new WrongType(found);
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

    /** The value exists with another type; {@code found} says which. */
    record WrongType(RegistryValueType found) implements RegistryRead {
        @Override
        public String messageKey() {
            return "host.registry-read.wrong-type";
        }

        @Override
        public String toString() {
            return "wrong type " + found;
        }
    }
}
