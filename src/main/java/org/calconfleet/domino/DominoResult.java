package org.calconfleet.domino;

import java.util.List;

/** The outcome of sending commands to one Domino server's console. */
public sealed interface DominoResult
        permits DominoResult.Sent, DominoResult.AwaitingConfirmation, DominoResult.Failed {

    String server();

    /** The command lines concerned, in order, exactly as typed on the console. */
    List<String> commandLines();

    String messageKey();

    static Failed failed(String server, List<String> commandLines, DominoFailure kind, String detail) {
        return new Failed(server, commandLines, kind, detail, kind.retryableByDefault());
    }

    /** The commands were carried out; {@code responses} are the console's answers, one per command. */
    record Sent(String server, List<String> commandLines, List<String> responses) implements DominoResult {
        public Sent {
            commandLines = List.copyOf(commandLines);
            responses = List.copyOf(responses);
        }

        @Override
        public String messageKey() {
            return "domino.result.sent";
        }
    }

    /** Nothing was sent: an operator must type the commands and confirm (recorded elsewhere). */
    record AwaitingConfirmation(String server, List<String> commandLines) implements DominoResult {
        public static final String INSTRUCTIONS_KEY = "domino.runbook.instructions";
        public static final String CONFIRM_KEY = "domino.runbook.confirm";

        public AwaitingConfirmation {
            commandLines = List.copyOf(commandLines);
        }

        @Override
        public String messageKey() {
            return "domino.result.awaiting-confirmation";
        }
    }

    record Failed(String server, List<String> commandLines, DominoFailure kind, String detail, boolean retryable)
            implements DominoResult {
        public Failed {
            commandLines = List.copyOf(commandLines);
        }

        @Override
        public String messageKey() {
            return kind.messageKey();
        }
    }
}
