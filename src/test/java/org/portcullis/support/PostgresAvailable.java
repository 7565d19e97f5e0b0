package org.portcullis.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a PostgreSQL test class only when TEST_POSTGRES_URL is set. Under REQUIRE_POSTGRES=1 (as in CI) a
 * missing URL fails the run instead of skipping, so a broken CI setup cannot pass by testing less.
 */
public final class PostgresAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabase.postgresConfigured()) {
            return ConditionEvaluationResult.enabled("TEST_POSTGRES_URL is set");
        }
        if (TestDatabase.postgresRequired()) {
            fail("REQUIRE_POSTGRES=1 but TEST_POSTGRES_URL is not set");
        }
        return ConditionEvaluationResult.disabled("TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
    }
}
