package org.calconfleet.change.api;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.calconfleet.backend.DominoReload;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.HostPlan;
import org.calconfleet.change.Precheck;
import org.calconfleet.change.ValueDiff;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.FirewallPlan;
import org.jspecify.annotations.Nullable;

/**
 * What a change would do, with the totals an approver reads first; nothing was stored. The values and what each
 * precheck found are said in the request's language ({@code Accept-Language}); the precheck's {@code code} names
 * the finding for scripts.
 */
record PlanResponse(@Nullable Integer targetPort, long changes, long noChange, long blocked, long unverifiable,
                    int waveCount, ChangeDraft.Waves waves, List<Host> hosts) {

    record Host(long serverId, String hostName, String site, int targetPort, HostPlan.Verdict verdict, int wave,
                List<Diff> diffs, List<Check> prechecks, boolean unverifiable, @Nullable FirewallPlan firewall,
                @Nullable String dominoServer, List<String> dominoCommands, @Nullable DominoReload dominoReload) {
    }

    record Diff(String name, String before, String after, boolean changes) {
    }

    record Check(Precheck.Check check, Precheck.Status status, String code, String detail) {
    }

    static PlanResponse of(ChangePlan plan, Messages messages, Locale locale) {
        Locale language = Messages.supportedOrEnglish(locale);
        return new PlanResponse(plan.targetPort(), plan.changes(), plan.noChange(), plan.blocked(),
                plan.unverifiable(), plan.waveCount(), plan.waves(),
                plan.hosts().stream().map(host -> host(host, messages, language)).toList());
    }

    private static Host host(HostPlan host, Messages messages, Locale language) {
        return new Host(host.serverId(), host.hostName(), host.site(), host.targetPort(), host.verdict(), host.wave(),
                host.diffs().stream().map(diff -> diff(diff, messages, language)).toList(),
                host.prechecks().stream().map(check -> new Check(check.check(), check.status(),
                        check.detail().code(), text(check.detail(), messages, language))).toList(),
                host.unverifiable(), host.firewall(), host.dominoServer(), host.dominoCommands(), host.dominoReload());
    }

    private static Diff diff(ValueDiff diff, Messages messages, Locale language) {
        return new Diff(text(diff.name(), messages, language), text(diff.before(), messages, language),
                text(diff.after(), messages, language), diff.changes());
    }

    // the API speaks UTC: a plan's messages hold no times today, and any it gets are read as the other answers'
    private static String text(StoredMessage message, Messages messages, Locale language) {
        return messages.render(message, language, ZoneOffset.UTC);
    }
}
