package org.calconfleet.host;

import java.util.OptionalInt;

/**
 * The two Calendar Connector port values as found in the registry.
 *
 * @param exchangeSide {@value CalConRegistry#EXCHANGE_SIDE_PORT_VALUE}
 * @param notesSide    {@value CalConRegistry#NOTES_SIDE_PORT_VALUE}
 */
public record CalConPorts(RegistryRead exchangeSide, RegistryRead notesSide) {

    public static CalConPorts of(int exchangeSide, int notesSide) {
        return new CalConPorts(RegistryRead.present(exchangeSide), RegistryRead.present(notesSide));
    }

    public static CalConPorts absent() {
        return new CalConPorts(RegistryRead.absent(), RegistryRead.absent());
    }

    /** The port both values agree on, if both are DWORDs with the same number. */
    public OptionalInt agreedPort() {
        OptionalInt a = exchangeSide.dword();
        OptionalInt b = notesSide.dword();
        return a.isPresent() && b.isPresent() && a.getAsInt() == b.getAsInt() ? a : OptionalInt.empty();
    }
}
