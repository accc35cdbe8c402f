package org.calconfleet.siem;

import java.util.Locale;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.i18n.Messages;
import org.springframework.stereotype.Component;

/** An audit entry as a sentence for people reading the SIEM: what happened, to what, by whom, and what changed. */
@Component
class AuditSentence {

    private final Messages messages;

    AuditSentence(Messages messages) {
        this.messages = messages;
    }

    String of(AuditEntry entry, Locale language) {
        StringBuilder text = new StringBuilder(messages.get("siem.message", language,
                messages.get(entry.getAction().messageKey(), language), entry.getSubject(), entry.getActor()));
        if (entry.getBefore() != null) {
            text.append(messages.get("siem.message.before", language, entry.getBefore()));
        }
        if (entry.getAfter() != null) {
            text.append(messages.get("siem.message.after", language, entry.getAfter()));
        }
        if (entry.getReason() != null) {
            text.append(messages.get("siem.message.reason", language, entry.getReason()));
        }
        return text.toString();
    }
}
