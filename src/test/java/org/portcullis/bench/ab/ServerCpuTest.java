package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.bench.compare.BenchmarkUnit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCpuTest {

    @Test
    void eachEndpointWithACpuTimeBecomesABenchmarkOfItsOwnAndLoginWithoutOneDoesNot(@TempDir Path dir) throws IOException {
        Path latency = dir.resolve("latency.json");
        Files.writeString(latency, """
                [{"benchmark": "org.portcullis.latency.EndpointLatencyTest.login", "secondaryMetrics": {
                    "sql.statements.norm": {"score": 4.0, "scoreUnit": "statements/op"}}},
                 {"benchmark": "org.portcullis.latency.EndpointLatencyTest.usersMe", "secondaryMetrics": {
                    "sql.statements.norm": {"score": 1.0, "scoreUnit": "statements/op"},
                    "cpu.time.norm": {"score": 310500.0, "scoreUnit": "ns/op"}}}]
                """);

        Map<String, ForkOutcome.Sample> samples = ServerCpu.read(latency);

        assertThat(samples).containsOnlyKeys("org.portcullis.latency.EndpointLatencyTest.usersMe:cpu");
        assertThat(samples.values()).singleElement()
                .isEqualTo(new ForkOutcome.Sample(310500.0, BenchmarkUnit.NS_PER_OP));
        assertThat(ServerCpu.timed("org.portcullis.latency.EndpointLatencyTest.usersMe:cpu"))
                .isEqualTo("org.portcullis.latency.EndpointLatencyTest.usersMe");
    }
}
