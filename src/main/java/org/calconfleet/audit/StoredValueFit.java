package org.calconfleet.audit;

import java.util.List;
import java.util.Optional;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.i18n.StoredMessage.Argument;

/**
 * A stored message made to fit a column: clipping its JSON would leave no message at all, so the longest user text
 * inside it is halved until the whole fits.
 */
final class StoredValueFit {

    private static final String ELLIPSIS = "…";

    static Optional<String> fit(String stored, int maxLength) {
        Optional<StoredMessage> parsed = StoredMessage.parse(stored);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        StoredMessage message = parsed.get();
        String json = message.toJson();
        while (json.length() > maxLength) {
            int longest = longestText(message.arguments());
            if (longest <= ELLIPSIS.length() + 1) {
                return Optional.empty();
            }
            message = shortened(message, longest, new boolean[1]);
            json = message.toJson();
        }
        return Optional.of(json);
    }

    private static int longestText(List<Argument> arguments) {
        int longest = 0;
        for (Argument argument : arguments) {
            longest = Math.max(longest, switch (argument) {
                case StoredMessage.Verbatim v -> v.text().length();
                case StoredMessage.Inner i -> longestText(i.message().arguments());
                case StoredMessage.Listed l -> longestText(l.items());
                default -> 0;
            });
        }
        return longest;
    }

    private static StoredMessage shortened(StoredMessage message, int length, boolean[] done) {
        return new StoredMessage(message.code(), shortened(message.arguments(), length, done));
    }

    /** The arguments with the first text of {@code length} halved. */
    private static List<Argument> shortened(List<Argument> arguments, int length, boolean[] done) {
        return arguments.stream().map(argument -> done[0] ? argument : switch (argument) {
            case StoredMessage.Verbatim v when v.text().length() == length -> {
                done[0] = true;
                yield StoredMessage.verbatim(v.text().substring(0, length / 2) + ELLIPSIS);
            }
            case StoredMessage.Inner i -> StoredMessage.inner(shortened(i.message(), length, done));
            case StoredMessage.Listed l -> StoredMessage.listed(shortened(l.items(), length, done));
            default -> argument;
        }).toList();
    }

    private StoredValueFit() {
    }
}
