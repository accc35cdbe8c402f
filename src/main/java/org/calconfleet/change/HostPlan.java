package org.calconfleet.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.calconfleet.backend.DominoReload;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.FirewallPlan;
import org.jspecify.annotations.Nullable;

/**
 * What a change will do on one host, computed before anything runs: the values now and after, the prechecks, the
 * firewall openings and the Domino commands with who carries them out ({@code dominoReload}, null when there are
 * none). {@code wave} is the host's wave, or -1 when it will not run.
 */
public record HostPlan(long serverId, String hostName, String site, int targetPort, Verdict verdict, int wave,
                       List<ValueDiff> diffs, List<Precheck> prechecks, boolean unverifiable,
                       @Nullable FirewallPlan firewall, @Nullable String dominoServer, List<String> dominoCommands,
                       @Nullable DominoReload dominoReload) {

    public enum Verdict {
        /** Will run. */
        CHANGE,
        /** Already at the desired state: skipped. */
        NO_CHANGE,
        /** A precheck failed: will not run. */
        BLOCKED;

        public String messageKey() {
            return "wizard.verdict." + name().toLowerCase(Locale.ROOT);
        }
    }

    public HostPlan {
        diffs = List.copyOf(diffs);
        prechecks = List.copyOf(prechecks);
        dominoCommands = List.copyOf(dominoCommands);
    }

    HostPlan inWave(int wave) {
        return new HostPlan(serverId, hostName, site, targetPort, verdict, wave, diffs, prechecks, unverifiable,
                firewall, dominoServer, dominoCommands, dominoReload);
    }

    public List<Precheck> failures() {
        return prechecks.stream().filter(p -> p.status() == Precheck.Status.FAIL).toList();
    }

    /**
     * The plan as kept with the host run for the approver and the log: the verdict, the values that change, the
     * prechecks not passed and the Domino commands. Where that would not fit in {@code maxLength} characters
     * stored, the verdict and the names of the prechecks not passed. Returned as stored (its JSON, written once: a
     * plan of 10,000 hosts stores 10,000 of them).
     */
    public String storedSummary(int maxLength) {
        List<StoredMessage> parts = new ArrayList<>();
        diffs.stream().filter(ValueDiff::changes).map(ValueDiff::line).forEach(parts::add);
        notPassed().map(Precheck::line).forEach(parts::add);
        if (!dominoCommands.isEmpty()) {
            parts.add(StoredMessage.of("rollout.plan.domino", StoredMessage.verbatim(dominoServer),
                    StoredMessage.listed(dominoCommands.stream().map(StoredMessage::verbatim).toList())));
        }
        String full = summary(parts).toJson();
        return full.length() <= maxLength ? full : summary(notPassed()
                .map(p -> StoredMessage.of(p.check().messageKey())).toList()).toJson();
    }

    /**
     * Why the host will not run, as kept with its host run: the failed checks with what they found, or where that
     * would not fit in {@code maxLength} characters stored, the failed checks' names.
     */
    public StoredMessage blockedBy(int maxLength) {
        StoredMessage full = blockedBy(StoredMessage.inner(HostInspector.failedChecks(prechecks)));
        return full.toJson().length() <= maxLength ? full : blockedBy(StoredMessage.listed(failures().stream()
                .map(p -> new StoredMessage.Choice(p.check().messageKey())).toList()));
    }

    private static StoredMessage blockedBy(StoredMessage.Argument checks) {
        return StoredMessage.of("rollout.run.blocked-at-plan", checks);
    }

    private Stream<Precheck> notPassed() {
        return prechecks.stream().filter(p -> p.status() != Precheck.Status.PASS);
    }

    private StoredMessage summary(List<StoredMessage> parts) {
        return parts.isEmpty() ? StoredMessage.of(verdict.messageKey())
                : StoredMessage.of("rollout.plan.summary", new StoredMessage.Choice(verdict.messageKey()),
                        StoredMessage.listed(parts.stream().map(StoredMessage::inner).toList()));
    }
}
