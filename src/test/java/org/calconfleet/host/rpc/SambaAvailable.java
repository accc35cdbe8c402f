package org.calconfleet.host.rpc;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a {@link SambaTest} when Samba cannot run here, loudly, or fails it when {@value #REQUIRED}{@code =true}
 * (as CI sets it), so that the protocol tests never vanish silently.
 */
final class SambaAvailable implements ExecutionCondition {

    static final String REQUIRED = "CALCON_REQUIRE_SAMBA";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> why = SambaServer.problem();
        if (why.isEmpty()) {
            return ConditionEvaluationResult.enabled("Samba is installed");
        }
        if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
            throw new IllegalStateException(REQUIRED + "=true but the Samba tests cannot run: " + why.get());
        }
        String message = "Samba tests SKIPPED (" + why.get() + "); set " + REQUIRED + "=true to make this a failure";
        System.err.println("\n!!!!!!!!!! " + context.getDisplayName() + ": " + message + " !!!!!!!!!!\n");
        return ConditionEvaluationResult.disabled(message);
    }
}
