package org.portcullis.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portcullis.bench.compare.ResultFixtures.avgt;
import static org.portcullis.bench.compare.ResultFixtures.result;
import static org.portcullis.bench.compare.ResultFixtures.thrpt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and threshold arithmetic of {@link FailExpression}. */
class FailExpressionTest {

    @ParameterizedTest
    @CsvSource({
        "mean:200%, MEAN, 200",
        "mean:37.5%, MEAN, 37.5",
        "MEDIAN:.5%, MEDIAN, 0.5",
        "p99:0%, P99, 0",
        "' min : 10 % ', MIN, 10",
    })
    void parsesPercentages(String text, MetricField field, double percent) {
        FailExpression expression = FailExpression.parse(text);

        assertThat(expression.field()).isEqualTo(field);
        assertThat(expression.threshold()).isEqualTo(new FailExpression.Percent(percent));
    }

    @ParameterizedTest
    @CsvSource({
        "mean:5ms, 5, MS_PER_OP, mean:5ms",
        "median:250us, 250, US_PER_OP, median:250us",
        "median:250\u00b5s, 250, US_PER_OP, median:250us",
        "p99:1s, 1, S_PER_OP, p99:1s",
        "mean:800ns, 800, NS_PER_OP, mean:800ns",
        "max:1.5ms, 1.5, MS_PER_OP, max:1.5ms",
        "mean:100ops/s, 100, OPS_PER_S, mean:100ops/s",
    })
    void parsesAbsoluteAmounts(String text, double amount, BenchmarkUnit unit, String canonical) {
        FailExpression expression = FailExpression.parse(text);

        assertThat(expression.threshold()).isEqualTo(new FailExpression.Absolute(amount, unit));
        assertThat(expression.text()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mean", "mean:", "200%", "avg:200%", "mean:x%", "mean:1e3%", "mean:5 parsecs",
        "mean:-1%", "mean:5ms/op"})
    void rejectsBadExpressions(String text) {
        assertThatThrownBy(() -> FailExpression.parse(text)).isInstanceOf(UsageException.class)
                .hasMessageContaining("bad fail expression");
    }

    @Test
    void parseAllSplitsCommasAcceptsRepeatsAndDefaults() {
        assertThat(FailExpression.parseAll(List.of("mean:200%,median:37.5%", "p99:5ms")))
                .extracting(FailExpression::text)
                .containsExactly("mean:200%", "median:37.5%", "p99:5ms");
        assertThat(FailExpression.parseAll(List.of())).extracting(FailExpression::text).containsExactly("mean:200%");
    }

    @Test
    void percentOnTimeComparesCurrentOverBaseline() {
        FailExpression expression = FailExpression.parse("mean:200%");
        BenchmarkResult base = result(avgt("A.b", "ms/op", 100, 100));

        assertThat(expression.isExceeded(base, result(avgt("A.b", "ms/op", 310, 310)))).isTrue();
        assertThat(expression.isExceeded(base, result(avgt("A.b", "ms/op", 300, 300)))).isFalse();
        assertThat(expression.formula()).startsWith("mean: current/baseline \u2212 1 > 200% for time/op");
    }

    @Test
    void percentOnThroughputComparesBaselineOverCurrent() {
        FailExpression expression = FailExpression.parse("mean:200%");
        BenchmarkResult base = result(thrpt("A.b", "ops/s", 3100, 3100));

        assertThat(expression.isExceeded(base, result(thrpt("A.b", "ops/s", 1000, 1000)))).isTrue();
        assertThat(expression.isExceeded(base, result(thrpt("A.b", "ops/s", 1100, 1100)))).isFalse();
        assertThat(expression.isExceeded(base, result(thrpt("A.b", "ops/s", 9000, 9000)))).isFalse();
    }

    @Test
    void absoluteAmountIsConvertedToTheBenchmarkUnit() {
        FailExpression fiveMs = FailExpression.parse("mean:5ms");
        BenchmarkResult micros = result(avgt("A.b", "us/op", 1000, 1000));
        BenchmarkResult seconds = result(avgt("A.b", "s/op", 1, 1));

        assertThat(fiveMs.isExceeded(micros, result(avgt("A.b", "us/op", 6001, 6001)))).isTrue();
        assertThat(fiveMs.isExceeded(micros, result(avgt("A.b", "us/op", 5999, 5999)))).isFalse();
        assertThat(fiveMs.isExceeded(seconds, result(avgt("A.b", "s/op", 1.006, 1.006)))).isTrue();
        assertThat(fiveMs.isExceeded(seconds, result(avgt("A.b", "s/op", 1.004, 1.004)))).isFalse();
    }

    @Test
    void absoluteThroughputAmountMeansAllowedDrop() {
        FailExpression expression = FailExpression.parse("mean:100ops/s");
        BenchmarkResult base = result(thrpt("A.b", "ops/ms", 1.0, 1.0));

        assertThat(expression.isExceeded(base, result(thrpt("A.b", "ops/ms", 0.85, 0.85)))).isTrue();
        assertThat(expression.isExceeded(base, result(thrpt("A.b", "ops/ms", 0.95, 0.95)))).isFalse();
        assertThat(expression.formula()).isEqualTo("mean: baseline \u2212 current > 100 ops/s");
    }

    @Test
    void timeAmountOnThroughputIsAUsageError() {
        BenchmarkResult ops = result(thrpt("A.b", "ops/s", 10, 10));

        assertThatThrownBy(() -> FailExpression.parse("mean:5ms").isExceeded(ops, ops))
                .isInstanceOf(UsageException.class).hasMessageContaining("measured in ops/s");
    }
}
