package org.calconfleet.fleet;

import org.calconfleet.port.ConnectorKind;
import org.calconfleet.port.LoadExcalconCommand;
import org.calconfleet.port.RefusedException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "exchange_server")
public class ExchangeServer {

    public static final int HOST_NAME_MAX_LENGTH = 253;
    public static final int SITE_MAX_LENGTH = 64;
    public static final String DEFAULT_SERVICE_NAME = "MSExchangeCalCon";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "host_name", nullable = false, length = HOST_NAME_MAX_LENGTH)
    private String hostName = "";

    @Column(name = "ip_address")
    private @Nullable String ipAddress;

    @Column(name = "domino_address")
    private @Nullable String dominoAddress;

    @Column(nullable = false, length = SITE_MAX_LENGTH)
    private String site = "";

    @Column(name = "exchange_version", nullable = false)
    private String exchangeVersion = "2007 SP3";

    @Enumerated(EnumType.STRING)
    @Column(name = "connector_kind", nullable = false)
    private ConnectorKind connectorKind = ConnectorKind.LOTUS_DOMINO;

    @Column(name = "domino_server")
    private @Nullable String dominoServer;

    @Column(name = "calendar_system")
    private @Nullable String calendarSystem;

    @Column(name = "service_name", nullable = false)
    private String serviceName = DEFAULT_SERVICE_NAME;

    @Enumerated(EnumType.STRING)
    @Column(name = "backend_kind", nullable = false)
    private BackendKind backendKind = BackendKind.SIMULATED;

    @Column(name = "backend_address")
    private @Nullable String backendAddress;

    /** The vault credential the backend logs on with (an agent's token, a Windows account), by name. */
    @Column(name = "credential_name")
    private @Nullable String credentialName;

    /**
     * The agent on the Domino partner's host, as an agent address ({@code https://host:port sha256=<fingerprint>}):
     * EXCALCON is reloaded through it. Null: the operator reloads it from the runbook.
     */
    @Column(name = "domino_agent_address")
    private @Nullable String dominoAgentAddress;

    /** The vault credential holding the Domino agent's token, by name. */
    @Column(name = "domino_credential_name")
    private @Nullable String dominoCredentialName;

    /** The last argument of {@code LOAD EXCALCON}: 1 (debug output on, the procedure's example) or 0. */
    @Column(name = "domino_debug_flag", nullable = false)
    private int dominoDebugFlag = LoadExcalconCommand.DEBUG_ON;

    @Column(name = "desired_port")
    private @Nullable Integer desiredPort;

    @Column(name = "observed_exchange_port")
    private @Nullable Integer observedExchangePort;

    @Column(name = "observed_notes_port")
    private @Nullable Integer observedNotesPort;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_state", nullable = false)
    private ConnectorServiceState serviceState = ConnectorServiceState.UNKNOWN;

    @Column(name = "last_evidence_at")
    private @Nullable Instant lastEvidenceAt;

    @Column(name = "last_evidence_text")
    private @Nullable String lastEvidenceText;

    @Column(name = "diagnostics_high")
    private @Nullable Boolean diagnosticsHigh;

    private @Nullable String notes;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy = "";

    @Version
    private long version;

    protected ExchangeServer() {
    }

    public ExchangeServer(String hostName, String site) {
        this.hostName = hostName;
        this.site = site;
    }

    public Drift drift() {
        return Drift.of(desiredPort, observedExchangePort, observedNotesPort);
    }

    public void touch(Instant when, String who) {
        this.updatedAt = when;
        this.updatedBy = who;
    }

    public @Nullable Long getId() {
        return id;
    }

    public String getHostName() {
        return hostName;
    }

    public void setHostName(String hostName) {
        this.hostName = hostName;
    }

    public @Nullable String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(@Nullable String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public @Nullable String getDominoAddress() {
        return dominoAddress;
    }

    public void setDominoAddress(@Nullable String dominoAddress) {
        this.dominoAddress = dominoAddress;
    }

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    public String getExchangeVersion() {
        return exchangeVersion;
    }

    public void setExchangeVersion(String exchangeVersion) {
        this.exchangeVersion = exchangeVersion;
    }

    public ConnectorKind getConnectorKind() {
        return connectorKind;
    }

    public void setConnectorKind(ConnectorKind connectorKind) {
        this.connectorKind = connectorKind;
    }

    public @Nullable String getDominoServer() {
        return dominoServer;
    }

    public void setDominoServer(@Nullable String dominoServer) {
        this.dominoServer = dominoServer;
    }

    public @Nullable String getCalendarSystem() {
        return calendarSystem;
    }

    public void setCalendarSystem(@Nullable String calendarSystem) {
        this.calendarSystem = calendarSystem;
    }

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public BackendKind getBackendKind() {
        return backendKind;
    }

    public void setBackendKind(BackendKind backendKind) {
        this.backendKind = backendKind;
    }

    public @Nullable String getBackendAddress() {
        return backendAddress;
    }

    public void setBackendAddress(@Nullable String backendAddress) {
        this.backendAddress = backendAddress;
    }

    public @Nullable String getCredentialName() {
        return credentialName;
    }

    public void setCredentialName(@Nullable String credentialName) {
        this.credentialName = credentialName;
    }

    public @Nullable String getDominoAgentAddress() {
        return dominoAgentAddress;
    }

    public void setDominoAgentAddress(@Nullable String dominoAgentAddress) {
        this.dominoAgentAddress = dominoAgentAddress;
    }

    public @Nullable String getDominoCredentialName() {
        return dominoCredentialName;
    }

    public void setDominoCredentialName(@Nullable String dominoCredentialName) {
        this.dominoCredentialName = dominoCredentialName;
    }

    public int getDominoDebugFlag() {
        return dominoDebugFlag;
    }

    /** Refused (a {@link org.calconfleet.port.RefusedException}) unless 0 or 1, by the port package's rule. */
    public void setDominoDebugFlag(int dominoDebugFlag) {
        var refusals = LoadExcalconCommand.refusalsForDebugFlag(dominoDebugFlag);
        if (!refusals.isEmpty()) {
            throw new RefusedException(refusals);
        }
        this.dominoDebugFlag = dominoDebugFlag;
    }

    public @Nullable Integer getDesiredPort() {
        return desiredPort;
    }

    public void setDesiredPort(@Nullable Integer desiredPort) {
        this.desiredPort = desiredPort;
    }

    public @Nullable Integer getObservedExchangePort() {
        return observedExchangePort;
    }

    public @Nullable Integer getObservedNotesPort() {
        return observedNotesPort;
    }

    public void observePorts(@Nullable Integer exchangePort, @Nullable Integer notesPort) {
        this.observedExchangePort = exchangePort;
        this.observedNotesPort = notesPort;
    }

    public ConnectorServiceState getServiceState() {
        return serviceState;
    }

    public void setServiceState(ConnectorServiceState serviceState) {
        this.serviceState = serviceState;
    }

    public @Nullable Instant getLastEvidenceAt() {
        return lastEvidenceAt;
    }

    public @Nullable String getLastEvidenceText() {
        return lastEvidenceText;
    }

    public void recordEvidence(Instant at, String text) {
        this.lastEvidenceAt = at;
        this.lastEvidenceText = text;
    }

    public @Nullable Boolean getDiagnosticsHigh() {
        return diagnosticsHigh;
    }

    public void setDiagnosticsHigh(@Nullable Boolean diagnosticsHigh) {
        this.diagnosticsHigh = diagnosticsHigh;
    }

    public @Nullable String getNotes() {
        return notes;
    }

    public void setNotes(@Nullable String notes) {
        this.notes = notes;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
