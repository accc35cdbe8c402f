package org.calconfleet.policy.ui;

import org.calconfleet.policy.PolicyDraft;
import org.calconfleet.port.PortScope;
import org.jspecify.annotations.Nullable;

/** What the policy form's binder reads and writes: the draft's fields plus the reason for the change. */
class PolicyForm {

    private String allowedRanges = "";
    private String reservedPorts = "";
    private boolean dynamicAllowed;
    private PortScope scope = PortScope.PER_SERVER;
    private boolean approvalRequired;
    private @Nullable Integer driftScanMinutes;
    private String notifyAddresses = "";
    private String reason = "";

    static PolicyForm of(PolicyDraft draft) {
        PolicyForm form = new PolicyForm();
        form.allowedRanges = draft.allowedRanges();
        form.reservedPorts = draft.reservedPorts();
        form.dynamicAllowed = draft.dynamicAllowed();
        form.scope = draft.scope();
        form.approvalRequired = draft.approvalRequired();
        form.driftScanMinutes = draft.driftScanMinutes();
        form.notifyAddresses = draft.notifyAddresses();
        return form;
    }

    PolicyDraft draft() {
        return new PolicyDraft(allowedRanges, reservedPorts, dynamicAllowed, scope, approvalRequired, driftScanMinutes,
                notifyAddresses);
    }

    String getAllowedRanges() {
        return allowedRanges;
    }

    void setAllowedRanges(String allowedRanges) {
        this.allowedRanges = allowedRanges;
    }

    String getReservedPorts() {
        return reservedPorts;
    }

    void setReservedPorts(String reservedPorts) {
        this.reservedPorts = reservedPorts;
    }

    boolean isDynamicAllowed() {
        return dynamicAllowed;
    }

    void setDynamicAllowed(boolean dynamicAllowed) {
        this.dynamicAllowed = dynamicAllowed;
    }

    PortScope getScope() {
        return scope;
    }

    void setScope(PortScope scope) {
        this.scope = scope;
    }

    boolean isApprovalRequired() {
        return approvalRequired;
    }

    void setApprovalRequired(boolean approvalRequired) {
        this.approvalRequired = approvalRequired;
    }

    @Nullable Integer getDriftScanMinutes() {
        return driftScanMinutes;
    }

    void setDriftScanMinutes(@Nullable Integer driftScanMinutes) {
        this.driftScanMinutes = driftScanMinutes;
    }

    String getNotifyAddresses() {
        return notifyAddresses;
    }

    void setNotifyAddresses(String notifyAddresses) {
        this.notifyAddresses = notifyAddresses;
    }

    String getReason() {
        return reason;
    }

    void setReason(String reason) {
        this.reason = reason;
    }
}
