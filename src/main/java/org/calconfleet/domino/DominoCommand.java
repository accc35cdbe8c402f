package org.calconfleet.domino;

import java.util.Optional;

/** A command of the procedure for the Domino server console, rendered exactly as typed. */
public sealed interface DominoCommand permits DominoCommand.QuitExcalcon, DominoCommand.LoadExcalcon {

    String QUIT_EXCALCON = "Excalcon q";

    String LOAD_EXCALCON = "LOAD EXCALCON";

    String commandLine();

    /** Why the command cannot be sent, or empty. */
    Optional<String> problem();

    static QuitExcalcon quit() {
        return QuitExcalcon.INSTANCE;
    }

    /** Step 5: stops (quits) the running EXCALCON task. */
    enum QuitExcalcon implements DominoCommand {
        INSTANCE;

        @Override
        public String commandLine() {
            return QUIT_EXCALCON;
        }

        @Override
        public Optional<String> problem() {
            return Optional.empty();
        }
    }

    /**
     * Step 6: {@code LOAD EXCALCON <exchangeserver> <calendarsystem> <port> <port> <debug_flag>}.
     *
     * @param debug the debug flag: {@code 1} when true (the procedure's example), {@code 0} otherwise
     */
    record LoadExcalcon(String exchangeServer, String calendarSystem, int exchangeSidePort, int notesSidePort,
            boolean debug) implements DominoCommand {

        @Override
        public String commandLine() {
            return LOAD_EXCALCON + " " + exchangeServer + " " + calendarSystem + " " + exchangeSidePort + " "
                    + notesSidePort + " " + (debug ? 1 : 0);
        }

        @Override
        public Optional<String> problem() {
            return DominoNames.problem(exchangeServer).map(p -> "Exchange server name " + p)
                    .or(() -> DominoNames.problem(calendarSystem).map(p -> "calendar system name " + p))
                    .or(() -> portProblem(exchangeSidePort))
                    .or(() -> portProblem(notesSidePort));
        }

        private static Optional<String> portProblem(int port) {
            return port == 0 || (port >= 1025 && port <= 65535)
                    ? Optional.empty()
                    : Optional.of("port " + port + " is neither 0 nor in 1025..65535");
        }
    }
}
