package org.calconfleet.server.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.policy.PolicyService;
import org.calconfleet.rollout.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

class ServerDetailViewTest extends KaribuSpringTest {

    @Autowired
    FleetService fleet;
    @Autowired
    CredentialService credentials;
    @Autowired
    PolicyService policies;
    @Autowired
    AuditTrail audit;
    @Autowired
    Messages messages;

    private long idOf(String host) {
        return fleet.list(new ServerFilter(host, null), Pageable.ofSize(1)).getFirst().getId();
    }

    @Test
    void helpdesk_reads_port_firewall_plan_and_domino_commands_but_has_no_button_that_changes_anything() {
        signIn("helpdesk", Role.HELPDESK);
        long id = idOf("TKY-EXC03");
        UI.getCurrent().navigate(ServerDetailView.class, id);

        assertThat(_get(Pre.class, spec -> spec.withId("domino-command-0")).getText()).isEqualTo("Excalcon q");
        assertThat(_get(Pre.class, spec -> spec.withId("domino-command-1")).getText())
                .isEqualTo("LOAD EXCALCON TKY-EXC03 ExchangeFreeBusy 45001 45001 1");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("domino-reload-path"))
                .getText()).isEqualTo("EXCALCON after a change: reloaded by the simulated Domino server (demo).");
        assertThat(_get(Pre.class, spec -> spec.withId("netsh-commands")).getText())
                .contains("netsh advfirewall firewall add rule", "45001");
        @SuppressWarnings("unchecked")
        Grid<Object> firewall = _get(Grid.class, spec -> spec.withId("firewall-table"));
        assertThat(GridKt._size(firewall)).isPositive();
        _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("firewall-csv"));
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class)).extracting(p -> p.getText())
                .as("a server never changed says so instead of an empty timeline")
                .contains("No port change has been carried out on this server yet.");
        assertThat(_find(Button.class)).extracting(Button::getId)
                .noneMatch(idValue -> idValue.filter(v -> v.equals("server-edit") || v.equals("server-delete"))
                        .isPresent());
    }

    @Test
    void the_history_shows_stored_values_in_the_readers_language_and_a_sentence_stored_before_as_it_was() {
        String subject = AuditSubject.server("TKY-EXC02");
        audit.record(AuditEvent.of("operator", AuditAction.SERVER_UPDATED, subject)
                .change("desiredPort=0", "desiredPort=45001"));
        audit.record(AuditEvent.of("operator", AuditAction.SERVER_UPDATED, subject)
                .change(desiredPort(45001), desiredPort(45002)).because(StoredMessage.of("fleet.reason.tokenMoved")));
        signIn("auditor", Role.AUDITOR);
        UI.getCurrent().setLocale(Locale.JAPANESE);

        UI.getCurrent().navigate(ServerDetailView.class, idOf("TKY-EXC02"));

        @SuppressWarnings("unchecked")
        Grid<Object> history = _get(Grid.class, spec -> spec.withId("server-history"));
        String label = messages.get("fleet.field.desiredPort", Locale.JAPANESE);
        assertThat(GridKt._getFormattedRow(history, 0).subList(2, 6)).containsExactly(
                messages.get(AuditAction.SERVER_UPDATED.messageKey(), Locale.JAPANESE), label + ": 45001",
                label + ": 45002", messages.get("fleet.reason.tokenMoved", Locale.JAPANESE));
        assertThat(GridKt._getFormattedRow(history, 1).subList(3, 5))
                .containsExactly("desiredPort=0", "desiredPort=45001");
    }

    private static StoredMessage desiredPort(int port) {
        return StoredMessage.of("fleet.value.fields", StoredMessage.listed(List.of(StoredMessage.inner(StoredMessage.of(
                "fleet.value.field", new StoredMessage.Choice("fleet.field.desiredPort"), StoredMessage.port(port))))));
    }

    @Test
    void an_operator_sees_edit_and_delete() {
        signIn("operator", Role.OPERATOR);
        UI.getCurrent().navigate(ServerDetailView.class, idOf("OSA-EXC04"));

        assertThat(List.of(_get(Button.class, spec -> spec.withId("server-edit")),
                _get(Button.class, spec -> spec.withId("server-delete"))))
                .allSatisfy(button -> assertThat(button.isEnabled()).as(button.getId().orElseThrow()).isTrue());
    }

    @Test
    void an_operator_chooses_the_agent_token_credential_in_the_editor_and_the_page_names_it() {
        Users.as("admin", Role.ADMIN, () -> credentials.create("agent-osa-exc06", CredentialKind.AGENT_TOKEN, null,
                "editor-token-0123456789abcdefghijklmnopqrst"));
        signIn("operator", Role.OPERATOR);
        long id = idOf("OSA-EXC06");
        UI.getCurrent().navigate(ServerDetailView.class, id);

        _click(_get(Button.class, spec -> spec.withId("server-edit")));
        @SuppressWarnings("unchecked")
        ComboBox<BackendKind> kind = _get(ComboBox.class, spec -> spec.withLabel("Backend"));
        kind.setValue(BackendKind.AGENT);
        TextField address = _get(TextField.class, spec -> spec.withId("server-backendAddress"));
        address.setValue("https://osa-exc06.corp.example:8443 sha256=" + "ab".repeat(32)
                + " token=editor-token-0123456789abcdefghijklmnopqrst");
        @SuppressWarnings("unchecked")
        ComboBox<String> credential = _get(ComboBox.class, spec -> spec.withId("server-credentialName"));
        assertThat(ComboBoxKt.getSuggestions(credential)).contains("agent-osa-exc06");
        credential.setValue("agent-osa-exc06");
        _click(_get(Button.class, spec -> spec.withId("server-save")));
        assertThat(address.getErrorMessage()).as("a token in the address is refused")
                .startsWith("an agent token does not belong in the address");

        address.setValue("https://osa-exc06.corp.example:8443 sha256=" + "ab".repeat(32));
        _click(_get(Button.class, spec -> spec.withId("server-save")));

        assertThat(fleet.find(id).orElseThrow().getCredentialName()).isEqualTo("agent-osa-exc06");
        assertThat(BasicUtilsKt.get_textRecursively(_get(ServerDetailView.class))).contains("agent-osa-exc06");

        Span fingerprint = _get(Span.class, spec -> spec.withId("backend-fingerprint"));
        assertThat(fingerprint.getText()).isEqualTo("sha256=" + "ab".repeat(32));
        assertThat(fingerprint.getClassNames()).contains("fingerprint");
        Button copy = _get(Button.class, spec -> spec.withId("backend-fingerprint-copy"));
        assertThat(copy.getElement().getAttribute("aria-label")).isEqualTo("Copy: sha256=" + "ab".repeat(32));
        _click(copy);
        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text", ""))
                .contains("Copied to the clipboard.");
    }

    @Test
    void an_operator_moves_a_server_to_the_rpc_path_with_a_windows_account_and_the_page_says_how_it_is_reached() {
        Users.as("admin", Role.ADMIN, () -> credentials.create("osa-exchange-admins", CredentialKind.WINDOWS_ACCOUNT,
                "CORP\\calcon-svc", "rpc-path-test-password"));
        signIn("operator", Role.OPERATOR);
        long id = idOf("OSA-EXC07");
        UI.getCurrent().navigate(ServerDetailView.class, id);

        _click(_get(Button.class, spec -> spec.withId("server-edit")));
        @SuppressWarnings("unchecked")
        ComboBox<BackendKind> kind = _get(ComboBox.class, spec -> spec.withLabel("Backend"));
        kind.setValue(BackendKind.RPC);
        TextField address = _get(TextField.class, spec -> spec.withId("server-backendAddress"));
        assertThat(address.getHelperText()).isEqualTo("host, host:port or [IPv6]:port (SMB, TCP 445 by default); empty:"
                + " the host name");
        address.setValue("");
        @SuppressWarnings("unchecked")
        ComboBox<String> credential = _get(ComboBox.class, spec -> spec.withId("server-credentialName"));
        credential.setValue("osa-exchange-admins");
        _click(_get(Button.class, spec -> spec.withId("server-save")));

        assertThat(fleet.find(id).orElseThrow().getBackendKind()).isEqualTo(BackendKind.RPC);
        String page = BasicUtilsKt.get_textRecursively(_get(ServerDetailView.class));
        assertThat(page).contains("the Windows wire protocols over SMB, TCP 445", "osa-exchange-admins")
                .doesNotContain("not usable from this console", "rpc-path-test-password");
        @SuppressWarnings("unchecked")
        Grid<java.util.List<String>> firewall = _get(Grid.class, spec -> spec.withId("firewall-table"));
        assertThat(GridKt._findAll(firewall)).as("the console's own way in")
                .anyMatch(row -> row.contains("445") && row.contains("Console management over SMB: registry, service"
                        + " control, event log"));
    }

    @Test
    void an_operator_gives_the_domino_partner_an_agent_and_the_page_says_it_reloads_excalcon_instead_of_the_runbook() {
        String token = "domino-editor-token-0123456789abcdefghijk";
        Users.as("admin", Role.ADMIN, () -> {
            credentials.create("osa-admins-dom", CredentialKind.WINDOWS_ACCOUNT, "CORP\\calcon-svc",
                    "domino-editor-test-password");
            return credentials.create("agent-osa-dom07", CredentialKind.AGENT_TOKEN, null, token);
        });
        signIn("operator", Role.OPERATOR);
        long id = idOf("OSA-EXC14");
        UI.getCurrent().navigate(ServerDetailView.class, id);
        _click(_get(Button.class, spec -> spec.withId("server-edit")));
        @SuppressWarnings("unchecked")
        ComboBox<BackendKind> kind = _get(ComboBox.class, spec -> spec.withLabel("Backend"));
        kind.setValue(BackendKind.RPC);
        _get(TextField.class, spec -> spec.withId("server-backendAddress")).setValue("");
        @SuppressWarnings("unchecked")
        ComboBox<String> credential = _get(ComboBox.class, spec -> spec.withId("server-credentialName"));
        credential.setValue("osa-admins-dom");
        _click(_get(Button.class, spec -> spec.withId("server-save")));

        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("domino-reload-path"))
                .getText()).isEqualTo("EXCALCON after a change: manual runbook: the operator confirms.");

        _click(_get(Button.class, spec -> spec.withId("server-edit")));
        TextField dominoAgent = _get(TextField.class, spec -> spec.withId("server-dominoAgentAddress"));
        dominoAgent.setValue("https://osa-dom07.corp.example:8443 sha256=" + "ef".repeat(32));
        @SuppressWarnings("unchecked")
        ComboBox<String> dominoCredential = _get(ComboBox.class, spec -> spec.withId("server-dominoCredentialName"));
        @SuppressWarnings("unchecked")
        ComboBox<Integer> debugFlag = _get(ComboBox.class, spec -> spec.withId("server-dominoDebugFlag"));
        assertThat(debugFlag.getValue()).as("the procedure's example").isEqualTo(1);
        assertThat(ComboBoxKt.getSuggestions(debugFlag)).containsExactly("1 — debug output on (as in the procedure)",
                "0 — debug output off");
        debugFlag.setValue(0);
        _click(_get(Button.class, spec -> spec.withId("server-save")));
        assertThat(dominoCredential.getErrorMessage()).as("an agent without its token")
                .startsWith("the Domino agent logs on with its token");
        dominoCredential.setValue("osa-admins-dom");
        _click(_get(Button.class, spec -> spec.withId("server-save")));
        assertThat(dominoCredential.getErrorMessage()).isEqualTo("credential osa-admins-dom is not an agent token");
        dominoCredential.setValue("agent-osa-dom07");
        _click(_get(Button.class, spec -> spec.withId("server-save")));

        ExchangeServer saved = fleet.find(id).orElseThrow();
        assertThat(saved.getDominoAgentAddress()).startsWith("https://osa-dom07.corp.example:8443");
        assertThat(saved.getDominoCredentialName()).isEqualTo("agent-osa-dom07");
        assertThat(saved.getDominoDebugFlag()).isZero();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("domino-reload-path"))
                .getText()).isEqualTo("EXCALCON after a change: reloaded by the Domino agent at"
                        + " https://osa-dom07.corp.example:8443.");
        assertThat(_get(Pre.class, spec -> spec.withId("domino-command-1")).getText())
                .isEqualTo("LOAD EXCALCON OSA-EXC14 ExchangeFreeBusy 45002 45002 0");
        assertThat(BasicUtilsKt.get_textRecursively(_get(ServerDetailView.class))).contains("agent-osa-dom07")
                .doesNotContain(token, "domino-editor-test-password");
    }

    @Test
    void a_desired_port_the_port_policy_forbids_is_an_error_beside_the_field_and_nothing_is_saved() {
        signIn("operator", Role.OPERATOR);
        long id = idOf("OSA-EXC13");
        Integer stored = fleet.find(id).orElseThrow().getDesiredPort();
        UI.getCurrent().navigate(ServerDetailView.class, id);
        _click(_get(Button.class, spec -> spec.withId("server-edit")));

        TextField port = _get(TextField.class, spec -> spec.withId("server-desiredPort"));
        port.setValue("1025");
        _click(_get(Button.class, spec -> spec.withId("server-save")));

        assertThat(port.isInvalid()).isTrue();
        assertThat(port.getErrorMessage()).isEqualTo("1025 is outside the port policy's ranges: "
                + policies.enforced().ports().rangesText());
        assertThat(fleet.find(id).orElseThrow().getDesiredPort()).isEqualTo(stored);
    }

    @Test
    void an_address_typed_for_a_simulated_host_is_flagged_as_not_stored_and_the_save_clears_it() {
        signIn("operator", Role.OPERATOR);
        long id = idOf("TKY-EXC12");
        UI.getCurrent().navigate(ServerDetailView.class, id);
        _click(_get(Button.class, spec -> spec.withId("server-edit")));
        TextField address = _get(TextField.class, spec -> spec.withId("server-backendAddress"));
        assertThat(address.getHelperText()).isEqualTo("Not used by a simulated host");

        address.setValue("osa-exc14.corp.example");

        assertThat(address.getHelperText())
                .isEqualTo("a simulated host uses no address: “osa-exc14.corp.example” is not stored");
        assertThat(address.hasClassName("not-stored")).isTrue();
        _click(_get(Button.class, spec -> spec.withId("server-save")));
        assertThat(fleet.find(id).orElseThrow().getBackendAddress()).isNull();
    }

    @Test
    void a_windows_server_page_on_a_console_that_is_not_on_windows_says_the_path_is_not_usable_and_suggests_rpc() {
        signIn("operator", Role.OPERATOR);
        long id = idOf("OSA-EXC08");
        UI.getCurrent().navigate(ServerDetailView.class, id);
        _click(_get(Button.class, spec -> spec.withId("server-edit")));
        @SuppressWarnings("unchecked")
        ComboBox<BackendKind> kind = _get(ComboBox.class, spec -> spec.withLabel("Backend"));
        kind.setValue(BackendKind.WINDOWS);
        _get(TextField.class, spec -> spec.withId("server-backendAddress")).setValue("osa-exc08.corp.example");
        _click(_get(Button.class, spec -> spec.withId("server-save")));

        assertThat(BasicUtilsKt.get_textRecursively(_get(ServerDetailView.class)))
                .contains("not usable from this console: needs a console running on Windows (this one runs on "
                        + System.getProperty("os.name") + "): choose the RPC backend");
    }

    @Test
    void fix_drift_opens_the_change_wizard_with_the_server_and_its_desired_port() {
        signIn("operator", Role.OPERATOR);
        long id = idOf("TKY-EXC05");
        UI.getCurrent().navigate(ServerDetailView.class, id);

        _get(Button.class, spec -> spec.withId("server-fix-drift")).click();

        var location = UI.getCurrent().getInternals().getActiveViewLocation();
        assertThat(location.getPath()).isEqualTo("changes/new");
        assertThat(location.getQueryParameters().getParameters())
                .containsEntry("servers", java.util.List.of(String.valueOf(id)))
                .containsEntry("port", java.util.List.of("45001"));
        assertThat(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("wizard-port"))
                .getValue()).isEqualTo("45001");
    }
}
