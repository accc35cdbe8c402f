package org.calconfleet.rollout;

import static org.calconfleet.i18n.StoredMessage.choice;
import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.port;
import static org.calconfleet.i18n.StoredMessage.verbatim;

import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.i18n.StoredMessage.Argument;
import org.jspecify.annotations.Nullable;

/**
 * A host run's texts as stored messages: codes of the rollout bundle ({@code rollout.run.*}, {@code rollout.outcome.*},
 * {@code rollout.value.*}) with typed arguments. What a host said (event texts, failure details, console answers)
 * goes in verbatim, cut to {@link #HOST_TEXT_MAX_LENGTH}: the stored JSON itself is never cut.
 */
final class RunMessages {

    static final int HOST_TEXT_MAX_LENGTH = 200;

    private RunMessages() {
    }

    /** A host run's message: {@code rollout.run.<name>}. */
    static StoredMessage run(String name, Argument... arguments) {
        return StoredMessage.of("rollout.run." + name, arguments);
    }

    /** A log line's outcome: {@code rollout.outcome.<name>}. */
    static StoredMessage outcome(String name) {
        return StoredMessage.of("rollout.outcome." + name);
    }

    /** A host run's state as its label, for the line that ends the run. */
    static StoredMessage outcome(HostRunState state) {
        return StoredMessage.of(state.messageKey());
    }

    static Argument hostText(@Nullable String text) {
        String whole = String.valueOf(text);
        return verbatim(whole.length() <= HOST_TEXT_MAX_LENGTH ? whole
                : whole.substring(0, HOST_TEXT_MAX_LENGTH - 1) + "…");
    }

    static Argument label(String key) {
        return new StoredMessage.Choice(key);
    }

    static Argument action(HostAction action) {
        return choice("rollout.action", action);
    }

    /** Why a call to the host failed: the kind as its label, the host's detail as it said it. */
    static StoredMessage cannot(Argument action, HostResult.Failure<?> f) {
        return run("cannot", action, label(f.kind().messageKey()), hostText(f.detail()));
    }

    static StoredMessage cannot(HostAction action, HostResult.Failure<?> f) {
        return cannot(action(action), f);
    }

    /** A registry value as read: REG_DWORD and its number, absent, or another type with its data. */
    static StoredMessage value(RegistryRead read) {
        return switch (read) {
            case RegistryRead.Present p -> StoredMessage.of("rollout.value.dword",
                    port(Integer.toUnsignedLong(p.value())));
            case RegistryRead.Absent a -> StoredMessage.of("rollout.value.absent");
            case RegistryRead.WrongType w -> w.data() == null
                    ? StoredMessage.of("rollout.value.wrong-type-unkept", verbatim(w.found().name()))
                    : StoredMessage.of("rollout.value.wrong-type", verbatim(w.found().name()),
                            hostText(w.data().replace("\n", "\\n")));
        };
    }

    /** Both port values: the Exchange side, then the Notes side. */
    static StoredMessage values(CalConPorts ports) {
        return StoredMessage.of("rollout.value.pair", inner(value(ports.exchangeSide())),
                inner(value(ports.notesSide())));
    }

    /** Both sides at one port, as the run writes them. */
    static StoredMessage values(int port) {
        return values(CalConPorts.of(port, port));
    }

    /** The values a run read before its change, as it keeps them ({@link RegistryReads}). */
    static StoredMessage previousValues(HostRun run) {
        return values(new CalConPorts(RegistryReads.decode(run.getPreviousExchange()),
                RegistryReads.decode(run.getPreviousNotes())));
    }

    /**
     * A text the run stored earlier, inside another message: a stored message, or a sentence stored before messages
     * were data, shown as it is.
     */
    static Argument stored(@Nullable String text) {
        return StoredMessage.parse(text).map(StoredMessage::inner).orElseGet(() -> verbatim(text));
    }
}
