package org.calconfleet.rollout;

import java.util.List;
import java.util.stream.Collectors;
import org.calconfleet.backend.DominoReload;
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
        BLOCKED
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

    /** The plan in one text, as kept with the host run for the approver and the log. */
    public String summary() {
        String diff = diffs.stream().filter(ValueDiff::changes).map(ValueDiff::toString)
                .collect(Collectors.joining("; "));
        String problems = prechecks.stream().filter(p -> p.status() != Precheck.Status.PASS).map(Precheck::toString)
                .collect(Collectors.joining("; "));
        return verdict + (diff.isEmpty() ? "" : " | " + diff) + (problems.isEmpty() ? "" : " | " + problems)
                + (dominoCommands.isEmpty() ? "" : " | Domino " + dominoServer + ": " + String.join(" / ", dominoCommands));
    }
}
