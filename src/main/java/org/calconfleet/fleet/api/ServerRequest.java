package org.calconfleet.fleet.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.Default;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.port.LoadExcalconCommand;
import org.jspecify.annotations.Nullable;

/**
 * A server as a script adds it or replaces its values: every field a person may set (what the console observes on
 * the host is not among them). Credentials are named, never sent. {@code version} is the one read, for a replace.
 */
record ServerRequest(@NotNull String hostName, @Nullable String ipAddress, @NotNull String site,
                     @NotNull String exchangeVersion, @NotNull ConnectorKind connectorKind,
                     @Nullable String dominoServer, @Nullable String dominoAddress, @Nullable String calendarSystem,
                     @Schema(description = "Default " + ExchangeServer.DEFAULT_SERVICE_NAME) @Nullable String serviceName,
                     @NotNull BackendKind backendKind, @Nullable String backendAddress,
                     @Schema(description = "The name of the credential the backend logs on with") @Nullable String credentialName,
                     @Nullable Integer desiredPort, @Nullable String notes,
                     @Schema(description = "The agent on the Domino partner's host (https://host:port sha256=…), which"
                             + " reloads EXCALCON; none: the operator reloads it from the runbook")
                     @Nullable String dominoAgentAddress,
                     @Schema(description = "The name of the credential holding the Domino agent's token")
                     @Nullable String dominoCredentialName,
                     @Schema(description = "The last argument of LOAD EXCALCON: 0 or 1 (default)")
                     @Nullable Integer dominoDebugFlag,
                     @Schema(description = "Required to replace a server: the version read")
                     @NotNull(groups = Replace.class) @Nullable Long version) {

    /** The checks of a replace: the default ones and the version. */
    interface Replace extends Default {
    }

    ServerValues toValues() {
        return new ServerValues(hostName.strip(), blankToNull(ipAddress), site.strip(), exchangeVersion.strip(),
                connectorKind, blankToNull(dominoServer), blankToNull(dominoAddress), blankToNull(calendarSystem),
                serviceName == null || serviceName.isBlank() ? ExchangeServer.DEFAULT_SERVICE_NAME : serviceName.strip(),
                backendKind, blankToNull(backendAddress), blankToNull(credentialName), desiredPort, blankToNull(notes),
                blankToNull(dominoAgentAddress), blankToNull(dominoCredentialName),
                dominoDebugFlag == null ? LoadExcalconCommand.DEBUG_ON : dominoDebugFlag);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
