package org.calconfleet.credential.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialSecrets;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.rollout.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

class CredentialsViewTest extends KaribuSpringTest {

    static final String PASSWORD = "Kara-Windows-Secret-4471";

    @Autowired
    CredentialService credentials;
    @Autowired
    CredentialSecrets secrets;
    @Autowired
    FleetService fleet;

    @Test
    void the_administrator_stores_a_windows_account_whose_password_the_page_never_shows_again() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("credentials");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Credentials");

        _click(_get(Button.class, spec -> spec.withId("credential-add")));
        _get(TextField.class, spec -> spec.withId("credential-name")).setValue("svc-view");
        _get(TextField.class, spec -> spec.withId("credential-account")).setValue("CORP\\svc-view");
        PasswordField secret = _get(PasswordField.class, spec -> spec.withId("credential-secret"));
        assertThat(secret.isRevealButtonVisible()).isFalse();
        secret.setValue(PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("credential-save")));

        assertThat(_find(PasswordField.class)).isEmpty();
        assertThat(notificationTexts()).contains("Credential svc-view stored");
        var grid = _get(CredentialsView.class).grid;
        int row = rowOf(grid, "svc-view");
        assertThat(GridKt._getFormattedRow(grid, row)).contains("svc-view", "Windows account", "CORP\\svc-view",
                "never");
        assertThat(BasicUtilsKt.get_textRecursively(UI.getCurrent())).doesNotContain(PASSWORD);
        assertThat(UI.getCurrent().getElement().getOuterHTML()).doesNotContain(PASSWORD);
        assertThat(secrets.windowsAccount("svc-view").password()).isEqualTo(PASSWORD);
    }

    @Test
    void rotating_opens_an_empty_field_and_replaces_the_secret() {
        Users.as("admin", Role.ADMIN, () -> credentials.create("agent-rotate", CredentialKind.AGENT_TOKEN, null,
                "first-token-0123456789abcdefghijklmnopqrstu"));
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("credentials");

        _click(action("agent-rotate", "credential-rotate-agent-rotate"));
        PasswordField secret = _get(PasswordField.class, spec -> spec.withId("credential-new-secret"));
        assertThat(secret.getValue()).isEmpty();
        assertThat(secret.getLabel()).isEqualTo("Token");
        secret.setValue("second-token-0123456789abcdefghijklmnopqrs");
        _click(_get(Button.class, spec -> spec.withId("credential-rotate-save")));

        assertThat(secrets.agentToken("agent-rotate").value()).isEqualTo("second-token-0123456789abcdefghijklmnopqrs");
        var grid = _get(CredentialsView.class).grid;
        assertThat(GridKt._getFormattedRow(grid, rowOf(grid, "agent-rotate")).get(5)).as("last rotated")
                .isNotEqualTo("never");
    }

    @Test
    void a_credential_in_use_is_not_deleted_and_an_unused_one_is_after_confirming() {
        Users.as("admin", Role.ADMIN, () -> {
            credentials.create("agent-in-use", CredentialKind.AGENT_TOKEN, null, "in-use-token-0123456789abcdefghijklmn");
            credentials.create("agent-unused", CredentialKind.AGENT_TOKEN, null, "unused-token-0123456789abcdefghijkl");
            var server = fleet.list(new ServerFilter("TKY-EXC01", null), Pageable.ofSize(1)).getFirst();
            ServerValues before = ServerValues.of(server);
            fleet.update(server.getId(), server.getVersion(), before, new ServerValues(before.hostName(),
                    before.ipAddress(), before.site(), before.exchangeVersion(), before.connectorKind(),
                    before.dominoServer(), before.dominoAddress(), before.calendarSystem(), before.serviceName(),
                    before.backendKind(), before.backendAddress(), "agent-in-use", before.desiredPort(),
                    before.notes(), null, null, 1));
        });
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("credentials");

        _click(action("agent-in-use", "credential-delete-agent-in-use"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(notificationTexts()).anySatisfy(text ->
                assertThat(text).contains("agent-in-use is used by 1 server(s): TKY-EXC01"));

        _click(action("agent-unused", "credential-delete-agent-unused"));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Delete credential agent-unused?");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(Users.as("admin", Role.ADMIN, () -> credentials.names())).contains("agent-in-use")
                .doesNotContain("agent-unused");
    }

    @Test
    void a_refused_credential_keeps_the_dialog_open_with_the_reason_beside_each_field() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("credentials");

        _click(_get(Button.class, spec -> spec.withId("credential-add")));
        _get(TextField.class, spec -> spec.withId("credential-name")).setValue("bad name");
        TextField account = _get(TextField.class, spec -> spec.withId("credential-account"));
        account.setValue("no-domain");
        _click(_get(Button.class, spec -> spec.withId("credential-save")));

        assertThat(account.getErrorMessage())
                .isEqualTo("write the account as DOMAIN\\user (.\\user for an account of the host itself)");
        assertThat(_get(PasswordField.class, spec -> spec.withId("credential-secret")).isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("credential-name")).isInvalid()).isTrue();

        @SuppressWarnings("unchecked")
        Select<CredentialKind> kind = _get(Select.class, spec -> spec.withId("credential-kind"));
        kind.setValue(CredentialKind.AGENT_TOKEN);
        assertThat(account.isVisible()).isFalse();
    }

    @Test
    void nobody_but_the_administrator_opens_the_vault() {
        for (Role role : new Role[] {Role.OPERATOR, Role.AUDITOR, Role.HELPDESK}) {
            signIn(role.name().toLowerCase(), role);
            UI.getCurrent().navigate("");
            assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Credentials");
            assertThat(refusedAt("credentials")).as(role.name()).isTrue();
        }
    }

    private static java.util.List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text", "")).toList();
    }

    /** A row's button: the grid renders its component column outside the component tree Karibu searches. */
    private static Button action(String credential, String id) {
        var grid = _get(CredentialsView.class).grid;
        var actions = GridKt._getCellComponent(grid, rowOf(grid, credential), "actions");
        return actions.getChildren().map(Button.class::cast).filter(b -> b.getId().orElse("").equals(id))
                .findFirst().orElseThrow();
    }

    private static int rowOf(com.vaadin.flow.component.grid.Grid<?> grid, String name) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._getFormattedRow(grid, i).getFirst().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no row " + name);
    }
}
