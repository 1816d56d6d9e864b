package org.scalesweep.jobs.report;

import static org.scalesweep.jobs.report.Tables.d;
import static org.scalesweep.jobs.report.Tables.s;

import java.util.Locale;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.spark.sql.Row;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.table.Outputs;

/**
 * The allocation exponents of the overall law, N* ∝ F^a and D* ∝ F^b, as the report's table and the
 * frontier figure's legend both print them (one source, one format): Approach 2 from its row of
 * fits.parquet, Approach 3 from the joint law's α and β (a = β/(α+β), b = α/(α+β)).
 */
final class AllocationExponents {
  /**
   * One exponent with its interval.
   *
   * @param estimate the exponent (NaN when not fitted)
   * @param low lower end of the interval (NaN when none)
   * @param high upper end
   * @param method where the interval comes from, in words
   * @param flags the fit's flags
   */
  record Exponent(double estimate, double low, double high, String method, String flags) {}

  private AllocationExponents() {}

  /** The printed form of an exponent, used by the table and the legend alike. */
  static String format(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /**
   * Approach 2's exponent {@code param} ("a" or "b") on a corpus: the slope of log10 N* (or D*) on
   * log10 F across budgets. Its interval is the fit's bootstrap interval when fits.parquet holds one,
   * else the ordinary least-squares t-interval of that slope at {@code level}, from R² and the number
   * of budgets (|slope|/se = |r|·√(k−2)/√(1−r²)); that interval treats each budget's optimum as exact.
   */
  static Exponent approach2(Tables t, String corpus, String param, double level) {
    Row r = t.where(Outputs.FITS, x -> "approach2".equals(s(x, "law")) && corpus.equals(s(x, "corpus"))
        && param.equals(s(x, "param"))).stream().findFirst().orElse(null);
    if (r == null) {
      return new Exponent(Double.NaN, Double.NaN, Double.NaN, "", "");
    }
    double est = d(r, "estimate");
    String flags = r.getAs("flags") == null ? "" : s(r, "flags");
    if (Double.isFinite(d(r, "ci_low")) && Double.isFinite(d(r, "ci_high"))) {
      return new Exponent(est, d(r, "ci_low"), d(r, "ci_high"), "bootstrap", flags);
    }
    int k = ((Number) r.getAs("points")).intValue();
    double r2 = d(r, "r_squared");
    if (k < 3 || !(r2 > 0) || r2 >= 1 || !Double.isFinite(est)) {
      return new Exponent(est, Double.NaN, Double.NaN, "", flags);
    }
    double se = Math.abs(est) * Math.sqrt((1 - r2) / ((k - 2) * r2));
    double q = TDistribution.of(k - 2).inverseCumulativeProbability((1 + level) / 2);
    return new Exponent(est, est - q * se, est + q * se, "t over " + k + " budgets", flags);
  }

  /** Approach 2's exponent at the conventional 95% level (the legend prints only the estimate). */
  static Exponent approach2(Tables t, String corpus, String param) {
    return approach2(t, corpus, param, 0.95);
  }

  /**
   * Approach 3's exponent from the joint law L = E + A/N^α + B/D^β fitted to every run of the overall
   * loss: a = β/(α+β), b = α/(α+β) (no interval: the pipeline does not bootstrap the joint law).
   */
  static Exponent approach3(Tables t, String corpus, String param) {
    double alpha = joint(t, corpus, "alpha");
    double beta = joint(t, corpus, "beta");
    double v = "a".equals(param) ? beta / (alpha + beta) : alpha / (alpha + beta);
    return new Exponent(v, Double.NaN, Double.NaN, "", "");
  }

  private static double joint(Tables t, String corpus, String param) {
    return t.where(Outputs.FITS, x -> Study.OVERALL.equals(s(x, "study")) && "chinchilla".equals(s(x, "law"))
        && corpus.equals(s(x, "corpus")) && param.equals(s(x, "param"))).stream().mapToDouble(x -> d(x, "estimate"))
        .findFirst().orElse(Double.NaN);
  }
}
