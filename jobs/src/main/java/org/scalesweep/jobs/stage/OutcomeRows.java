package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.Row;
import org.scalesweep.boot.SignTest;
import org.scalesweep.calib.ReplicateRate;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Interval;
import org.scalesweep.boot.IntervalMethod;
import org.scalesweep.calib.BinomialInterval;
import org.scalesweep.calib.CalibrationSummary;
import org.scalesweep.calib.ReplicateOutcome;
import org.scalesweep.jobs.table.Outputs;

/**
 * The tables of {@code calibrate}: one row per replicate and statistic (what its bootstrap decided)
 * and one row per cell of the calibration table (rates with exact binomial intervals). A cell is
 * (kind, truth, scheme, study, corpus, statistic); statistic "all" pools a scheme's cells.
 */
final class OutcomeRows {
  static final String REPLICATES = Outputs.CALIBRATION_REPLICATES;
  static final String SUMMARY = Outputs.CALIBRATION_SUMMARY;
  /** Leading key columns shared by both tables. */
  static final int KEYS = 8;

  private OutcomeRows() {}

  /** The key values of a cell, in schema order. */
  static Object[] key(String kind, String truth, String scheme, String study, String corpus, String statistic,
      String baseline, String treatment) {
    return new Object[] {kind, truth, scheme, study, corpus, statistic, baseline, treatment};
  }

  static Row replicate(Object[] key, long replicate, ReplicateOutcome o) {
    BootstrapSummary s = o.summary();
    return RowFactory.create(concat(key, replicate, o.truth(), s.estimate(), s.standardError(), s.pValue(),
        o.significant(), o.correctSign(), o.wrongSign(), s.percentile().low(), s.percentile().high(), s.bca().low(),
        s.bca().high(), s.expanded().low(), s.expanded().high(), s.resamples(), s.valid(), o.alpha(),
        s.percentile().level(), Double.isFinite(o.lackOfFitP()) ? o.lackOfFitP() : null));
  }

  /** The outcome a replicate row records (intervals and decision, not the draws). */
  static ReplicateOutcome outcome(Row r) {
    double level = r.getDouble(KEYS + 17);
    BootstrapSummary s = new BootstrapSummary(r.getDouble(KEYS + 2), r.getDouble(KEYS + 3),
        new Interval(r.getDouble(KEYS + 8), r.getDouble(KEYS + 9), level, IntervalMethod.PERCENTILE),
        new Interval(r.getDouble(KEYS + 10), r.getDouble(KEYS + 11), level, IntervalMethod.BCA),
        new Interval(r.getDouble(KEYS + 12), r.getDouble(KEYS + 13), level, IntervalMethod.EXPANDED),
        r.getDouble(KEYS + 4), r.getInt(KEYS + 14), r.getInt(KEYS + 15));
    return new ReplicateOutcome(r.getDouble(KEYS + 1), s, r.getDouble(KEYS + 16),
        r.isNullAt(KEYS + 18) ? Double.NaN : r.getDouble(KEYS + 18));
  }

  /** Key values of a row of either table. */
  static Object[] keyOf(Row r) {
    Object[] k = new Object[KEYS];
    for (int i = 0; i < KEYS; i++) {
      k[i] = r.get(i);
    }
    return k;
  }

  /**
   * A cell of the calibration table; the false-positive columns are filled under the null truth
   * only, the power columns for Δβ under the study's truths only.
   */
  static Row summary(Object[] key, List<ReplicateOutcome> outcomes, long[] replicateOf, double level) {
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
    boolean nullTruth = "null".equals(key[1]);
    boolean power = !nullTruth && "delta_beta".equals(key[0]); // a law parameter's sign test means nothing
    BinomialInterval rej = s.rejections();
    BinomialInterval pow = s.correctSign();
    BinomialInterval pc = s.coverage().get(IntervalMethod.PERCENTILE);
    BinomialInterval bc = s.coverage().get(IntervalMethod.BCA);
    BinomialInterval ex = s.coverage().get(IntervalMethod.EXPANDED);
    BinomialInterval lof = s.lackOfFit();
    return RowFactory.create(concat(key, s.replicates(), s.meanTruth(), nullTruth ? rej.rate() : null,
        nullTruth ? rej.low() : null, nullTruth ? rej.high() : null, power ? pow.rate() : null,
        power ? pow.low() : null, power ? pow.high() : null, s.wrongSign(), pc.rate(), pc.low(), pc.high(),
        bc.rate(), bc.low(), bc.high(), ex.rate(), ex.low(), ex.high(), s.bias(), s.spread(), s.meanStandardError(),
        s.standardErrorRatio(), level, s.rmse(), lof.trials() == 0 ? null : lof.rate(),
        lof.trials() == 0 ? null : lof.low(), lof.trials() == 0 ? null : lof.high(), nullTruth ? fpr.low() : null,
        nullTruth ? fpr.high() : null, cov.low(), cov.high(), nullTruth && "delta_beta".equals(key[0])
            && outcomes.size() > 0 ? SignTest.exactSize(resamples, outcomes.get(0).alpha()) : null));
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

  private static Object[] concat(Object[] key, Object... rest) {
    Object[] out = new Object[key.length + rest.length];
    System.arraycopy(key, 0, out, 0, key.length);
    System.arraycopy(rest, 0, out, key.length, rest.length);
    return out;
  }
}
