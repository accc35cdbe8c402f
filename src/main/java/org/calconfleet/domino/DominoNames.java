package org.calconfleet.domino;

import java.util.Optional;

/**
 * The rule for names that go into a Domino console command line (server, Exchange server, calendar
 * system): not empty, no whitespace, no quotes, no control characters, so that a name can neither split
 * nor extend a command. The same rule as {@code org.calconfleet.port.DominoCommands}; to be unified.
 */
public final class DominoNames {

    /** Why the name is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("empty");
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                return Optional.of("contains whitespace");
            }
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                return Optional.of("contains a control character");
            }
            if (cp == '"' || cp == '\'' || cp == '`' || cp == '\u2018' || cp == '\u2019' || cp == '\u201C'
                    || cp == '\u201D') {
                return Optional.of("contains a quote");
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    private DominoNames() {
    }
}
