package org.calconfleet.discovery;

import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.port.LoadExcalconCommand;
import org.jspecify.annotations.Nullable;

/**
 * What a found server is added to the inventory with: its name and version come from the directory; site, backend
 * and Domino partner are the administrator's (the directory knows none of the latter). No port is set: the first
 * observation tells the one the host uses.
 */
public record Addition(String hostName, String site, String exchangeVersion, BackendKind backendKind,
                       @Nullable String backendAddress, @Nullable String credentialName, String dominoServer,
                       String calendarSystem) {

    ServerValues values() {
        return new ServerValues(hostName, null, site, exchangeVersion, ConnectorKind.LOTUS_DOMINO, dominoServer,
                null, calendarSystem, ExchangeServer.DEFAULT_SERVICE_NAME, backendKind, blankToNull(backendAddress),
                blankToNull(credentialName), null, null, null, null, LoadExcalconCommand.DEBUG_ON);
    }

    public Addition with(String newSite, BackendKind newBackend, @Nullable String newAddress,
            @Nullable String newCredential, String newDominoServer, String newCalendarSystem) {
        return new Addition(hostName, newSite, exchangeVersion, newBackend, newAddress, newCredential,
                newDominoServer, newCalendarSystem);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
