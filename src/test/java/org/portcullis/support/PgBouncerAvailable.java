package org.portcullis.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a test class that needs PgBouncer only when it is installed. Under CI (CI=true, as REQUIRE_POSTGRES
 * does for PostgreSQL) a missing pgbouncer fails the run instead of skipping; .ci/run installs it.
 */
public final class PgBouncerAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (PgBouncer.executable().isPresent()) {
            return ConditionEvaluationResult.enabled("pgbouncer is installed");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI is set but pgbouncer is not installed (apt-get install pgbouncer)");
        }
        return ConditionEvaluationResult.disabled("pgbouncer is not installed: PgBouncer tests skipped");
    }
}
