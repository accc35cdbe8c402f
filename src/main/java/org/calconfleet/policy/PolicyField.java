package org.calconfleet.policy;

/** A setting of the fleet policy (and the reason given for a change), as named in audit entries and on screen. */
public enum PolicyField {
    ALLOWED_RANGES("allowedRanges"),
    RESERVED_PORTS("reservedPorts"),
    DYNAMIC_ALLOWED("dynamicAllowed"),
    SCOPE("scope"),
    APPROVAL_REQUIRED("approvalRequired"),
    DRIFT_SCAN_INTERVAL("driftScanMinutes"),
    NOTIFY_ADDRESSES("notifyAddresses"),
    REASON("reason");

    private final String auditName;

    PolicyField(String auditName) {
        this.auditName = auditName;
    }

    /** The setting's name in its message keys and in refusals; stable, since audit entries name it by its label key. */
    public String auditName() {
        return auditName;
    }

    public String messageKey() {
        return "policy.field." + auditName;
    }
}
