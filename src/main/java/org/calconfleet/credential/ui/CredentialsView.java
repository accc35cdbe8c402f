package org.calconfleet.credential.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import org.calconfleet.access.Role;
import org.calconfleet.credential.CredentialInfo;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialProblem;
import org.calconfleet.credential.CredentialRejectedException;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.ui.MainLayout;
import org.calconfleet.ui.UserTime;
import org.jspecify.annotations.Nullable;

/**
 * The vault for the administrator: what credentials exist and when they were used, never a secret. A secret is
 * typed once into a password field, sealed, and from then on only replaced (rotated), never shown.
 */
@Route(value = "credentials", layout = MainLayout.class)
@Menu(title = "nav.credentials", order = 92, icon = "vaadin:lock")
@RolesAllowed(Role.ADMIN_NAME)
class CredentialsView extends VerticalLayout implements HasDynamicTitle {

    private final CredentialService credentials;
    final Grid<CredentialInfo> grid = new Grid<>(CredentialInfo.class, false);

    CredentialsView(CredentialService credentials) {
        this.credentials = credentials;
        setSizeFull();
        Button add = new Button(getTranslation("credential.add"), VaadinIcon.PLUS.create(), click -> openCreate());
        add.setId("credential-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        DateTimeFormatter format = UserTime.dateTime(FormatStyle.MEDIUM, getLocale());
        grid.addColumn(CredentialInfo::name).setHeader(getTranslation("credential.column.name")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.kind().messageKey())).setHeader(getTranslation("credential.column.kind"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.account() == null ? "" : c.account())
                .setHeader(getTranslation("credential.column.account")).setAutoWidth(true);
        grid.addColumn(c -> c.createdBy() + " · " + format.format(c.createdAt()))
                .setHeader(getTranslation("credential.column.created")).setAutoWidth(true);
        grid.addColumn(c -> when(format, c.lastUsedAt())).setHeader(getTranslation("credential.column.lastUsed"))
                .setAutoWidth(true);
        grid.addColumn(c -> when(format, c.lastRotatedAt()))
                .setHeader(getTranslation("credential.column.lastRotated")).setAutoWidth(true);
        // Auto width does not measure buttons: the column takes the width of its two buttons and never shrinks.
        grid.addComponentColumn(this::actions).setKey("actions").setWidth("13em").setFlexGrow(0);
        grid.setAllRowsVisible(true);

        add(new Paragraph(getTranslation("credential.intro")), add, grid);
        refresh();
    }

    private String when(DateTimeFormatter format, @Nullable Instant at) {
        return at == null ? getTranslation("credential.never") : format.format(at);
    }

    private HorizontalLayout actions(CredentialInfo credential) {
        Button rotate = new Button(getTranslation("credential.rotate"), click -> openRotate(credential));
        rotate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        rotate.setAriaLabel(getTranslation("credential.rotate") + " " + credential.name());
        rotate.setId("credential-rotate-" + credential.name());
        Button delete = new Button(getTranslation("credential.delete"), click -> confirmDelete(credential));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setAriaLabel(getTranslation("credential.delete") + " " + credential.name());
        delete.setId("credential-delete-" + credential.name());
        return new HorizontalLayout(rotate, delete);
    }

    private void openCreate() {
        Dialog dialog = new Dialog(getTranslation("credential.add"));
        TextField name = new TextField(getTranslation("credential.column.name"));
        name.setId("credential-name");
        name.setHelperText(getTranslation("credential.name.help"));
        Select<CredentialKind> kind = new Select<>();
        kind.setLabel(getTranslation("credential.column.kind"));
        kind.setId("credential-kind");
        kind.setItems(CredentialKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        TextField account = new TextField(getTranslation("credential.column.account"));
        account.setId("credential-account");
        account.setPlaceholder("CORP\\svc-calcon");
        PasswordField secret = secretField("credential-secret");
        kind.addValueChangeListener(change -> {
            account.setVisible(change.getValue() == CredentialKind.WINDOWS_ACCOUNT);
            secret.setLabel(getTranslation(secretLabel(change.getValue())));
        });
        kind.setValue(CredentialKind.WINDOWS_ACCOUNT);
        Map<String, HasValidation> fields = Map.of("name", name, "account", account, "secret", secret);

        Button save = new Button(getTranslation("credential.save"), click -> {
            try {
                CredentialInfo created = credentials.create(name.getValue(), kind.getValue(), account.getValue(),
                        secret.getValue());
                dialog.close();
                notifySuccess(getTranslation("credential.created", created.name()));
                refresh();
            } catch (CredentialRejectedException e) {
                show(e, fields);
            }
        });
        save.setId("credential-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(name, kind, account, secret));
        dialog.getFooter().add(new Button(getTranslation("credential.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void openRotate(CredentialInfo credential) {
        Dialog dialog = new Dialog(getTranslation("credential.rotate.title", credential.name()));
        PasswordField secret = secretField("credential-new-secret");
        secret.setLabel(getTranslation(secretLabel(credential.kind())));
        Button save = new Button(getTranslation("credential.rotate"), click -> {
            try {
                credentials.rotate(credential.name(), secret.getValue());
                dialog.close();
                notifySuccess(getTranslation("credential.rotated", credential.name()));
                refresh();
            } catch (CredentialRejectedException e) {
                show(e, Map.of("secret", secret));
            }
        });
        save.setId("credential-rotate-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("credential.rotate.text")), secret);
        dialog.getFooter().add(new Button(getTranslation("credential.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(CredentialInfo credential) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("credential.delete.title", credential.name()));
        dialog.setText(getTranslation("credential.delete.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("credential.cancel"));
        dialog.setConfirmText(getTranslation("credential.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirm -> {
            try {
                credentials.delete(credential.name());
                notifySuccess(getTranslation("credential.deleted", credential.name()));
            } catch (CredentialRejectedException e) {
                Notification refused = Notification.show(message(e.problems().getFirst()));
                refused.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        dialog.open();
    }

    /** Write-only: empty when it opens, no reveal button, and nothing here ever puts a stored secret into it. */
    private PasswordField secretField(String id) {
        PasswordField secret = new PasswordField();
        secret.setId(id);
        secret.setRevealButtonVisible(false);
        secret.setHelperText(getTranslation("credential.secret.help"));
        return secret;
    }

    private static String secretLabel(@Nullable CredentialKind kind) {
        return kind == CredentialKind.AGENT_TOKEN ? "credential.secret.token" : "credential.secret.password";
    }

    private void show(CredentialRejectedException e, Map<String, HasValidation> fields) {
        for (CredentialProblem problem : e.problems()) {
            HasValidation field = fields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(message(problem));
                field.setInvalid(true);
            }
        }
    }

    private String message(CredentialProblem problem) {
        return getTranslation(problem.messageKey(), problem.arguments().toArray());
    }

    private void notifySuccess(String text) {
        Notification.show(text).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refresh() {
        grid.setItems(credentials.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.credentials");
    }
}
