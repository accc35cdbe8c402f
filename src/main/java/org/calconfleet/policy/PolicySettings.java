package org.calconfleet.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.util.stream.Stream;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.port.PortScope;

/**
 * A policy's settings as columns: the enforced policy's row and a proposal's row hold the same ones. Lists are kept
 * as canonical text; reading them back goes through the parser.
 */
@Embeddable
class PolicySettings {

    @Column(name = "allowed_ranges", nullable = false, length = PolicyText.MAX_STORED_LENGTH)
    private String allowedRanges = "";

    @Column(name = "reserved_ports", nullable = false, length = PolicyText.MAX_STORED_LENGTH)
    private String reservedPorts = "";

    @Column(name = "dynamic_allowed", nullable = false)
    private boolean dynamicAllowed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PortScope scope = PortScope.PER_SERVER;

    @Column(name = "approval_required", nullable = false)
    private boolean approvalRequired = true;

    @Column(name = "drift_scan_minutes", nullable = false)
    private int driftScanMinutes;

    @Column(name = "notify_addresses", nullable = false, length = PolicyText.MAX_STORED_LENGTH)
    private String notifyAddresses = "";

    protected PolicySettings() {
    }

    static PolicySettings of(FleetPolicy policy) {
        PolicySettings settings = new PolicySettings();
        settings.allowedRanges = policy.storedText(PolicyField.ALLOWED_RANGES);
        settings.reservedPorts = policy.storedText(PolicyField.RESERVED_PORTS);
        settings.dynamicAllowed = policy.ports().dynamicAllowed();
        settings.scope = policy.ports().scope();
        settings.approvalRequired = policy.approvalRequired();
        settings.driftScanMinutes = Math.toIntExact(policy.driftScanMinutes());
        settings.notifyAddresses = policy.storedText(PolicyField.NOTIFY_ADDRESSES);
        return settings;
    }

    /**
     * The columns read back as a policy. They are written only from a checked {@link FleetPolicy}; if they were
     * edited by hand into something the rules refuse, this says so rather than guessing.
     */
    FleetPolicy toPolicy() {
        var ranges = PolicyText.ranges(allowedRanges);
        var reserved = PolicyText.reservedPorts(reservedPorts);
        var addresses = PolicyText.addresses(notifyAddresses);
        var refusals = Stream.of(ranges, reserved, addresses).flatMap(parsed -> parsed.refusals().stream()).toList();
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("a stored port policy holds values the policy rules refuse: " + refusals);
        }
        return new FleetPolicy(new PortPolicy(ranges.orElseThrow(), reserved.orElseThrow(), dynamicAllowed, scope),
                approvalRequired, Duration.ofMinutes(driftScanMinutes), addresses.orElseThrow());
    }
}
