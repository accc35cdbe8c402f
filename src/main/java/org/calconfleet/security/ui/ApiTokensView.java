package org.calconfleet.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.security.ApiTokenInfo;
import org.calconfleet.security.ApiTokenRejectedException;
import org.calconfleet.security.ApiTokenService;
import org.calconfleet.security.IssuedApiToken;
import org.calconfleet.ui.MainLayout;
import org.calconfleet.ui.UserTime;

/**
 * Every user's own API tokens: make one (shown once, in a dialog), see when each was used, revoke one after a
 * confirmation. The administrator sees and revokes everyone's.
 */
@Route(value = "api-tokens", layout = MainLayout.class)
@Menu(title = "nav.apiTokens", order = 95, icon = "vaadin:key")
@PermitAll
class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private final ApiTokenService tokens;
    private final Clock clock;
    private final boolean admin = CurrentUser.role().orElse(null) == Role.ADMIN;
    private final TextField name = new TextField();
    private final DatePicker validUntil = new DatePicker();
    final Grid<ApiTokenInfo> grid = new Grid<>(ApiTokenInfo.class, false);

    ApiTokensView(ApiTokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        setSizeFull();

        name.setLabel(getTranslation("tokens.name"));
        name.setId("token-name");
        name.setMaxLength(64);
        validUntil.setLabel(getTranslation("tokens.expires"));
        validUntil.setId("token-valid-until");
        validUntil.setMin(LocalDate.now(clock.withZone(UserTime.zone())));
        validUntil.setClearButtonVisible(true);
        Button create = new Button(getTranslation("tokens.create"), VaadinIcon.KEY.create(), click -> create());
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, validUntil, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        DateTimeFormatter format = UserTime.dateTime(FormatStyle.MEDIUM, getLocale());
        if (admin) {
            grid.addColumn(ApiTokenInfo::owner).setHeader(getTranslation("tokens.column.owner")).setAutoWidth(true);
        }
        grid.addColumn(ApiTokenInfo::name).setHeader(getTranslation("tokens.column.name")).setAutoWidth(true);
        grid.addColumn(t -> format.format(t.createdAt())).setHeader(getTranslation("tokens.column.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("tokens.notYet") : format.format(t.lastUsedAt()))
                .setHeader(getTranslation("tokens.column.lastUsed")).setAutoWidth(true);
        grid.addColumn(this::expiry).setHeader(getTranslation("tokens.column.expires")).setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setKey("revoke");
        grid.setAllRowsVisible(true);

        add(new Paragraph(getTranslation("tokens.intro")), form, grid);
        if (admin) {
            Anchor swagger = new Anchor("swagger-ui.html", getTranslation("tokens.swagger"), AnchorTarget.BLANK);
            swagger.setRouterIgnore(true);
            swagger.setId("swagger-link");
            add(swagger);
        }
        refresh();
    }

    private void create() {
        LocalDate lastDay = validUntil.getValue();
        Instant expiresAt = lastDay == null ? null
                : lastDay.plusDays(1).atStartOfDay(UserTime.zone()).toInstant();
        try {
            IssuedApiToken issued = tokens.create(name.getValue(), expiresAt);
            name.clear();
            validUntil.clear();
            name.setInvalid(false);
            refresh();
            showOnce(issued);
        } catch (ApiTokenRejectedException e) {
            HasValidation field = e.field().equals("name") ? name : validUntil;
            field.setErrorMessage(getTranslation(e.messageKey()));
            field.setInvalid(true);
        }
    }

    private void showOnce(IssuedApiToken issued) {
        Dialog dialog = new Dialog(getTranslation("tokens.secret"));
        TextField secret = new TextField();
        secret.setId("token-secret");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidth("32em");
        secret.setAriaLabel(getTranslation("tokens.secret"));
        Button copy = new Button(getTranslation("tokens.copy"), VaadinIcon.COPY.create(), click -> {
            click.getSource().getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)",
                    issued.secret());
            Notification.show(getTranslation("tokens.copied"));
        });
        dialog.add(new Paragraph(getTranslation("tokens.created", issued.info().name())), secret);
        Button close = new Button(getTranslation("tokens.close"), click -> dialog.close());
        close.setId("token-secret-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(copy, close);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    private Button revokeButton(ApiTokenInfo token) {
        Button revoke = new Button(getTranslation("tokens.revoke"), click -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setAriaLabel(getTranslation("tokens.revoke") + " " + token.name());
        return revoke;
    }

    private void confirmRevoke(ApiTokenInfo token) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("tokens.revoke.title", token.name()));
        dialog.setText(getTranslation("tokens.revoke.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("tokens.revoke.cancel"));
        dialog.setConfirmText(getTranslation("tokens.revoke"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirm -> {
            tokens.revoke(token.id());
            Notification.show(getTranslation("tokens.revoked", token.name()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        dialog.open();
    }

    private String expiry(ApiTokenInfo token) {
        if (token.expiresAt() == null) {
            return getTranslation("tokens.never");
        }
        String when = UserTime.date(getLocale()).format(token.expiresAt().minusSeconds(1));
        return token.isExpiredAt(clock.instant()) ? when + " (" + getTranslation("tokens.expired") + ")" : when;
    }

    private void refresh() {
        grid.setItems(admin ? tokens.everyone() : tokens.mine());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.apiTokens");
    }
}
