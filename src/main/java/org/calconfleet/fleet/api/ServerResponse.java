package org.calconfleet.fleet.api;

import java.time.Instant;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ConnectorServiceState;
import org.calconfleet.fleet.Drift;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.port.ConnectorKind;
import org.jspecify.annotations.Nullable;

/**
 * A server as the API shows it. {@code credentialName} and {@code dominoCredentialName} name the vault credentials its
 * backend and its Domino partner's agent use; the secrets never leave the vault. {@code version} is what an update
 * must send back.
 */
record ServerResponse(long id, String hostName, String site, @Nullable String ipAddress, String exchangeVersion,
                      ConnectorKind connectorKind, @Nullable String dominoServer, @Nullable String dominoAddress,
                      @Nullable String calendarSystem, String serviceName, BackendKind backendKind,
                      @Nullable String backendAddress, @Nullable String credentialName,
                      @Nullable String dominoAgentAddress, @Nullable String dominoCredentialName, int dominoDebugFlag,
                      @Nullable Integer desiredPort, @Nullable String notes,
                      @Nullable Integer observedExchangePort, @Nullable Integer observedNotesPort, Drift drift,
                      ConnectorServiceState serviceState, @Nullable Boolean diagnosticsHigh,
                      @Nullable Instant lastEvidenceAt, @Nullable String lastEvidenceText, Instant updatedAt,
                      String updatedBy, long version) {

    static ServerResponse of(ExchangeServer s) {
        return new ServerResponse(java.util.Objects.requireNonNull(s.getId()), s.getHostName(), s.getSite(),
                s.getIpAddress(), s.getExchangeVersion(), s.getConnectorKind(), s.getDominoServer(),
                s.getDominoAddress(), s.getCalendarSystem(), s.getServiceName(), s.getBackendKind(),
                s.getBackendAddress(), s.getCredentialName(), s.getDominoAgentAddress(), s.getDominoCredentialName(),
                s.getDominoDebugFlag(), s.getDesiredPort(), s.getNotes(),
                s.getObservedExchangePort(), s.getObservedNotesPort(), s.drift(), s.getServiceState(),
                s.getDiagnosticsHigh(), s.getLastEvidenceAt(), s.getLastEvidenceText(), s.getUpdatedAt(),
                s.getUpdatedBy(), s.getVersion());
    }
}
