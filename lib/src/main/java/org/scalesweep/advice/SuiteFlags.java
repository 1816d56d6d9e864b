package org.scalesweep.advice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.scalesweep.grid.GridRules;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.law.JointLaw;
import org.scalesweep.relative.Frontier;

/**
 * What an ingested suite's own data says is wrong with it, and the "rerun / extend" candidates
 * that answer it.
 *
 * <ul>
 *   <li><b>Off-curve runs</b> ({@link FlagKind#OFF_CURVE}): per configuration the residual of its
 *       seed-averaged overall loss from the overall loss's fitted joint law (the fit stage's robust
 *       Approach 3 fit), r_k = ln ℓ̄_k − ln L̂(N_k, D_k), centred on the median; the robust scale
 *       scale s_r = 1.4826·median|r_k − median(r)|·√(n/(n − 5)) (the MAD, σ for normal residuals and
 *       insensitive to the outliers it looks for, widened for the law's 5 fitted parameters). When
 *       any configuration has two seeds, σ̂_k² = s_r² + v/s_k with v the pooled within-configuration
 *       variance of ln ℓ over seeds: the seed noise of the configuration's mean plus the law's error at
 *       that point, for which the residuals' own scale stands (a fit to the same data understates
 *       both: on a simulated suite with 3 seeds, s_r alone came out below the seed noise of the means,
 *       and a clean configuration 2σ off plus the fitted law's 0.18% error there crossed 3.5 s_r).
 *       Conservative: it flags offsets beyond about z·σ̂ (0.8% at 0.3% seed noise and 3 seeds);
 *       without seeds σ̂ = s_r. Flagged when |r_k − median(r)| &gt; z·σ̂ with
 *       z = max({@link #OFF_CURVE_SIGMAS}, Φ⁻¹(1 − {@link #FAMILY_ALPHA}/(2n))) for n configurations:
 *       with normal residuals a clean suite gets any flag with probability about 1% whatever its size
 *       (z = 3.5 for 20 configurations, 3.9 for 85; a plain 3σ would flag one of 20 clean
 *       configurations in 5% of suites).
 *   <li><b>Budgets whose optimum is not bracketed</b>: the frontier's IsoFLOP parabola in log10 N at
 *       each budget (as the fit stage fits it, {@link Frontier#log10Params}); flagged
 *       {@link FlagKind#OPTIMUM_OUTSIDE} when its vertex N* lies beyond the smallest or largest N
 *       trained there, {@link FlagKind#OPTIMUM_UNPLACED} when there is no vertex (fewer than 3
 *       sizes, or a flat or downward curve: then the optimum lies on the side of the trained end
 *       with the lower loss).
 * </ul>
 */
public final class SuiteFlags {
  private SuiteFlags() {}

  /** Fewest robust standard deviations beyond which a configuration is off its curve. */
  public static final double OFF_CURVE_SIGMAS = 3;
  /** Chance that a clean suite with normal residuals gets any off-curve flag (Bonferroni over its configurations). */
  public static final double FAMILY_ALPHA = 0.01;

  /** Robust standard deviations beyond which one of n configurations is off its curve. */
  public static double offCurveSigmas(int n) {
    return Math.max(OFF_CURVE_SIGMAS, NormalDistribution.of(0, 1).inverseSurvivalProbability(FAMILY_ALPHA / (2.0 * n)));
  }
  /** Parameters of the joint law the residuals come from. */
  static final int JOINT_LAW_PARAMETERS = 5;
  /** MAD → σ for normal residuals. */
  static final double MAD_TO_SIGMA = 1.4826;

