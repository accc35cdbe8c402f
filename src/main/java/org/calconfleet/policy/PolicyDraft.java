package org.calconfleet.policy;

import java.time.Duration;
import java.util.ArrayList;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.port.PortScope;
import org.jspecify.annotations.Nullable;

/** The policy as a person edits it: lists as text, the drift interval as minutes (empty when not given). */
public record PolicyDraft(String allowedRanges, String reservedPorts, boolean dynamicAllowed, PortScope scope,
                          boolean approvalRequired, @Nullable Integer driftScanMinutes, String notifyAddresses) {

    public static PolicyDraft of(FleetPolicy policy) {
        return new PolicyDraft(policy.text(PolicyField.ALLOWED_RANGES), policy.text(PolicyField.RESERVED_PORTS),
                policy.ports().dynamicAllowed(), policy.ports().scope(), policy.approvalRequired(),
                Math.toIntExact(policy.driftScanMinutes()), policy.text(PolicyField.NOTIFY_ADDRESSES));
    }

    /** Every refusal of every field at once, so a form can mark them all. */
    public Parsed<FleetPolicy> parse() {
        var ranges = PolicyText.ranges(allowedRanges);
        var reserved = PolicyText.reservedPorts(reservedPorts);
        var drift = PolicyText.driftScanMinutes(driftScanMinutes);
        var addresses = PolicyText.addresses(notifyAddresses);
        var refusals = new ArrayList<PolicyRefusal>();
        refusals.addAll(ranges.refusals());
        refusals.addAll(reserved.refusals());
        refusals.addAll(drift);
        refusals.addAll(addresses.refusals());
        if (!refusals.isEmpty() || driftScanMinutes == null) {
            return new Parsed.Refused<>(refusals);
        }
        var policy = new FleetPolicy(
                new PortPolicy(ranges.orElseThrow(), reserved.orElseThrow(), dynamicAllowed, scope),
                approvalRequired, Duration.ofMinutes(driftScanMinutes), addresses.orElseThrow());
        return Parsed.of(policy, policy.refusals());
    }
}
