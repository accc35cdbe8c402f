package org.calconfleet.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.port.PortScope;

/** The one row of {@code port_policy}. Lists are kept as canonical text; reading them back goes through the parser. */
@Entity
@Table(name = "port_policy")
class StoredPolicy {

    static final int ID = 1;

    @Id
    private int id;

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

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy = "";

    protected StoredPolicy() {
    }

    /**
     * The row read back as a policy. The row is written only from a checked {@link FleetPolicy}; if it was edited
     * by hand into something the rules refuse, this says so rather than guessing.
     */
    FleetPolicy toPolicy() {
        var ranges = PolicyText.ranges(allowedRanges);
        var reserved = PolicyText.reservedPorts(reservedPorts);
        var addresses = PolicyText.addresses(notifyAddresses);
        var refusals = Stream.of(ranges, reserved, addresses).flatMap(parsed -> parsed.refusals().stream()).toList();
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("the port_policy row holds values the policy rules refuse: " + refusals);
        }
        return new FleetPolicy(new PortPolicy(ranges.orElseThrow(), reserved.orElseThrow(), dynamicAllowed, scope),
                approvalRequired, Duration.ofMinutes(driftScanMinutes), addresses.orElseThrow());
    }

    PolicyRevision toRevision() {
        return new PolicyRevision(toPolicy(), version, updatedAt, updatedBy);
    }

    void apply(FleetPolicy policy, Instant when, String who) {
        this.allowedRanges = policy.storedText(PolicyField.ALLOWED_RANGES);
        this.reservedPorts = policy.storedText(PolicyField.RESERVED_PORTS);
        this.dynamicAllowed = policy.ports().dynamicAllowed();
        this.scope = policy.ports().scope();
        this.approvalRequired = policy.approvalRequired();
        this.driftScanMinutes = Math.toIntExact(policy.driftScanMinutes());
        this.notifyAddresses = policy.storedText(PolicyField.NOTIFY_ADDRESSES);
        this.updatedAt = when;
        this.updatedBy = who;
    }

    long getVersion() {
        return version;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }
}