  /** Off-curve configurations, in the order given. */
  public static List<SuiteFlag> offCurve(List<TrainedConfig> configs, JointLaw overall) {
    int n = configs.size();
    double[] r = new double[n];
    for (int k = 0; k < n; k++) {
      ModelConfig c = configs.get(k).config();
      r[k] = Math.log(configs.get(k).meanLoss()) - Math.log(overall.at(c.params(), c.tokens()));
    }
    double med = median(r);
    double[] abs = new double[n];
    for (int k = 0; k < n; k++) {
      abs[k] = Math.abs(r[k] - med);
    }
    // the fit used these residuals' own data (5 parameters): its MAD understates their scale by about √((n − 5)/n)
    double mad = MAD_TO_SIGMA * median(abs) * Math.sqrt(n / Math.max(1.0, n - JOINT_LAW_PARAMETERS));
    double seedVariance = NoiseEstimate.pooledWithinVariance(configs);
    double z = offCurveSigmas(n);
    List<SuiteFlag> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      TrainedConfig t = configs.get(k);
      double sigma = Double.isFinite(seedVariance) ? Math.sqrt(mad * mad + seedVariance / t.seeds()) : mad;
      double threshold = z * sigma;
      if (abs[k] > threshold && sigma > 0) {
        double[] range = range(configs, t.config().budget());
        out.add(new SuiteFlag(FlagKind.OFF_CURVE, t.runId(), t.config().budget(), t.config().params(), r[k] - med,
            threshold, range[0], range[1], "", String.format(Locale.ROOT, "loss %.4f is %+.2f%% off the joint law's "
                + "%.4f (%.1f sigmas; sigma = %.3f%% from the residuals' robust scale over %d configurations and the seed "
                + "noise of its mean; threshold %.2f sigmas): possibly mis-tuned, rerun it", t.meanLoss(), 100 * (Math.exp(r[k] - med) - 1),
                overall.at(t.config().params(), t.config().tokens()) * Math.exp(med), (r[k] - med) / sigma,
                100 * sigma, n, z)));
      }
    }
    return out;
  }

  /** Budgets of the frontier whose optimum the trained sizes do not bracket, in budget order. */
  public static List<SuiteFlag> outOfRange(List<TrainedConfig> configs, Frontier frontier) {
    List<SuiteFlag> out = new ArrayList<>();
    for (int j = 0; j < frontier.budgets().length; j++) {
      double b = frontier.budgets()[j];
      List<TrainedConfig> on = configs.stream().filter(c -> c.config().budget() == b)
          .sorted(Comparator.comparingLong(c -> c.config().params())).toList();
      if (on.isEmpty()) {
        continue;
      }
      double[] range = range(configs, b);
      double v = frontier.log10Params()[j];
      long sizes = on.stream().mapToLong(c -> c.config().params()).distinct().count();
      if (!frontier.usable()[j] || !Double.isFinite(v)) {
        String side = on.get(on.size() - 1).meanLoss() < on.get(0).meanLoss() ? SuiteFlag.ABOVE : SuiteFlag.BELOW;
        String why = sizes < 3 ? sizes + " distinct sizes (a parabola needs 3)"
            : "the IsoFLOP curve is flat or opens downward over N = " + n(range[0]) + ".." + n(range[1]);
        out.add(new SuiteFlag(FlagKind.OPTIMUM_UNPLACED, null, b, Double.NaN, Double.NaN, Double.NaN, range[0],
            range[1], side, "no optimum can be placed: " + why + "; the loss is lower at the " + (side.equals(
                SuiteFlag.ABOVE) ? "largest" : "smallest") + " N, extend " + side));
      } else if (v > Math.log10(range[1]) || v < Math.log10(range[0])) {
        String side = v > Math.log10(range[1]) ? SuiteFlag.ABOVE : SuiteFlag.BELOW;
        out.add(new SuiteFlag(FlagKind.OPTIMUM_OUTSIDE, null, b, Double.NaN, v, Double.NaN, range[0], range[1], side,
            "the IsoFLOP parabola's vertex N* = " + n(Math.pow(10, v)) + " lies " + side + " the trained N = "
                + n(range[0]) + ".." + n(range[1]) + ": the optimum is extrapolated, extend " + side));
      }
    }
    return out;
  }

  /**
   * The candidates answering the flags: a {@link CandidateKind#RERUN} of each off-curve
   * configuration, and per budget flag an {@link CandidateKind#EXTEND} with up to {@code k} of the
   * grid rules' configurations of that budget on the optimum's side (beyond the trained N, nearest
   * first; none when the rules lay out nothing there).
   */
  public static List<Candidate> candidates(List<SuiteFlag> flags, List<TrainedConfig> configs, GridRules rules,
      int k) {
    List<Candidate> out = new ArrayList<>();
    for (SuiteFlag f : flags) {
      if (f.kind() == FlagKind.OFF_CURVE) {
        configs.stream().filter(c -> c.runId().equals(f.runId())).findFirst()
            .ifPresent(c -> out.add(new Candidate(CandidateKind.RERUN, f.budget(), List.of(c.config()), 0)));
      } else {
        List<ModelConfig> beyond = extension(f, configs, rules, k);
        if (!beyond.isEmpty()) {
          out.add(new Candidate(CandidateKind.EXTEND, f.budget(), beyond, 0));
        }
      }
    }
    return out;
  }

  /** Up to k grid configurations of a flagged budget beyond its trained N on the flag's side, nearest first. */
  static List<ModelConfig> extension(SuiteFlag f, List<TrainedConfig> configs, GridRules rules, int k) {
    boolean above = f.side().equals(SuiteFlag.ABOVE);
    List<Integer> taken = configs.stream().filter(c -> c.config().budget() == f.budget())
        .map(c -> c.config().width()).toList();
    return IsoFlopGrid.configurations(f.budget(), rules).stream()
        .filter(c -> !taken.contains(c.width()) && (above ? c.params() > f.sampledHigh() : c.params() < f.sampledLow()))
        .sorted(Comparator.comparingDouble(c -> Math.abs(Math.log(c.params() / (above ? f.sampledHigh()
            : f.sampledLow())))))
        .limit(k).sorted(Comparator.comparingInt(ModelConfig::width)).toList();
  }

  private static double[] range(List<TrainedConfig> configs, double budget) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (TrainedConfig c : configs) {
      if (c.config().budget() == budget) {
        lo = Math.min(lo, c.config().params());
        hi = Math.max(hi, c.config().params());
      }
    }
    return new double[] {lo, hi};
  }

  private static String n(double params) {
    return String.format(Locale.ROOT, "%.3g", params);
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
