package org.calconfleet.notification;

import java.util.List;
import org.calconfleet.i18n.StoredMessage;

/** What the audit trail keeps of a notice: to whom it went, which notice it was, and why it did not go. */
final class NoticeValues {

    static StoredMessage to(List<String> addresses) {
        return StoredMessage.of("notification.value.to",
                StoredMessage.listed(addresses.stream().map(StoredMessage::verbatim).toList()));
    }

    /** A notice by its event code ({@code change.awaiting-approval}, {@code drift.new}), shown by its label. */
    static StoredMessage event(String code) {
        return StoredMessage.of("notification.value.event", new StoredMessage.Choice("notification.event." + code));
    }

    static StoredMessage notSent(StoredMessage notice, Exception failure) {
        return StoredMessage.of("notification.reason.notSent", StoredMessage.inner(notice),
                StoredMessage.inner(error(failure)));
    }

    /** The failure by its class name, as an administrator searches the log for it. */
    static StoredMessage error(Exception failure) {
        return StoredMessage.of("notification.value.error", StoredMessage.verbatim(failure.getClass().getSimpleName()));
    }

    private NoticeValues() {
    }
}
