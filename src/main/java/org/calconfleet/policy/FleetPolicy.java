package org.calconfleet.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.port.RpcPort;

/**
 * The fleet's policy: the {@link PortPolicy} that every port must pass, whether a port change needs a second
 * person's approval, how often the hosts are scanned for drift, and who is e-mailed about changes.
 */
public record FleetPolicy(PortPolicy ports, boolean approvalRequired, Duration driftScanInterval,
                          List<String> notifyAddresses) {

    public static final Duration DEFAULT_DRIFT_SCAN_INTERVAL = Duration.ofMinutes(15);
    public static final FleetPolicy DEFAULT =
            new FleetPolicy(PortPolicy.DEFAULT, true, DEFAULT_DRIFT_SCAN_INTERVAL, List.of());

    private static final List<PolicyField> SETTINGS = List.of(PolicyField.ALLOWED_RANGES, PolicyField.RESERVED_PORTS,
            PolicyField.DYNAMIC_ALLOWED, PolicyField.SCOPE, PolicyField.APPROVAL_REQUIRED,
            PolicyField.DRIFT_SCAN_INTERVAL, PolicyField.NOTIFY_ADDRESSES);

    public FleetPolicy {
        notifyAddresses = List.copyOf(notifyAddresses);
    }

    public long driftScanMinutes() {
        return driftScanInterval.toMinutes();
    }

    /**
     * What the types cannot rule out: the drift interval's bounds, malformed addresses and lists too long to
     * store. (A {@link PortPolicy} cannot hold a bad range or reserved port in the first place.)
     */
    public List<PolicyRefusal> refusals() {
        var refusals = new ArrayList<PolicyRefusal>();
        refusals.addAll(PolicyText.lengthRefusals(PolicyField.ALLOWED_RANGES, storedText(PolicyField.ALLOWED_RANGES),
                PolicyText.MAX_STORED_LENGTH));
        refusals.addAll(PolicyText.lengthRefusals(PolicyField.RESERVED_PORTS, storedText(PolicyField.RESERVED_PORTS),
                PolicyText.MAX_STORED_LENGTH));
        refusals.addAll(PolicyText.driftScanInterval(driftScanInterval));
        notifyAddresses.forEach(address -> refusals.addAll(PolicyText.addressRefusals(address)));
        refusals.addAll(PolicyText.lengthRefusals(PolicyField.NOTIFY_ADDRESSES,
                storedText(PolicyField.NOTIFY_ADDRESSES), PolicyText.MAX_STORED_LENGTH));
        return List.copyOf(refusals);
    }

    /** A setting as text, lists separated by ", ": "45000-45999, 46100", "PER_SITE", "true", "15". */
    public String text(PolicyField field) {
        return text(field, PolicyText.SHOWN_SEPARATOR);
    }

    String storedText(PolicyField field) {
        return text(field, PolicyText.STORED_SEPARATOR);
    }

    private String text(PolicyField field, String separator) {
        return switch (field) {
            case ALLOWED_RANGES -> PolicyText.rangesText(ports.allowedRanges(), separator);
            case RESERVED_PORTS -> PolicyText.portsText(ports.reservedPorts(), separator);
            case DYNAMIC_ALLOWED -> Boolean.toString(ports.dynamicAllowed());
            case SCOPE -> ports.scope().name();
            case APPROVAL_REQUIRED -> Boolean.toString(approvalRequired);
            case DRIFT_SCAN_INTERVAL -> Long.toString(driftScanMinutes());
            case NOTIFY_ADDRESSES -> PolicyText.addressesText(notifyAddresses, separator);
            case REASON -> throw new IllegalArgumentException("the reason is not a setting of the policy");
        };
    }

    /**
     * The settings in which {@code edited} asks less than this policy: approval no longer required, 0 newly allowed,
     * a pinned port newly usable because a range grew ({@code ALLOWED_RANGES}) or a reservation was lifted
     * ({@code RESERVED_PORTS}). Such an edit needs a second administrator; anything else tightens or is neutral.
     */
    public Set<PolicyField> loosenings(FleetPolicy edited) {
        var loosened = EnumSet.noneOf(PolicyField.class);
        if (approvalRequired && !edited.approvalRequired) {
            loosened.add(PolicyField.APPROVAL_REQUIRED);
        }
        if (!ports.dynamicAllowed() && edited.ports.dynamicAllowed()) {
            loosened.add(PolicyField.DYNAMIC_ALLOWED);
        }
        for (int port = RpcPort.LOWEST_PINNED; port <= RpcPort.HIGHEST; port++) {
            if (usable(edited.ports, port) && !usable(ports, port)) {
                loosened.add(inRanges(ports, port) ? PolicyField.RESERVED_PORTS : PolicyField.ALLOWED_RANGES);
            }
        }
        return loosened;
    }

    private static boolean usable(PortPolicy ports, int port) {
        return inRanges(ports, port) && !ports.reservedPorts().contains(port);
    }

    private static boolean inRanges(PortPolicy ports, int port) {
        return ports.allowedRanges().stream().anyMatch(range -> range.contains(port));
    }

    /** The settings that differ in {@code edited}, in the order of the form; ranges compared in canonical order. */
    public List<PolicyChange> changesTo(FleetPolicy edited) {
        var changes = new ArrayList<PolicyChange>();
        for (var field : SETTINGS) {
            var before = text(field);
            var after = edited.text(field);
            if (!before.equals(after)) {
                changes.add(new PolicyChange(field, before, after));
            }
        }
        return List.copyOf(changes);
    }
}
