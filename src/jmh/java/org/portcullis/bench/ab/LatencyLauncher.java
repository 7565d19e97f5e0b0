package org.portcullis.bench.ab;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.engine.DiscoverySelector;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the latency tests (all, or the methods named as arguments) in this JVM, without Maven: one fork of the A/B gate is one such JVM, and Maven's own
 * start-up would cost the gate more than a test does.
 *
 * <p>Prints one line {@code FAILED <method>: <reason>} per failed test and exits 1 if any failed, else 0.
 * Run with {@code -Dlatency.budgets=report}, a failure is an endpoint that did not answer as it should,
 * never a budget miss. The results are in the working directory's target/benchmarks/latency.json.
 */
public final class LatencyLauncher {
    static final String TEST_CLASS = "org.portcullis.latency.EndpointLatencyTest";
    static final String FAILED = "FAILED ";

    private LatencyLauncher() {
    }

    public static void main(String[] methods) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String method : methods) {
            selectors.add(DiscoverySelectors.selectMethod(TEST_CLASS, method));
        }
        if (selectors.isEmpty()) {
            selectors.add(DiscoverySelectors.selectClass(TEST_CLASS));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        TestExecutionSummary result = summary.getSummary();
        for (TestExecutionSummary.Failure failure : result.getFailures()) {
            String reason = String.valueOf(failure.getException().getMessage()).replaceAll("\\s*\\R\\s*", " ");
            System.out.println(FAILED + failure.getTestIdentifier().getDisplayName().replace("()", "") + ": "
                    + reason.substring(0, Math.min(300, reason.length())));
        }
        if (result.getTestsFoundCount() == 0) {
            System.out.println(FAILED + "(none): no latency test found for " + String.join(", ", methods));
        }
        System.exit(result.getTotalFailureCount() == 0 && result.getTestsFoundCount() > 0 ? 0 : 1);
    }
}
