package org.scalesweep.calib;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.boot.IntervalMethod;

/**
 * What R replicates say about a test and its intervals: the rejection rate (the false-positive rate
 * when the truth is 0) and power with exact binomial intervals, the coverage of each interval
 * method, and the ratio of the bootstrap's standard error to the estimates' actual spread (below 1:
 * the bootstrap sees less noise than there is, and the test is anti-conservative).
 *
 * @param replicates R
 * @param rejections replicates with p &lt; α, with its interval
 * @param correctSign replicates significant with the true sign among those whose truth is not 0, with its interval
 * @param wrongSign replicates significant with the wrong sign
 * @param coverage per interval method, replicates whose interval holds the truth
 * @param meanTruth mean true value
 * @param bias mean estimate − truth
 * @param spread standard deviation of the errors (estimate − truth) over replicates
 * @param meanStandardError mean bootstrap standard error
 * @param rmse root mean squared error √(mean (estimate − truth)²) over replicates with a finite estimate
 * @param lackOfFit replicates whose lack-of-fit test rejected the relative law at α, among those tested
 */
public record CalibrationSummary(int replicates, BinomialInterval rejections, BinomialInterval correctSign,
    long wrongSign, Map<IntervalMethod, BinomialInterval> coverage, double meanTruth, double bias, double spread,
    double meanStandardError, double rmse, BinomialInterval lackOfFit) implements java.io.Serializable {

  public static CalibrationSummary of(List<ReplicateOutcome> outcomes, double level) {
    int n = outcomes.size();
    long rejected = 0;
    long correct = 0;
    long effects = 0;
    long wrong = 0;
    Map<IntervalMethod, Long> covered = new EnumMap<>(IntervalMethod.class);
    double truth = 0;
    double err = 0;
    double se = 0;
    int seCount = 0;
    double meanError = outcomes.stream().mapToDouble(o -> o.summary().estimate() - o.truth()).filter(Double::isFinite)
        .average().orElse(Double.NaN);
    double ss = 0;
    double sq = 0;
    int finite = 0;
    long lof = 0;
    long tested = 0;
    for (ReplicateOutcome o : outcomes) {
      if (Double.isFinite(o.lackOfFitP())) {
        tested++;
        lof += o.lackOfFit() ? 1 : 0;
      }
      rejected += o.significant() ? 1 : 0;
      correct += o.correctSign() ? 1 : 0;
      effects += o.truth() != 0 ? 1 : 0;
      wrong += o.wrongSign() ? 1 : 0;
      for (IntervalMethod m : IntervalMethod.values()) {
        covered.merge(m, o.covers(m) ? 1L : 0L, Long::sum);
      }
      truth += o.truth();
      double e = o.summary().estimate();
      if (Double.isFinite(e)) {
        err += e - o.truth();
        ss += (e - o.truth() - meanError) * (e - o.truth() - meanError);
        sq += (e - o.truth()) * (e - o.truth());
        finite++;
      }
      if (Double.isFinite(o.summary().standardError())) {
        se += o.summary().standardError();
        seCount++;
      }
    }
    Map<IntervalMethod, BinomialInterval> coverage = new EnumMap<>(IntervalMethod.class);
    covered.forEach((m, k) -> coverage.put(m, BinomialInterval.clopperPearson(k, n, level)));
    return new CalibrationSummary(n, BinomialInterval.clopperPearson(rejected, n, level),
        BinomialInterval.clopperPearson(correct, effects, level), wrong, coverage, n == 0 ? Double.NaN : truth / n,
        finite == 0 ? Double.NaN : err / finite, finite < 2 ? Double.NaN : Math.sqrt(ss / (finite - 1)),
        seCount == 0 ? Double.NaN : se / seCount, finite == 0 ? Double.NaN : Math.sqrt(sq / finite),
        BinomialInterval.clopperPearson(lof, tested, level));
  }

  /** Mean bootstrap SE over the errors' actual spread (1 when the bootstrap sees all the noise). */
  public double standardErrorRatio() {
    return meanStandardError / spread;
  }
}
