package org.portcullis.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a test class that needs HAProxy only when it is installed. Under CI (CI=true) a missing haproxy fails
 * the run instead of skipping; .ci/run installs it.
 */
public final class HaproxyAvailable implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (LocalCluster.haproxyInstalled()) {
            return ConditionEvaluationResult.enabled("haproxy is installed");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI is set but haproxy is not installed (apt-get install haproxy)");
        }
        return ConditionEvaluationResult.disabled("haproxy is not installed: cluster tests skipped");
    }
}
