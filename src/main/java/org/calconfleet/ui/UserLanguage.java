package org.calconfleet.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.calconfleet.i18n.Messages;
import org.calconfleet.security.UserService;
import org.springframework.stereotype.Component;

/** A signed-in user's chosen language wins over the browser's; without a choice the browser's applies. */
@Component
class UserLanguage implements VaadinServiceInitListener {

    private final UserService userService;

    UserLanguage(UserService userService) {
        this.userService = userService;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> userService.currentUser()
                .map(user -> user.getLanguage())
                .ifPresent(language -> {
                    Locale locale = Messages.supportedOrEnglish(Locale.forLanguageTag(language));
                    init.getUI().getSession().setLocale(locale);
                    init.getUI().setLocale(locale);
                }));
    }
}
