package org.calconfleet.host;

import java.util.Arrays;

/** Windows registry value types, with their Win32 codes (winnt.h). */
public enum RegistryValueType {
    REG_NONE(0),
    REG_SZ(1),
    REG_EXPAND_SZ(2),
    REG_BINARY(3),
    REG_DWORD(4),
    REG_DWORD_BIG_ENDIAN(5),
    REG_LINK(6),
    REG_MULTI_SZ(7),
    REG_RESOURCE_LIST(8),
    REG_FULL_RESOURCE_DESCRIPTOR(9),
    REG_RESOURCE_REQUIREMENTS_LIST(10),
    REG_QWORD(11),
    /** A code this enum does not know. */
    UNKNOWN(-1);

    private final int code;

    RegistryValueType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RegistryValueType fromCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code && t != UNKNOWN).findFirst().orElse(UNKNOWN);
    }
}
