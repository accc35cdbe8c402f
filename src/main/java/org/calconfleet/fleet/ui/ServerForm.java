package org.calconfleet.fleet.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.ServerProblem;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.port.LoadExcalconCommand;
import org.calconfleet.port.PortCheck;
import org.calconfleet.port.PortRules;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a server. Field-local checks run in the Binder as the user types; the service's verdict (the
 * same rules plus uniqueness) comes back as problems that land beside the field they concern.
 */
class ServerForm extends FormLayout {

    private final Binder<ServerDraft> binder = new Binder<>();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /** @param credentialNames the vault's credentials a server may name */
    ServerForm(List<String> credentialNames) {
        TextField hostName = text("hostName", "fleet.field.hostName");
        TextField ipAddress = text("ipAddress", "fleet.field.ipAddress");
        TextField site = text("site", "fleet.field.site");
        TextField exchangeVersion = text("exchangeVersion", "fleet.field.exchangeVersion");
        ComboBox<ConnectorKind> connectorKind = new ComboBox<>(getTranslation("fleet.field.connectorKind"));
        connectorKind.setItems(ConnectorKind.values());
        connectorKind.setItemLabelGenerator(kind -> getTranslation(kind.messageKey()));
        fields.put("connectorKind", connectorKind);
        TextField dominoServer = text("dominoServer", "fleet.field.dominoServer");
        TextField dominoAddress = text("dominoAddress", "fleet.field.dominoAddress");
        TextField calendarSystem = text("calendarSystem", "fleet.field.calendarSystem");
        TextField serviceName = text("serviceName", "fleet.field.serviceName");
        ComboBox<BackendKind> backendKind = new ComboBox<>(getTranslation("fleet.field.backendKind"));
        backendKind.setItems(BackendKind.values());
        backendKind.setItemLabelGenerator(kind -> getTranslation(kind.messageKey()));
        fields.put("backendKind", backendKind);
        TextField backendAddress = text("backendAddress", "fleet.field.backendAddress");
        backendKind.addValueChangeListener(event -> explainAddress(event.getValue(), backendAddress));
        backendAddress.addValueChangeListener(event -> explainAddress(backendKind.getValue(), backendAddress));
        ComboBox<String> credentialName = credentialChoice("credentialName", "fleet.field.credentialName",
                credentialNames);
        TextField dominoAgentAddress = text("dominoAgentAddress", "fleet.field.dominoAgentAddress");
        dominoAgentAddress.setHelperText(getTranslation("fleet.field.dominoAgentAddress.help"));
        ComboBox<String> dominoCredentialName = credentialChoice("dominoCredentialName",
                "fleet.field.dominoCredentialName", credentialNames);
        ComboBox<Integer> dominoDebugFlag = new ComboBox<>(getTranslation("fleet.field.dominoDebugFlag"),
                LoadExcalconCommand.DEBUG_ON, LoadExcalconCommand.DEBUG_OFF);
        dominoDebugFlag.setItemLabelGenerator(flag -> getTranslation(flag == LoadExcalconCommand.DEBUG_ON
                ? "fleet.field.dominoDebugFlag.on" : "fleet.field.dominoDebugFlag.off"));
        dominoDebugFlag.setId("server-dominoDebugFlag");
        fields.put("dominoDebugFlag", dominoDebugFlag);
        TextField desiredPort = text("desiredPort", "fleet.field.desiredPort");
        desiredPort.setHelperText(getTranslation("fleet.field.desiredPort.help"));
        TextArea notes = new TextArea(getTranslation("fleet.field.notes"));
        fields.put("notes", notes);

        binder.forField(hostName).asRequired(getTranslation("fleet.field.required"))
                .bind(ServerDraft::getHostName, ServerDraft::setHostName);
        binder.forField(ipAddress).bind(ServerDraft::getIpAddress, ServerDraft::setIpAddress);
        binder.forField(site).asRequired(getTranslation("fleet.field.required"))
                .bind(ServerDraft::getSite, ServerDraft::setSite);
        binder.forField(exchangeVersion).asRequired(getTranslation("fleet.field.required"))
                .bind(ServerDraft::getExchangeVersion, ServerDraft::setExchangeVersion);
        binder.forField(connectorKind).asRequired(getTranslation("fleet.field.required"))
                .bind(ServerDraft::getConnectorKind, ServerDraft::setConnectorKind);
        binder.forField(dominoServer).bind(ServerDraft::getDominoServer, ServerDraft::setDominoServer);
        binder.forField(dominoAddress).bind(ServerDraft::getDominoAddress, ServerDraft::setDominoAddress);
        binder.forField(calendarSystem).bind(ServerDraft::getCalendarSystem, ServerDraft::setCalendarSystem);
        binder.forField(serviceName).asRequired(getTranslation("fleet.field.required"))
                .bind(ServerDraft::getServiceName, ServerDraft::setServiceName);
        binder.forField(backendKind).asRequired(getTranslation("fleet.field.required"))
                .bind(ServerDraft::getBackendKind, ServerDraft::setBackendKind);
        binder.forField(backendAddress).bind(ServerDraft::getBackendAddress, ServerDraft::setBackendAddress);
        binder.forField(credentialName).bind(ServerDraft::getCredentialName, ServerDraft::setCredentialName);
        binder.forField(desiredPort)
                .withConverter(Converter.from(this::parsePort, port -> port == null ? "" : String.valueOf(port)))
                .bind(ServerDraft::getDesiredPort, ServerDraft::setDesiredPort);
        binder.forField(notes).bind(ServerDraft::getNotes, ServerDraft::setNotes);
        binder.forField(dominoAgentAddress)
                .bind(ServerDraft::getDominoAgentAddress, ServerDraft::setDominoAgentAddress);
        binder.forField(dominoCredentialName)
                .bind(ServerDraft::getDominoCredentialName, ServerDraft::setDominoCredentialName);
        binder.forField(dominoDebugFlag).asRequired(getTranslation("fleet.field.required"))
                .bind(ServerDraft::getDominoDebugFlag, ServerDraft::setDominoDebugFlag);

        add(hostName, ipAddress, site, exchangeVersion, connectorKind, serviceName, dominoServer, dominoAddress,
                calendarSystem, desiredPort, backendKind, backendAddress, credentialName, dominoAgentAddress,
                dominoCredentialName, dominoDebugFlag, notes);
        setColspan(notes, 2);
    }

