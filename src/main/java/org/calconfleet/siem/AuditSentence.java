package org.calconfleet.siem;

import java.time.ZoneOffset;
import java.util.Locale;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.i18n.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** An audit entry as a sentence for people reading the SIEM: what happened, to what, by whom, and what changed. */
@Component
class AuditSentence {

    private final Messages messages;

    AuditSentence(Messages messages) {
        this.messages = messages;
    }

    /** Times in UTC: a SIEM collects from many places, and the syslog header carries the entry's time in UTC. */
    String of(AuditEntry entry, Locale language) {
        StringBuilder text = new StringBuilder(messages.get("siem.message", language,
                messages.get(entry.getAction().messageKey(), language), entry.getSubject(), entry.getActor()));
        if (entry.getBefore() != null) {
            text.append(messages.get("siem.message.before", language, render(entry.getBefore(), language)));
        }
        if (entry.getAfter() != null) {
            text.append(messages.get("siem.message.after", language, render(entry.getAfter(), language)));
        }
        if (entry.getReason() != null) {
            text.append(messages.get("siem.message.reason", language, render(entry.getReason(), language)));
        }
        return text.toString();
    }

    private String render(@Nullable String stored, Locale language) {
        return messages.render(stored, language, ZoneOffset.UTC);
    }
}
