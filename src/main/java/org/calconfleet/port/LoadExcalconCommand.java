package org.calconfleet.port;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code LOAD EXCALCON <exchangeserver> <calendarsystem> <exchange_calcon_port> <notes_excalcon_port> <debug_flag>}
 * for the Domino console. Both port arguments come from one {@link RpcPort}, because the two registry
 * values they mirror must be equal.
 */
public record LoadExcalconCommand(String exchangeServer, String calendarSystem, RpcPort port, int debugFlag) {

    public static final int DEBUG_OFF = 0;
    public static final int DEBUG_ON = 1;

    public LoadExcalconCommand {
        var refusals = refusalsFor(exchangeServer, calendarSystem, debugFlag);
        if (!refusals.isEmpty()) {
            throw new RefusedException(refusals);
        }
    }

    public static List<ConsoleRefusal> refusalsFor(String exchangeServer, String calendarSystem, int debugFlag) {
        var refusals = new ArrayList<ConsoleRefusal>();
        refusals.addAll(ConsoleText.refusalsForName(ConsoleField.EXCHANGE_SERVER, exchangeServer));
        refusals.addAll(ConsoleText.refusalsForName(ConsoleField.CALENDAR_SYSTEM, calendarSystem));
        refusals.addAll(refusalsForDebugFlag(debugFlag));
        return List.copyOf(refusals);
    }

    /** The debug flag alone, as a server record keeps it: 0 or 1. */
    public static List<ConsoleRefusal> refusalsForDebugFlag(int debugFlag) {
        return debugFlag == DEBUG_OFF || debugFlag == DEBUG_ON ? List.of()
                : List.of(ConsoleRefusal.of(ConsoleField.DEBUG_FLAG, ConsoleRefusalReason.DEBUG_FLAG_NOT_0_OR_1, debugFlag));
    }

    public String text() {
        return String.join(" ", "LOAD EXCALCON", exchangeServer, calendarSystem, port.text(), port.text(),
                Integer.toString(debugFlag));
    }
}
