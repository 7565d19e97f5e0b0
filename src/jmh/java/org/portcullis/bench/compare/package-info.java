/**
 * Benchmark comparator that gates CI on performance regressions, in the spirit of
 * pytest-benchmark's {@code --benchmark-compare-fail}.
 *
 * <p>{@link org.portcullis.bench.compare.CompareCli} compares a current result file against a
 * baseline (both: machine_info, commit_info, datetime and a list of JMH-format result objects).
 * A benchmark fails only when both hold:
 * <ol>
 *   <li>a fail expression is exceeded ({@link org.portcullis.bench.compare.FailExpression}):
 *       {@code field:N%} means {@code current/baseline − 1 > N/100} for time/op units and
 *       {@code baseline/current − 1 > N/100} for ops/time units, so {@code mean:200%} is
 *       "more than 3× slower" either way; {@code field:5ms} means the figure got worse by more
 *       than 5 ms after conversion into the benchmark's unit;</li>
 *   <li>the difference is significant ({@link org.portcullis.bench.compare.Significance}):
 *       Welch's t-test on one sample per fork (never on the iterations of one JVM), p &lt; 0.01, or disjoint
 *       99.9 % confidence intervals when a side has fewer than two forks.</li>
 * </ol>
 * Exceeded but not significant is reported as "within noise". Benchmarks only in the current run are
 * listed; one only in the baseline fails the comparison unless allowed ({@code --allow-missing}). With {@code --normalize} every baseline figure is first rescaled by the
 * ruler benchmark's slowdown ({@link org.portcullis.bench.compare.Normalization}).
 *
 * <p>Exit codes: 0 no regression, 1 regression, 2 usage or input error.
 */
package org.portcullis.bench.compare;
