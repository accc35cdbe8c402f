package org.calconfleet.change.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Locale;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.i18n.Messages;
import org.calconfleet.ui.UserTime;

/** A change action the console refused, said in the reader's language and time zone, long enough to be read. */
public final class RefusalNotice {

    private RefusalNotice() {
    }

    public static void show(Messages messages, ChangeRefusedException refused, Locale locale) {
        Notification notice = Notification.show(messages.render(refused.refusal(), locale, UserTime.zone()));
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notice.setDuration(8_000);
    }
}