    private Result<@Nullable Integer> parsePort(String text) {
        if (text.isBlank()) {
            return Result.ok(null);
        }
        PortCheck check = PortRules.parse(text);
        if (check.isValid()) {
            return Result.ok(check.validPort().orElseThrow().value());
        }
        var refusal = check.refusals().getFirst();
        return Result.error(getTranslation(refusal.messageKey(), refusal.arguments().toArray()));
    }

    private ComboBox<String> credentialChoice(String field, String labelKey, List<String> credentialNames) {
        ComboBox<String> choice = new ComboBox<>(getTranslation(labelKey), credentialNames);
        choice.setId("server-" + field);
        choice.setClearButtonVisible(true);
        choice.setPlaceholder(getTranslation("fleet.field.credentialName.none"));
        fields.put(field, choice);
        return choice;
    }

    /** What the address is for with this backend, or, for one that uses none, that what is typed will not be stored. */
    private void explainAddress(@Nullable BackendKind kind, TextField address) {
        boolean notStored = kind != null && !kind.usesAddress() && !address.getValue().isBlank();
        address.setClassName("not-stored", notStored);
        address.setHelperText(kind == null ? null : notStored
                ? getTranslation("fleet.backendAddress.unused", address.getValue().strip())
                : getTranslation("fleet.field.backendAddress.help." + kind.name().toLowerCase()));
    }

    private TextField text(String field, String labelKey) {
        TextField textField = new TextField(getTranslation(labelKey));
        textField.setId("server-" + field);
        fields.put(field, textField);
        return textField;
    }

    void edit(ServerValues values) {
        binder.readBean(ServerDraft.of(values));
    }

    void editNew() {
        ServerDraft draft = new ServerDraft();
        draft.setServiceName(ExchangeServer.DEFAULT_SERVICE_NAME);
        draft.setConnectorKind(ConnectorKind.LOTUS_DOMINO);
        draft.setBackendKind(BackendKind.SIMULATED);
        draft.setExchangeVersion("2007 SP3");
        draft.setCalendarSystem("ExchangeFreeBusy");
        draft.setDominoDebugFlag(LoadExcalconCommand.DEBUG_ON);
        binder.readBean(draft);
    }

    /** The values typed, or empty when a field-local check fails (its message then shows beside the field). */
    Optional<ServerValues> values() {
        ServerDraft draft = new ServerDraft();
        try {
            binder.writeBean(draft);
            return Optional.of(draft.toValues());
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    void show(List<ServerProblem> problems) {
        for (ServerProblem problem : problems) {
            HasValidation field = fields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(getTranslation(problem.messageKey(), problem.arguments().toArray()));
                field.setInvalid(true);
            }
        }
    }
}
