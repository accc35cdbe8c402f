package org.calconfleet.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.calconfleet.change.ChangeAwaitingApproval;
import org.calconfleet.drift.DriftFound;
import org.calconfleet.i18n.Messages;
import org.springframework.stereotype.Component;

/**
 * The words of the mail about what waits for someone: a change waiting for approval, servers newly in drift. Like a
 * rollout's mail: each configured language one after the other, the subject in the first.
 */
@Component
class WaitingMailText {

    private final Messages messages;
    private final RolloutMailText rollouts;

    WaitingMailText(Messages messages, RolloutMailText rollouts) {
        this.messages = messages;
        this.rollouts = rollouts;
    }

    String subject(ChangeAwaitingApproval change) {
        return awaitingSubject(change, rollouts.languages().getFirst());
    }

    String body(ChangeAwaitingApproval change) {
        return body((language, lines) -> {
            lines.add(awaitingSubject(change, language));
            lines.add("");
            lines.add(messages.get("mail.reason", language, change.reason()));
            if (change.ticket() != null && !change.ticket().isBlank()) {
                lines.add(messages.get("mail.ticket", language, change.ticket()));
            }
            lines.add(messages.get("mail.awaiting.requested", language, change.requestedBy()));
            lines.add("");
            lines.add(messages.get("mail.awaiting.hosts", language, change.hosts().size()));
            listed(lines, language, change.hosts(), host -> messages.get("mail.awaiting.host", language,
                    host.hostName(), host.port()));
            lines.add("");
            lines.add(messages.get("mail.awaiting.link", language, rollouts.link(change.changeId())));
            return lines;
        });
    }

    String subject(DriftFound drift) {
        return messages.get("mail.subject.drift-new", rollouts.languages().getFirst(), drift.servers().size());
    }

    String body(DriftFound drift) {
        return body((language, lines) -> {
            lines.add(messages.get("mail.subject.drift-new", language, drift.servers().size()));
            lines.add("");
            lines.add(messages.get("mail.drift.intro", language));
            listed(lines, language, drift.servers(), server -> messages.get("mail.drift.server", language,
                    server.hostName(), server.desiredPort() == null ? "-" : String.valueOf(server.desiredPort()),
                    server.observed()));
            return lines;
        });
    }

    private String awaitingSubject(ChangeAwaitingApproval change, Locale language) {
        return messages.get("mail.subject.awaiting-approval", language, change.changeId(), change.hosts().size());
    }

    /** One line per item, the first {@link RolloutNotices#MAX_HOSTS_LISTED}; the webhook carries them all. */
    private <T> void listed(List<String> lines, Locale language, List<T> items, Function<T, String> line) {
        items.stream().limit(RolloutNotices.MAX_HOSTS_LISTED).map(line).forEach(lines::add);
        if (items.size() > RolloutNotices.MAX_HOSTS_LISTED) {
            lines.add(messages.get("mail.more", language, items.size() - RolloutNotices.MAX_HOSTS_LISTED));
        }
    }

    private String body(BiFunction<Locale, List<String>, List<String>> section) {
        List<String> sections = new ArrayList<>();
        for (Locale language : rollouts.languages()) {
            List<String> lines = section.apply(language, new ArrayList<>());
            lines.add("");
            lines.add(messages.get("mail.footer", language));
            sections.add(String.join("\n", lines));
        }
        return String.join(RolloutMailText.LANGUAGE_SEPARATOR, sections) + "\n";
    }
}
