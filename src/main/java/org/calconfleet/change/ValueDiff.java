package org.calconfleet.change;

import org.calconfleet.host.RegistryRead;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;

/**
 * One value as it is and as it will be, like a check-mode diff: the registry values, the service, EXCALCON. Each
 * part is a message rendered when read, so a plan reads in the reader's language.
 */
public record ValueDiff(StoredMessage name, StoredMessage before, StoredMessage after, boolean changes) {

    /** Longer data of a value of another type is cut in what is shown: the plan only needs to recognise it. */
    static final int SHOWN_DATA_MAX = 80;

    public static ValueDiff of(StoredMessage name, StoredMessage before, StoredMessage after) {
        return new ValueDiff(name, before, after, !before.equals(after));
    }

    /** A registry value by its name, as read ({@code null}: could not be read) and as it will be written. */
    static ValueDiff registry(String valueName, @Nullable RegistryRead before, int port) {
        return of(StoredMessage.of("rollout.diff.registry-value", StoredMessage.verbatim(valueName)),
                before == null ? unknown() : value(before), value(RegistryRead.present(port)));
    }

    /** A registry value with its type and data: {@code REG_DWORD 45001}, absent, or the other type it has. */
    public static StoredMessage value(RegistryRead read) {
        return switch (read) {
            case RegistryRead.Present p -> StoredMessage.of("rollout.value.dword",
                    StoredMessage.port(Integer.toUnsignedLong(p.value())));
            case RegistryRead.Absent a -> StoredMessage.of("rollout.value.absent");
            case RegistryRead.WrongType w -> w.data() == null
                    ? StoredMessage.of("rollout.value.other-type-unkept", StoredMessage.verbatim(w.found().name()))
                    : StoredMessage.of("rollout.value.other-type", StoredMessage.verbatim(w.found().name()),
                            StoredMessage.verbatim(shown(w.data())));
        };
    }

    static StoredMessage unknown() {
        return StoredMessage.of("rollout.value.unknown");
    }

    /** The diff as one line: the name, and the value before and after, or unchanged. */
    public StoredMessage line() {
        return changes
                ? StoredMessage.of("rollout.diff.line", StoredMessage.inner(name), StoredMessage.inner(before),
                        StoredMessage.inner(after))
                : StoredMessage.of("rollout.diff.line-unchanged", StoredMessage.inner(name),
                        StoredMessage.inner(before));
    }

    private static String shown(String data) {
        String oneLine = data.replace("\n", "\\n");
        return oneLine.length() <= SHOWN_DATA_MAX ? oneLine : oneLine.substring(0, SHOWN_DATA_MAX) + "…";
    }
}
