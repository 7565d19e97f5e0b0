package org.portcullis.bench.calibrate;

import org.junit.jupiter.api.Test;
import org.portcullis.bench.compare.UsageException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recommendation of make calibrate-bcrypt, judged on made-up rows against a mean 500 ms, p99 3 s budget. */
class CalibrationTableTest {
    private final CalibrationTable table = new CalibrationTable(Duration.ofMillis(500), Duration.ofSeconds(3));

    private static CalibrationTable.Row row(int cost, double meanSeconds, double p99Seconds, int errors) {
        return new CalibrationTable.Row(cost, 40, errors, meanSeconds, meanSeconds, p99Seconds, 2 / meanSeconds,
                2 / meanSeconds);
    }

    @Test
    void theHighestCostWhoseMeanAndP99FitIsRecommended() {
        List<CalibrationTable.Row> rows = List.of(row(11, 0.15, 0.2, 0), row(12, 0.3, 0.45, 0),
                row(13, 0.6, 0.9, 0), row(14, 1.2, 1.6, 0));

        assertThat(table.recommendation(rows)).map(CalibrationTable.Row::cost).contains(12);
        assertThat(table.render(rows)).contains("no: mean over").contains("yes");
    }

    @Test
    void aCostWhoseP99IsOverTheBudgetDoesNotFitThoughItsMeanDoes() {
        assertThat(table.fits(row(12, 0.4, 3.2, 0))).isFalse();
        assertThat(table.render(List.of(row(12, 0.4, 3.2, 0)))).contains("no: p99 over");
    }

    @Test
    void aCostWithErrorsDoesNotFit() {
        assertThat(table.fits(row(10, 0.1, 0.1, 1))).isFalse();
    }

    @Test
    void noRowFittingRecommendsNothing() {
        assertThat(table.recommendation(List.of(row(14, 1.2, 1.6, 0), row(15, 2.4, 3.5, 0)))).isEmpty();
    }

    @Test
    void thePercentileIsTheNearestRankSoWithFewerThanAHundredLoginsItIsTheSlowest() {
        assertThat(CalibrateBcrypt.p99(new long[]{1, 2, 3, 4, 9})).isEqualTo(9);
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(CalibrateBcrypt.p99(hundred)).isEqualTo(99);
    }

    @Test
    void costsAreARangeOrAListInAscendingOrderWithinBcryptsLimits() {
        assertThat(CalibrateBcrypt.costs("10..14")).containsExactly(10, 11, 12, 13, 14);
        assertThat(CalibrateBcrypt.costs("13, 11 12")).containsExactly(11, 12, 13);
        assertThatThrownBy(() -> CalibrateBcrypt.costs("3..5")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CalibrateBcrypt.costs("twelve")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CalibrateBcrypt.costs("14..10")).isInstanceOf(UsageException.class);
    }

    @Test
    void aBadCommandLineExitsTwoBeforeAnyServiceStarts() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(CalibrateBcrypt.run(new String[]{"--costs", "40"}, System.out, errors)).isEqualTo(2);
        assertThat(CalibrateBcrypt.run(new String[]{"--jar", "target/no-such.jar"}, System.out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a bcrypt cost is 4..31").contains("no service jar");
    }
}
