package org.portcullis.bench.ab;

import java.util.Arrays;

/**
 * The false-alarm boundary of one benchmark: the head/base median pair ratio above which it is called
 * slower, for each number of pairs. More pairs give a steadier median, so the boundary falls as they come;
 * from the A/A archive it is the resampled median's quantile that keeps a whole run's false alarms at 1 in
 * 20 ({@link NoiseModel}); without an archive, or with {@code FAIL=}, one ratio for every count.
 *
 * @param family what the benchmark is ("bcrypt", "endpoint", "token", or "FAIL=…")
 * @param source where the figures come from, for the report (e.g. "A/A archive, 31 pairs")
 * @param ratios the boundary for {@link AbGate#MIN_PAIRS} pairs, then one more pair each; the last holds beyond
 */
public record Boundary(String family, String source, double[] ratios) {

    public Boundary {
        if (ratios.length == 0 || Arrays.stream(ratios).anyMatch(ratio -> !(ratio > 1))) {
            throw new IllegalArgumentException("a boundary must allow some slowdown: " + Arrays.toString(ratios));
        }
        ratios = ratios.clone();
    }

    /** One ratio whatever the number of pairs. */
    public static Boundary constant(String family, String source, double ratio) {
        return new Boundary(family, source, new double[] {ratio});
    }

    /** The family default of {@link Threshold#defaultFor}, for a platform without an A/A archive. */
    public static Boundary familyDefault(String benchmark) {
        Threshold threshold = Threshold.defaultFor(benchmark);
        return constant(threshold.family(), "family default (no A/A archive)", threshold.ratio());
    }

    public double ratio(int pairs) {
        int index = Math.max(0, Math.min(ratios.length - 1, pairs - AbGate.MIN_PAIRS));
        return ratios[index];
    }
}
