package org.calconfleet.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.format.FormatStyle;
import org.calconfleet.notification.WebhookRefusedException;
import org.calconfleet.notification.WebhookSettings;
import org.calconfleet.notification.WebhookSettingsView;
import org.calconfleet.ui.UserTime;

/** The policy's webhook: URL and shared secret. The secret field is write-only and empty whenever it is shown. */
class WebhookPanel extends VerticalLayout {

    private final WebhookSettings settings;
    private final TextField url = new TextField();
    private final PasswordField secret = new PasswordField();
    private final Span state = new Span();

    WebhookPanel(WebhookSettings settings) {
        this.settings = settings;
        setPadding(false);
        setId("webhook");
        url.setLabel(getTranslation("webhook.url"));
        url.setHelperText(getTranslation("webhook.url.help"));
        url.setMaxLength(WebhookSettings.URL_MAX);
        url.setWidthFull();
        url.setId("webhook-url");
        url.addValueChangeListener(change -> url.setInvalid(false));
        secret.setLabel(getTranslation("webhook.secret"));
        secret.setHelperText(getTranslation("webhook.secret.help", WebhookSettings.SECRET_MIN));
        secret.setMaxLength(WebhookSettings.SECRET_MAX);
        secret.setRevealButtonVisible(false);
        secret.setAutocomplete(Autocomplete.NEW_PASSWORD);
        secret.setWidthFull();
        secret.setId("webhook-secret");
        secret.addValueChangeListener(change -> secret.setInvalid(false));
        state.setId("webhook-state");
        Button save = new Button(getTranslation("webhook.save"), VaadinIcon.CHECK.create(), click -> save());
        save.setId("webhook-save");
        add(new H3(getTranslation("webhook.title")), new Paragraph(getTranslation("webhook.intro")), url, secret, state,
                save);
        show(settings.current());
    }

    private void save() {
        try {
            show(settings.save(url.getValue(), secret.getValue()));
            Notification.show(getTranslation("webhook.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (WebhookRefusedException refused) {
            String message = getTranslation(refused.messageKey(), refused.arguments().toArray());
            boolean aboutSecret = refused.messageKey().startsWith("webhook.error.secret");
            (aboutSecret ? secret : url).setErrorMessage(message);
            (aboutSecret ? secret : url).setInvalid(true);
        }
    }

    private void show(WebhookSettingsView current) {
        url.setValue(current.url() == null ? "" : current.url());
        secret.clear();
        String set = getTranslation(current.secretSet() ? "webhook.secret.set" : "webhook.secret.none");
        state.setText(current.changedAt() == null || current.changedBy() == null ? set
                : set + " " + getTranslation("webhook.lastChanged", current.changedBy(),
                        UserTime.dateTime(FormatStyle.MEDIUM, getLocale()).format(current.changedAt())));
    }
}
