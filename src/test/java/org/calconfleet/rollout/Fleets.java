package org.calconfleet.rollout;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.port.ConnectorKind;

/** Servers for rollout tests, created through the fleet service as an administrator would. */
public final class Fleets {

    private Fleets() {
    }

    static ServerValues values(String host, int n, int desiredPort) {
        return values(host, n, desiredPort, "Kyoto");
    }

    static ServerValues values(String host, int n, int desiredPort, String site) {
        return new ServerValues(host, "10.%d.%d.%d".formatted(n / 60000 % 250 + 1, n / 250 % 240 + 1, n % 250 + 1),
                site, "2007 SP3", ConnectorKind.LOTUS_DOMINO, "DOM-" + host, "10.200.%d.%d".formatted(n / 250 % 250,
                n % 250 + 1), "ExchangeFreeBusy", "MSExchangeCalCon", BackendKind.SIMULATED, null, null, desiredPort, null,
                null, null, 1);
    }

    /** {@code count} servers named {@code prefix-0001}…, all Domino, simulated, desired port 45001. */
    public static List<Long> create(FleetService fleet, String prefix, int count) {
        return create(fleet, prefix, count, "Kyoto");
    }

    /** As {@link #create(FleetService, String, int)}, at {@code site}. */
    public static List<Long> create(FleetService fleet, String prefix, int count, String site) {
        return Users.as("admin", Role.ADMIN, () -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                ExchangeServer server = fleet.create(values("%s-%04d".formatted(prefix, i), i, 45001, site));
                ids.add(Objects.requireNonNull(server.getId()));
            }
            return ids;
        });
    }

    static ChangeSummary awaitFinished(RolloutService rollouts, long id, Duration timeout) {
        return await("rollout " + id + " finished").atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> Users.as("auditor", Role.AUDITOR, () -> rollouts.rollout(id).orElseThrow()),
                        summary -> summary.state().isFinished() || (summary.state() == ChangeState.RUNNING
                                && summary.counts().pending() + summary.counts().running() == 0
                                && summary.counts().awaitingConfirmation() > 0));
    }
}
