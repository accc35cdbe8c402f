package org.calconfleet.port;

import java.util.List;

/** The Domino server console commands that restart the EXCALCON task on a new port, in order. */
public final class DominoConsole {

    public static final String QUIT_EXCALCON = "Excalcon q";

    private DominoConsole() {
    }

    public static List<String> restartExcalcon(LoadExcalconCommand load) {
        return List.of(QUIT_EXCALCON, load.text());
    }

    public static List<String> restartExcalcon(String exchangeServer, String calendarSystem, RpcPort port,
            int debugFlag) {
        return restartExcalcon(new LoadExcalconCommand(exchangeServer, calendarSystem, port, debugFlag));
    }
}
