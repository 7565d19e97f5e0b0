package org.portcullis.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Human-readable figures in tables. */
class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({
        "251.3, MS_PER_OP, 251.3 ms",
        "18.2, US_PER_OP, 18.2 \u00b5s",
        "18200, NS_PER_OP, 18.2 \u00b5s",
        "0.0000182, S_PER_OP, 18.2 \u00b5s",
        "2.5, S_PER_OP, 2.50 s",
        "0.75, NS_PER_OP, 0.750 ns",
        "3100, OPS_PER_S, 3.10 k ops/s",
        "12.5, OPS_PER_MS, 12.5 k ops/s",
        "42, OPS_PER_S, 42.0 ops/s",
        "2.5, OPS_PER_US, 2.50 M ops/s",
    })
    void formatsWithAnAdaptedUnit(double value, BenchmarkUnit unit, String expected) {
        assertThat(Quantities.format(value, unit)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2.1, +210.0%", "-0.677, -67.7%", "0, +0.0%"})
    void formatsSignedPercentages(double fraction, String expected) {
        assertThat(Quantities.percent(fraction)).isEqualTo(expected);
    }
}
