package org.portcullis.bench.ab;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatioChartTest {
    private static final Pattern CIRCLE_X = Pattern.compile("<circle cx=\"([0-9.]+)\"");

    @Test
    void everyRowSharesOneLogAxisSoTwiceAsSlowIsAsFarFromOneAsTwiceAsFast() {
        String svg = RatioChart.svg(List.of(new RatioChart.Row("A.slower", 2, 1.9, 2.1, 1.25, true),
                new RatioChart.Row("B.faster", 0.5, 0.45, 0.55, 1.25, false),
                new RatioChart.Row("C.same", 1, 0.98, 1.02, 1.25, false)));

        Matcher dots = CIRCLE_X.matcher(svg);
        double[] x = new double[3];
        for (int i = 0; i < 3; i++) {
            assertThat(dots.find()).isTrue();
            x[i] = Double.parseDouble(dots.group(1));
        }
        assertThat(x[0] - x[2]).isCloseTo(x[2] - x[1], within(0.2));
        assertThat(svg).contains(">0.8×<").contains(">2×<").contains("A.slower").contains("#c62828");
    }

    @Test
    void anIntervalWithoutEndsIsClippedToTheAxisInsteadOfStretchingIt() {
        String svg = RatioChart.svg(List.of(new RatioChart.Row("One.pair", 1.1, 0, Double.POSITIVE_INFINITY, 1.6,
                false)));

        // the plot runs from x = 230 (after the labels) to x = 750
        assertThat(svg).contains("x1=\"230.0\" y1=\"12\" x2=\"750.0\" y2=\"12\"").doesNotContain("Infinity")
                .doesNotContain("NaN");
    }
}
