package org.portcullis.bench.compare;

/**
 * A closed confidence interval {@code [low, high]} in the unit of its benchmark.
 *
 * <p>Used as the fallback significance check when raw samples are missing: two runs whose 99.9 %
 * intervals do not overlap differ for real.
 */
public record Interval(double low, double high) {

    public Interval {
        if (low > high) {
            double swap = low;
            low = high;
            high = swap;
        }
    }

    /** The interval around {@code centre} with the given half-width. */
    public static Interval around(double centre, double halfWidth) {
        return new Interval(centre - halfWidth, centre + halfWidth);
    }

    public boolean overlaps(Interval other) {
        return low <= other.high && other.low <= high;
    }

    /** Multiplies both bounds, e.g. to rescale a baseline during normalisation. */
    public Interval scaled(double factor) {
        return new Interval(low * factor, high * factor);
    }
}
