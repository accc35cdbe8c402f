package org.calconfleet.domino;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.calconfleet.port.ConsoleField;
import org.calconfleet.port.ConsoleRefusal;
import org.calconfleet.port.LoadExcalconCommand;
import org.calconfleet.port.PortRefusal;
import org.calconfleet.port.PortRules;
import org.calconfleet.port.Refusal;
import org.calconfleet.port.RefusedException;
import org.calconfleet.port.RpcPort;

/**
 * A command of the procedure for the Domino server console. The rules for what may go into the line and the
 * line's text are the {@code port} package's ({@link org.calconfleet.port.ConsoleText},
 * {@link LoadExcalconCommand}, {@link org.calconfleet.port.DominoConsole}): one rule, one text.
 */
public sealed interface DominoCommand permits DominoCommand.QuitExcalcon, DominoCommand.LoadExcalcon {

    String QUIT_EXCALCON = org.calconfleet.port.DominoConsole.QUIT_EXCALCON;

    /** The line exactly as typed on the console (for a refused command: what was asked for, never sent). */
    String commandLine();

    /** Why the command cannot be sent, typed and translatable; empty when it can be sent. */
    List<Refusal> refusals();

    /** The first refusal in English, for details and logs; empty when the command can be sent. */
    default Optional<String> problem() {
        return refusals().stream().findFirst().map(DominoCommand::describe);
    }

    static QuitExcalcon quit() {
        return QuitExcalcon.INSTANCE;
    }

    /** The refusals for a Domino server's name: the port package's rule for host names on a console line. */
    static List<ConsoleRefusal> refusalsForServer(String dominoServer) {
        return org.calconfleet.port.ConsoleText.refusalsForName(ConsoleField.HOST_NAME, dominoServer);
    }

    /** A refusal of the port rules in English: the field, the reason and what was refused. */
    static String describe(Refusal refusal) {
        String what = switch (refusal) {
            case ConsoleRefusal c -> switch (c.field()) {
                case EXCHANGE_SERVER -> "Exchange server name";
                case CALENDAR_SYSTEM -> "calendar system name";
                case HOST_NAME -> "Domino server name";
                case DEBUG_FLAG -> "debug flag";
                case HOST_ADDRESS -> "address";
            };
            case PortRefusal p -> "port";
            default -> "value";
        };
        String reason = refusal instanceof ConsoleRefusal c ? c.reason().name()
                : refusal instanceof PortRefusal p ? p.reason().name() : refusal.messageKey();
        return what + ": " + reason.toLowerCase(Locale.ROOT).replace('_', ' ')
                + (refusal.arguments().isEmpty() ? "" : " (" + String.join(", ", refusal.arguments()) + ")");
    }

    /** Step 5: stops (quits) the running EXCALCON task. */
    enum QuitExcalcon implements DominoCommand {
        INSTANCE;

        @Override
        public String commandLine() {
            return QUIT_EXCALCON;
        }

        @Override
        public List<Refusal> refusals() {
            return List.of();
        }
    }

    /**
     * Step 6: {@code LOAD EXCALCON <exchangeserver> <calendarsystem> <port> <port> <debug_flag>}. The two ports
     * must be equal (they mirror the two registry values) and valid by {@link PortRules}.
     *
     * @param debug the debug flag: {@code 1} when true (the procedure's example), {@code 0} otherwise
     */
    record LoadExcalcon(String exchangeServer, String calendarSystem, int exchangeSidePort, int notesSidePort,
            boolean debug) implements DominoCommand {

        public static LoadExcalcon of(LoadExcalconCommand command) {
            return new LoadExcalcon(command.exchangeServer(), command.calendarSystem(), command.port().value(),
                    command.port().value(), command.debugFlag() == LoadExcalconCommand.DEBUG_ON);
        }

        @Override
        public List<Refusal> refusals() {
            List<Refusal> refusals = new ArrayList<>(LoadExcalconCommand.refusalsFor(exchangeServer, calendarSystem,
                    debugFlag()));
            refusals.addAll(PortRules.checkRegistryValues(exchangeSidePort, notesSidePort).refusals());
            return List.copyOf(refusals);
        }

        /** The {@code port} package's command; throws {@link RefusedException} when {@link #refusals()} has any. */
        public LoadExcalconCommand toPortCommand() {
            List<Refusal> refusals = refusals();
            if (!refusals.isEmpty()) {
                throw new RefusedException(refusals);
            }
            return new LoadExcalconCommand(exchangeServer, calendarSystem, RpcPort.of(exchangeSidePort), debugFlag());
        }

        @Override
        public String commandLine() {
            if (refusals().isEmpty()) {
                return toPortCommand().text();
            }
            return String.join(" ", "LOAD EXCALCON", exchangeServer, calendarSystem,
                    Integer.toString(exchangeSidePort), Integer.toString(notesSidePort),
                    Integer.toString(debugFlag()));
        }

        private int debugFlag() {
            return debug ? LoadExcalconCommand.DEBUG_ON : LoadExcalconCommand.DEBUG_OFF;
        }
    }
}
