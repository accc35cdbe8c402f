package org.calconfleet.fleet.ui;

import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.port.LoadExcalconCommand;
import org.jspecify.annotations.Nullable;

/** The form's mutable copy of {@link ServerValues}: Binder needs getters and setters. */
class ServerDraft {

    private String hostName = "";
    private String ipAddress = "";
    private String site = "";
    private String exchangeVersion = "";
    private @Nullable ConnectorKind connectorKind;
    private String dominoServer = "";
    private String dominoAddress = "";
    private String calendarSystem = "";
    private String serviceName = "";
    private @Nullable BackendKind backendKind;
    private String backendAddress = "";
    private @Nullable String credentialName;
    private @Nullable Integer desiredPort;
    private String notes = "";
    private String dominoAgentAddress = "";
    private @Nullable String dominoCredentialName;
    private @Nullable Integer dominoDebugFlag;

    static ServerDraft of(ServerValues values) {
        ServerDraft draft = new ServerDraft();
        draft.hostName = values.hostName();
        draft.ipAddress = orEmpty(values.ipAddress());
        draft.site = values.site();
        draft.exchangeVersion = values.exchangeVersion();
        draft.connectorKind = values.connectorKind();
        draft.dominoServer = orEmpty(values.dominoServer());
        draft.dominoAddress = orEmpty(values.dominoAddress());
        draft.calendarSystem = orEmpty(values.calendarSystem());
        draft.serviceName = values.serviceName();
        draft.backendKind = values.backendKind();
        draft.backendAddress = orEmpty(values.backendAddress());
        draft.credentialName = values.credentialName();
        draft.desiredPort = values.desiredPort();
        draft.notes = orEmpty(values.notes());
        draft.dominoAgentAddress = orEmpty(values.dominoAgentAddress());
        draft.dominoCredentialName = values.dominoCredentialName();
        draft.dominoDebugFlag = values.dominoDebugFlag();
        return draft;
    }

    ServerValues toValues() {
        return new ServerValues(hostName.strip(), orNull(ipAddress), site.strip(), exchangeVersion.strip(),
                connectorKind == null ? ConnectorKind.LOTUS_DOMINO : connectorKind, orNull(dominoServer),
                orNull(dominoAddress), orNull(calendarSystem), serviceName.strip(),
                backendKind == null ? BackendKind.SIMULATED : backendKind, orNull(backendAddress), credentialName,
                desiredPort, orNull(notes), orNull(dominoAgentAddress), dominoCredentialName,
                dominoDebugFlag == null ? LoadExcalconCommand.DEBUG_ON : dominoDebugFlag);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String orNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    String getHostName() { return hostName; }
    void setHostName(String hostName) { this.hostName = hostName; }
    String getIpAddress() { return ipAddress; }
    void setIpAddress(String ipAddress) { this.ipAddress = ipAddress; }
    String getSite() { return site; }
    void setSite(String site) { this.site = site; }
    String getExchangeVersion() { return exchangeVersion; }
    void setExchangeVersion(String exchangeVersion) { this.exchangeVersion = exchangeVersion; }
    @Nullable ConnectorKind getConnectorKind() { return connectorKind; }
    void setConnectorKind(@Nullable ConnectorKind connectorKind) { this.connectorKind = connectorKind; }
    String getDominoServer() { return dominoServer; }
    void setDominoServer(String dominoServer) { this.dominoServer = dominoServer; }
    String getDominoAddress() { return dominoAddress; }
    void setDominoAddress(String dominoAddress) { this.dominoAddress = dominoAddress; }
    String getCalendarSystem() { return calendarSystem; }
    void setCalendarSystem(String calendarSystem) { this.calendarSystem = calendarSystem; }
    String getServiceName() { return serviceName; }
    void setServiceName(String serviceName) { this.serviceName = serviceName; }
    @Nullable BackendKind getBackendKind() { return backendKind; }
    void setBackendKind(@Nullable BackendKind backendKind) { this.backendKind = backendKind; }
    String getBackendAddress() { return backendAddress; }
    void setBackendAddress(String backendAddress) { this.backendAddress = backendAddress; }
    @Nullable String getCredentialName() { return credentialName; }
    void setCredentialName(@Nullable String credentialName) { this.credentialName = credentialName; }
    @Nullable Integer getDesiredPort() { return desiredPort; }
    void setDesiredPort(@Nullable Integer desiredPort) { this.desiredPort = desiredPort; }
    String getNotes() { return notes; }
    void setNotes(String notes) { this.notes = notes; }
    String getDominoAgentAddress() { return dominoAgentAddress; }
    void setDominoAgentAddress(String dominoAgentAddress) { this.dominoAgentAddress = dominoAgentAddress; }
    @Nullable String getDominoCredentialName() { return dominoCredentialName; }
    void setDominoCredentialName(@Nullable String dominoCredentialName) { this.dominoCredentialName = dominoCredentialName; }
    @Nullable Integer getDominoDebugFlag() { return dominoDebugFlag; }
    void setDominoDebugFlag(@Nullable Integer dominoDebugFlag) { this.dominoDebugFlag = dominoDebugFlag; }
}
