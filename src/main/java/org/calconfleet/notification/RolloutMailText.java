package org.calconfleet.notification;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.RolloutCounts;
import org.calconfleet.i18n.Messages;
import org.calconfleet.rollout.HostRunView;
import org.calconfleet.rollout.RolloutReports.RolloutReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The words of a rollout's e-mail, in each configured language one after the other; the subject in the first. The
 * hosts' stored messages are rendered in each language, times in the console's zone.
 */
@Component
class RolloutMailText {

    static final String LANGUAGE_SEPARATOR = "\n\n--------\n\n";

    private final Messages messages;
    private final List<Locale> languages;
    private final String publicUrl;

    RolloutMailText(Messages messages, @Value("${calcon.mail.languages:en,ja}") String languages,
            @Value("${calcon.public-url:http://localhost:8080}") String publicUrl) {
        this.messages = messages;
        this.languages = MailLanguages.parse(languages);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    String subject(RolloutReport report, RolloutOutcome outcome) {
        return subject(report.summary(), outcome, languages.getFirst());
    }

    String body(RolloutReport report, RolloutOutcome outcome) {
        List<String> sections = new ArrayList<>();
        for (Locale language : languages) {
            sections.add(section(report, outcome, language));
        }
        return String.join(LANGUAGE_SEPARATOR, sections) + "\n";
    }

    List<Locale> languages() {
        return languages;
    }

    String link(long rolloutId) {
        return publicUrl + "/jobs/" + rolloutId;
    }

    private String subject(ChangeSummary rollout, RolloutOutcome outcome, Locale language) {
        String port = rollout.targetPort() == null ? messages.get("mail.port.previous", language)
                : messages.get("mail.port", language, rollout.targetPort());
        return messages.get(outcome.subjectKey(), language, rollout.id(), port);
    }

    private String section(RolloutReport report, RolloutOutcome outcome, Locale language) {
        ChangeSummary rollout = report.summary();
        RolloutCounts counts = rollout.counts();
        List<String> lines = new ArrayList<>();
        lines.add(subject(rollout, outcome, language));
        if (rollout.state() == ChangeState.RUNNING) {
            lines.add(messages.get("mail.still-running", language));
        }
        lines.add("");
        lines.add(messages.get("mail.reason", language, rollout.reason()));
        if (rollout.ticket() != null && !rollout.ticket().isBlank()) {
            lines.add(messages.get("mail.ticket", language, rollout.ticket()));
        }
        lines.add(messages.get("mail.requested", language, rollout.requestedBy(),
                rollout.decidedBy() == null ? "-" : rollout.decidedBy()));
        lines.add(messages.get("mail.counts", language, counts.total(), counts.done(), counts.unverifiable(),
                counts.noChange(), counts.skipped(), counts.failed(), counts.rolledBack(), counts.needsAttention(),
                counts.cancelled(), counts.unfinished()));
        if (rollout.endReason() != null && !rollout.endReason().isBlank()) {
            lines.add(messages.get("mail.end", language,
                    messages.render(rollout.endReason(), language, ZoneId.systemDefault())));
        }
        if (!report.troubledHosts().isEmpty()) {
            lines.add("");
            lines.add(messages.get("mail.hosts", language));
            for (HostRunView host : report.troubledHosts()) {
                String why = messages.render(host.failureReason() != null ? host.failureReason()
                        : host.lastMessage(), language, ZoneId.systemDefault());
                lines.add(messages.get("mail.host", language, host.hostName(),
                        messages.get(host.state().messageKey(), language), why));
            }
            int more = counts.failures() - report.troubledHosts().size();
            if (more > 0) {
                lines.add(messages.get("mail.hosts.more", language, more));
            }
        }
        lines.add("");
        lines.add(messages.get("mail.link", language, link(rollout.id())));
        lines.add("");
        lines.add(messages.get("mail.footer", language));
        return String.join("\n", lines);
    }
}
