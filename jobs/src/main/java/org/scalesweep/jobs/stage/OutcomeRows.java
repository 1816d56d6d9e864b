package org.scalesweep.jobs.stage;

import java.util.List;
import org.apache.spark.sql.Row;
import org.scalesweep.boot.SignTest;
import org.scalesweep.calib.ReplicateRate;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Interval;
import org.scalesweep.boot.IntervalMethod;
import org.scalesweep.calib.BinomialInterval;
import org.scalesweep.calib.CalibrationSummary;
import org.scalesweep.calib.ReplicateOutcome;
import org.scalesweep.jobs.table.CalibrationReplicateRow;
import org.scalesweep.jobs.table.CalibrationSummaryRow;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;

/**
 * The tables of {@code calibrate}: one row per replicate and statistic (what its bootstrap decided)
 * and one row per cell of the calibration table (rates with exact binomial intervals). A cell is
 * (kind, truth, scheme, study, corpus, statistic); statistic "all" pools a scheme's cells.
 */
final class OutcomeRows {
  static final String REPLICATES = Outputs.CALIBRATION_REPLICATES;
  static final String SUMMARY = Outputs.CALIBRATION_SUMMARY;
  private OutcomeRows() {}

  /** The key of a cell: the leading columns of both tables. */
  record Key(String kind, String truth, String scheme, String study, String corpus, String statistic,
      String baseline, String treatment) {
    /** The key's values, in column order. */
    Object[] parts() {
      return new Object[] {kind, truth, scheme, study, corpus, statistic, baseline, treatment};
    }

    /** The key of {@link #parts}. */
    static Key of(Object[] p) {
      return new Key((String) p[0], (String) p[1], (String) p[2], (String) p[3], (String) p[4], (String) p[5],
          (String) p[6], (String) p[7]);
    }
  }

  /** The key of a cell. */
  static Key key(String kind, String truth, String scheme, String study, String corpus, String statistic,
      String baseline, String treatment) {
    return new Key(kind, truth, scheme, study, corpus, statistic, baseline, treatment);
  }

  static Row replicate(Key key, long replicate, ReplicateOutcome o) {
    BootstrapSummary s = o.summary();
    return OutputTables.CALIBRATION_REPLICATES.toRow(new CalibrationReplicateRow(key.kind(), key.truth(),
        key.scheme(), key.study(), key.corpus(), key.statistic(), key.baseline(), key.treatment(), replicate,
        o.truth(), s.estimate(), s.standardError(), s.pValue(), o.significant(), o.correctSign(), o.wrongSign(),
        s.percentile().low(), s.percentile().high(), s.bca().low(), s.bca().high(), s.expanded().low(),
        s.expanded().high(), s.resamples(), s.valid(), o.alpha(), s.percentile().level(),
        Double.isFinite(o.lackOfFitP()) ? o.lackOfFitP() : null));
  }

  /** The outcome a replicate row records (intervals and decision, not the draws). */
  static ReplicateOutcome outcome(Row r) {
    return outcome(OutputTables.CALIBRATION_REPLICATES.fromRow(r));
  }

  /** The outcome a replicate records (intervals and decision, not the draws). */
  static ReplicateOutcome outcome(CalibrationReplicateRow r) {
    double level = r.level();
    BootstrapSummary s = new BootstrapSummary(r.estimate(), r.stdError(),
        new Interval(r.pctLow(), r.pctHigh(), level, IntervalMethod.PERCENTILE),
        new Interval(r.bcaLow(), r.bcaHigh(), level, IntervalMethod.BCA),
        new Interval(r.expLow(), r.expHigh(), level, IntervalMethod.EXPANDED),
        r.pValue(), r.resamples(), r.validResamples());
    return new ReplicateOutcome(r.trueValue(), s, r.alpha(), r.lackOfFitP() == null ? Double.NaN : r.lackOfFitP());
  }

