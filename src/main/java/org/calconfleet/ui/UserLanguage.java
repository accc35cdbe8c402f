package org.calconfleet.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.calconfleet.i18n.Messages;
import org.springframework.stereotype.Component;

/** A signed-in user's chosen language wins over the browser's; without a choice the browser's applies. */
@Component
class UserLanguage implements VaadinServiceInitListener {

    private final UserPreferences preferences;

    UserLanguage(UserPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> preferences.signedIn()
                .map(user -> user.language())
                .ifPresent(language -> {
                    Locale locale = Messages.supportedOrEnglish(Locale.forLanguageTag(language));
                    init.getUI().getSession().setLocale(locale);
                    init.getUI().setLocale(locale);
                }));
    }
}
