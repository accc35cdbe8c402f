package org.calconfleet.testdb;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a {@link DatabaseTest} on PostgreSQL when no server answers, or fails it when PostgreSQL is required. */
final class PostgresAvailable implements ExecutionCondition {

    private static volatile Optional<String> problem;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.onPostgres()) {
            return ConditionEvaluationResult.enabled("on H2");
        }
        Optional<String> why = problem();
        if (why.isEmpty()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + TestDatabase.serverUrl());
        }
        if (TestDatabase.postgresRequired()) {
            throw new IllegalStateException(TestDatabase.REQUIRED + "=true but PostgreSQL cannot be used: " + why.get());
        }
        String message = "PostgreSQL variant SKIPPED (" + why.get() + "); set " + TestDatabase.REQUIRED
                + "=true to make this a failure";
        System.err.println("\n!!!!!!!!!! " + context.getDisplayName() + ": " + message + " !!!!!!!!!!\n");
        return ConditionEvaluationResult.disabled(message);
    }

    private static Optional<String> problem() {
        Optional<String> known = problem;
        if (known == null) {
            known = TestDatabase.postgresProblem();
            problem = known;
        }
        return known;
    }
}