  /** The key of a replicate row. */
  static Key keyOf(Row r) {
    CalibrationReplicateRow x = OutputTables.CALIBRATION_REPLICATES.fromRow(r);
    return key(x.kind(), x.truth(), x.scheme(), x.study(), x.corpus(), x.statistic(), x.baseline(), x.treatment());
  }

  /**
   * A cell of the calibration table; the false-positive columns are filled under the null truth
   * only, the power columns for Δβ under the study's truths only.
   */
  static Row summary(Key key, List<ReplicateOutcome> outcomes, long[] replicateOf, double level) {
    CalibrationSummary s = CalibrationSummary.of(outcomes, level);
    java.util.Map<Long, long[]> perReplicate = new java.util.TreeMap<>(); // {rejections, covered, contrasts}
    int resamples = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      ReplicateOutcome o = outcomes.get(i);
      long[] c = perReplicate.computeIfAbsent(replicateOf[i], k -> new long[3]);
      c[0] += o.significant() ? 1 : 0;
      c[1] += o.covers(IntervalMethod.PERCENTILE) ? 1 : 0;
      c[2]++;
      resamples = Math.max(resamples, o.summary().resamples());
    }
    long[] rejections = perReplicate.values().stream().mapToLong(c -> c[0]).toArray();
    long[] covered = perReplicate.values().stream().mapToLong(c -> c[1]).toArray();
    long[] trials = perReplicate.values().stream().mapToLong(c -> c[2]).toArray();
    ReplicateRate fpr = ReplicateRate.of(rejections, trials, level);
    ReplicateRate cov = ReplicateRate.of(covered, trials, level);
    boolean nullTruth = "null".equals(key.truth());
    boolean power = !nullTruth && "delta_beta".equals(key.kind()); // a law parameter's sign test means nothing
    BinomialInterval rej = s.rejections();
    BinomialInterval pow = s.correctSign();
    BinomialInterval pc = s.coverage().get(IntervalMethod.PERCENTILE);
    BinomialInterval bc = s.coverage().get(IntervalMethod.BCA);
    BinomialInterval ex = s.coverage().get(IntervalMethod.EXPANDED);
    BinomialInterval lof = s.lackOfFit();
    return OutputTables.CALIBRATION_SUMMARY.toRow(new CalibrationSummaryRow(key.kind(), key.truth(), key.scheme(),
        key.study(), key.corpus(), key.statistic(), key.baseline(), key.treatment(), s.replicates(), s.meanTruth(),
        nullTruth ? rej.rate() : null, nullTruth ? rej.low() : null, nullTruth ? rej.high() : null,
        power ? pow.rate() : null, power ? pow.low() : null, power ? pow.high() : null, s.wrongSign(), pc.rate(),
        pc.low(), pc.high(), bc.rate(), bc.low(), bc.high(), ex.rate(), ex.low(), ex.high(), s.bias(), s.spread(),
        s.meanStandardError(), s.standardErrorRatio(), level, s.rmse(), lof.trials() == 0 ? null : lof.rate(),
        lof.trials() == 0 ? null : lof.low(), lof.trials() == 0 ? null : lof.high(), nullTruth ? fpr.low() : null,
        nullTruth ? fpr.high() : null, cov.low(), cov.high(), nullTruth && "delta_beta".equals(key.kind())
            && outcomes.size() > 0 ? (Double) SignTest.exactSize(resamples, outcomes.get(0).alpha()) : null));
  }

  /** A key joined into one string, for groupByKey. */
  static String join(Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      sb.append(i > 0 ? "\u0001" : "").append(parts[i] == null ? "\u0002" : parts[i]);
    }
    return sb.toString();
  }

  /** The inverse of {@link #join} (nulls restored). */
  static Object[] split(String key) {
    String[] p = key.split("\u0001", -1);
    Object[] out = new Object[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i].equals("\u0002") ? null : p[i];
    }
    return out;
  }
}
