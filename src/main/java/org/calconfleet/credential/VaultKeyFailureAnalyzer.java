package org.calconfleet.credential;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a vault key problem into Spring Boot's "APPLICATION FAILED TO START" report: what is wrong, what to set. */
class VaultKeyFailureAnalyzer extends AbstractFailureAnalyzer<VaultKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, VaultKeyException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set the vault key in " + VaultKeySettings.KEY_SETTING
                + " or in the file named by " + VaultKeySettings.FILE_SETTING + ": for a database that holds"
                + " credentials, the key it was set up with (README, \"Credentials\").", cause);
    }
}
