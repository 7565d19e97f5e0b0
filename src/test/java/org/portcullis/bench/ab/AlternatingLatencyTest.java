package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alternating placement against real services: two services of this build, started as the gate starts
 * them, driven by one client through a small share of the mix.
 */
class AlternatingLatencyTest {
    private static final double SMALL_SHARE = 0.03;

    @TempDir
    Path directory;

    private Checkout thisBuild(String name) {
        return new Checkout(name, Path.of("").toAbsolutePath(), System.getProperty("java.class.path"));
    }

    @Test
    void everySideGetsATimeAndItsCountedWorkForEveryEndpointOfTheMix() throws Exception {
        List<ServedCheckout> served = new ArrayList<>();
        List<ForkOutcome> outcomes;
        try {
            for (String name : List.of("base", "head")) {
                served.add(ServedCheckout.start(javaExecutable(), thisBuild(name), directory.resolve(name)));
            }
            for (ServedCheckout service : served) {
                service.awaitHealthy();
            }
            outcomes = new AlternatingLatency(served, AlternatingLatency.MIX, new Random(7), SMALL_SHARE).run();
        } finally {
            for (ServedCheckout service : served) {
                service.close();
            }
        }

        List<String> benchmarks = AlternatingLatency.MIX.stream()
                .map(endpoint -> Workload.LATENCY.benchmark(endpoint.name())).toList();
        for (ForkOutcome outcome : outcomes) {
            assertThat(outcome.errors()).isEmpty();
            assertThat(outcome.samples()).containsOnlyKeys(benchmarks);
            assertThat(outcome.samples().values()).allSatisfy(sample -> assertThat(sample.value()).isPositive());
            // the statements of EndpointLatencyTest's in-process counts: one read for users/me, two for the list
            assertThat(outcome.work().get(Workload.LATENCY.benchmark("usersMe")).statements()).hasValue(1.0);
            assertThat(outcome.work().get(Workload.LATENCY.benchmark("sessionsList")).statements()).hasValue(2.0);
            assertThat(outcome.work().get(Workload.LATENCY.benchmark("usersMe")).bytes().getAsDouble()).isPositive();
            // login and register, in the mix since their own sequential forks were retired, count their work too
            assertThat(outcome.work().get(Workload.LATENCY.benchmark("login")).statements().getAsDouble()).isPositive();
            assertThat(outcome.work().get(Workload.LATENCY.benchmark("register")).statements().getAsDouble()).isPositive();
        }
    }

    @Test
    void judgingOneEndpointTheMixEndsWithItAndJudgingNoneOrAnotherWorkloadItRunsWhole() {
        assertThat(AlternatingLatency.mixUpTo(Optional.of(FakeForkRunner.USERS_ME)))
                .extracting(AlternatingLatency.Endpoint::name).containsExactly("refresh", "usersMe");
        assertThat(AlternatingLatency.mixUpTo(Optional.of(Workload.LATENCY.benchmark("refresh"))))
                .extracting(AlternatingLatency.Endpoint::name).containsExactly("refresh");
        assertThat(AlternatingLatency.mixUpTo(Optional.of(FakeForkRunner.LOGIN))).hasSize(AlternatingLatency.MIX.size() - 1);
        assertThat(AlternatingLatency.mixUpTo(Optional.empty())).isEqualTo(AlternatingLatency.MIX);
        assertThat(AlternatingLatency.mixUpTo(Optional.of(FakeForkRunner.HASH))).isEqualTo(AlternatingLatency.MIX);
    }

    @Test
    void theClientLogsNothingOfItsRequestsInsideTheTimesItMeasures() {
        assertThat(AlternatingLatency.MIX).isNotEmpty();

        assertThat(LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.apache.hc.client5.http.impl.classic.InternalHttpClient").isInfoEnabled())
                .isFalse();
    }

    @Test
    void aServiceThatCannotStartFailsTheRoundOnEverySideNamingItsLog() throws Exception {
        Path empty = Files.createDirectories(directory.resolve("no-checkout"));
        Checkout broken = new Checkout("head", empty, System.getProperty("java.class.path"));

        List<ForkOutcome> outcomes = new ProcessForkRunner(directory.resolve("forks"))
                .runAlternating(List.of(thisBuild("base"), broken), Workload.LATENCY, Optional.empty());

        assertThat(outcomes).hasSize(2).allSatisfy(outcome -> {
            assertThat(outcome.samples()).isEmpty();
            assertThat(outcome.errors()).singleElement().asString()
                    .contains("the head service exited during start-up", "service.log");
        });
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
