package org.calconfleet.fleet.api;

import java.time.Instant;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ConnectorServiceState;
import org.calconfleet.fleet.Drift;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.port.ConnectorKind;
import org.jspecify.annotations.Nullable;

/**
 * A server as the API shows it. {@code credentialName} names the vault credential its backend uses; the secret
 * itself never leaves the vault. {@code version} is what a desired-port update must send back.
 */
record ServerResponse(long id, String hostName, String site, @Nullable String ipAddress, String exchangeVersion,
                      ConnectorKind connectorKind, @Nullable String dominoServer, @Nullable String calendarSystem,
                      String serviceName, BackendKind backendKind, @Nullable String credentialName,
                      @Nullable Integer desiredPort,
                      @Nullable Integer observedExchangePort, @Nullable Integer observedNotesPort, Drift drift,
                      ConnectorServiceState serviceState, @Nullable Boolean diagnosticsHigh,
                      @Nullable Instant lastEvidenceAt, @Nullable String lastEvidenceText, Instant updatedAt,
                      String updatedBy, long version) {

    static ServerResponse of(ExchangeServer s) {
        return new ServerResponse(java.util.Objects.requireNonNull(s.getId()), s.getHostName(), s.getSite(),
                s.getIpAddress(), s.getExchangeVersion(), s.getConnectorKind(), s.getDominoServer(),
                s.getCalendarSystem(), s.getServiceName(), s.getBackendKind(), s.getCredentialName(),
                s.getDesiredPort(),
                s.getObservedExchangePort(), s.getObservedNotesPort(), s.drift(), s.getServiceState(),
                s.getDiagnosticsHigh(), s.getLastEvidenceAt(), s.getLastEvidenceText(), s.getUpdatedAt(),
                s.getUpdatedBy(), s.getVersion());
    }
}
