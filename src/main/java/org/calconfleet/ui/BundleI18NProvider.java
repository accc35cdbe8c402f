package org.calconfleet.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.calconfleet.i18n.Messages;
import org.springframework.stereotype.Component;

@Component
class BundleI18NProvider implements I18NProvider {

    private final Messages messages;

    BundleI18NProvider(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.get(key, locale, params);
    }
}
