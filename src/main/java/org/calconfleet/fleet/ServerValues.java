package org.calconfleet.fleet;

import org.calconfleet.port.ConnectorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;

/**
 * What a person may set on a server: everything except what the console observes on the host. The Domino partner's
 * agent ({@code dominoAgentAddress}, with the credential naming its token) reloads EXCALCON; without one the
 * operator reloads it from the runbook. {@code dominoDebugFlag} is the last argument of {@code LOAD EXCALCON}.
 */
public record ServerValues(String hostName, @Nullable String ipAddress, String site, String exchangeVersion,
                           ConnectorKind connectorKind, @Nullable String dominoServer,
                           @Nullable String dominoAddress, @Nullable String calendarSystem, String serviceName,
                           BackendKind backendKind, @Nullable String backendAddress,
                           @Nullable String credentialName, @Nullable Integer desiredPort, @Nullable String notes,
                           @Nullable String dominoAgentAddress, @Nullable String dominoCredentialName,
                           int dominoDebugFlag) {

    public record FieldChange(String field, @Nullable Object before, @Nullable Object after) {
        @Override
        public String toString() {
            return field + ": " + before + " → " + after;
        }
    }

    private record Field(String name, Function<ServerValues, @Nullable Object> read) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("hostName", ServerValues::hostName),
            new Field("ipAddress", ServerValues::ipAddress),
            new Field("site", ServerValues::site),
            new Field("exchangeVersion", ServerValues::exchangeVersion),
            new Field("connectorKind", ServerValues::connectorKind),
            new Field("dominoServer", ServerValues::dominoServer),
            new Field("dominoAddress", ServerValues::dominoAddress),
            new Field("calendarSystem", ServerValues::calendarSystem),
            new Field("serviceName", ServerValues::serviceName),
            new Field("backendKind", ServerValues::backendKind),
            new Field("backendAddress", ServerValues::backendAddress),
            new Field("credentialName", ServerValues::credentialName),
            new Field("desiredPort", ServerValues::desiredPort),
            new Field("notes", ServerValues::notes),
            new Field("dominoAgentAddress", ServerValues::dominoAgentAddress),
            new Field("dominoCredentialName", ServerValues::dominoCredentialName),
            new Field("dominoDebugFlag", ServerValues::dominoDebugFlag));

    public static ServerValues of(ExchangeServer server) {
        return new ServerValues(server.getHostName(), server.getIpAddress(), server.getSite(),
                server.getExchangeVersion(), server.getConnectorKind(), server.getDominoServer(),
                server.getDominoAddress(), server.getCalendarSystem(),
                server.getServiceName(), server.getBackendKind(), server.getBackendAddress(),
                server.getCredentialName(), server.getDesiredPort(), server.getNotes(),
                server.getDominoAgentAddress(), server.getDominoCredentialName(), server.getDominoDebugFlag());
    }

    public ServerValues withDesiredPort(@Nullable Integer port) {
        return new ServerValues(hostName, ipAddress, site, exchangeVersion, connectorKind, dominoServer, dominoAddress,
                calendarSystem, serviceName, backendKind, backendAddress, credentialName, port, notes,
                dominoAgentAddress, dominoCredentialName, dominoDebugFlag);
    }

    /** The values as they are stored: without a backend address the backend never uses. */
    public ServerValues asStored() {
        return backendKind.usesAddress() ? this : new ServerValues(hostName, ipAddress, site, exchangeVersion,
                connectorKind, dominoServer, dominoAddress, calendarSystem, serviceName, backendKind, null,
                credentialName, desiredPort, notes, dominoAgentAddress, dominoCredentialName, dominoDebugFlag);
    }

    void applyTo(ExchangeServer server) {
        server.setHostName(hostName);
        server.setIpAddress(ipAddress);
        server.setSite(site);
        server.setExchangeVersion(exchangeVersion);
        server.setConnectorKind(connectorKind);
        server.setDominoServer(dominoServer);
        server.setDominoAddress(dominoAddress);
        server.setCalendarSystem(calendarSystem);
        server.setServiceName(serviceName);
        server.setBackendKind(backendKind);
        server.setBackendAddress(backendAddress);
        server.setCredentialName(credentialName);
        server.setDesiredPort(desiredPort);
        server.setNotes(notes);
        server.setDominoAgentAddress(dominoAgentAddress);
        server.setDominoCredentialName(dominoCredentialName);
        server.setDominoDebugFlag(dominoDebugFlag);
    }

    public List<FieldChange> changesTo(ServerValues other) {
        List<FieldChange> changes = new ArrayList<>();
        for (Field field : FIELDS) {
            Object before = field.read().apply(this);
            Object after = field.read().apply(other);
            if (!Objects.equals(before, after)) {
                changes.add(new FieldChange(field.name(), before, after));
            }
        }
        return changes;
    }

    /** The values set, each by its field's label, as the audit trail stores them. */
    public StoredMessage audited() {
        List<StoredMessage.Argument> values = new ArrayList<>();
        for (Field field : FIELDS) {
            Object value = field.read().apply(this);
            if (value != null) {
                values.add(audited(field.name(), value));
            }
        }
        return StoredMessage.of("fleet.value.fields", StoredMessage.listed(values));
    }

    /** One side of changes (the values before them, or after), as the audit trail stores it. */
    static StoredMessage audited(List<FieldChange> changes, boolean before) {
        return StoredMessage.of("fleet.value.fields", StoredMessage.listed(changes.stream()
                .map(change -> audited(change.field(), before ? change.before() : change.after())).toList()));
    }

    private static StoredMessage.Argument audited(String field, @Nullable Object value) {
        StoredMessage.Argument shown = switch (value) {
            case null -> StoredMessage.inner(StoredMessage.of("fleet.value.empty"));
            case ConnectorKind kind -> new StoredMessage.Choice(kind.messageKey());
            case BackendKind kind -> new StoredMessage.Choice(kind.messageKey());
            case Integer number -> StoredMessage.port(number);
            default -> StoredMessage.verbatim(value);
        };
        return StoredMessage.inner(StoredMessage.of("fleet.value.field", new StoredMessage.Choice("fleet.field." + field),
                shown));
    }
}
