package org.scalesweep.advice;

import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.sim.NoiseModel;

/**
 * The analytical screen of the advisor: the sampling variance of the budget-level weighted Δβ
 * slope (the {@code budget-wls} test) on a design, up to one unit variance that simulation
 * calibrates.
 *
 * <p>On rung j the per-budget Δ_j = ln E_t − ln E_b is read off the rung's two subgroup parabolas
 * (loss against log10 tokens) at the frontier's vertex u0_j; the run noise shared by both
 * subgroups cancels, so Var(Δ_j) = σ²·v(I)·h_j / s_j with h_j = x0ᵀ(XᵀX)⁻¹x0 the parabola's
 * prediction factor at the vertex, s_j the rung's seed replicates and v(I) = σ_run,subgroup² +
 * σ_item²/I the per-subgroup noise with I items (relative to the calibrating design's). The slope
 * over x_j = ln F_j weighted by w_j = 1/h_j then has
 * Var = σ²·Σ_j w_j²·(x_j − x̄)²·Var_j / S_xx², S_xx = Σ_j w_j·(x_j − x̄)². σ² is fitted once: the
 * Monte Carlo variance of Δβ̂ on the study's own design divided by that design's factor.
 *
 * <p>Power and expected width use the t(m − 2) reference of the test (m usable rungs): the
 * estimated standard error is taken as se·√(V/(m − 2)) with V ~ χ²(m − 2) and se² its expectation
 * (see {@link #moments}), integrated over 64 quantiles of V. It ignores parabola-vertex noise; the
 * advisor reports its error against simulation on every design it simulates.
 *
 * @param loss noiseless frontier loss of a configuration (places each rung's vertex)
 * @param noise the study's noise model (item scaling)
 * @param unitVariance σ², the calibrated variance unit of Δβ̂ (NaN: not calibrated)
 * @param seUnit the calibrated unit of the test's squared standard error (its own, since the test's
 *     standard error need not match the estimator's spread: simulation measures both)
 * @param alpha two-sided level of the sign test
 * @param level interval level
 */
public record GainModel(ToDoubleFunction<ModelConfig> loss, NoiseModel noise, double unitVariance, double seUnit,
    double alpha, double level) {

  /** An uncalibrated model. */
  public GainModel(ToDoubleFunction<ModelConfig> loss, NoiseModel noise, double alpha, double level) {
    this(loss, noise, Double.NaN, Double.NaN, alpha, level);
  }
  private static final int QUANTILES = 64;
  private static final NormalDistribution STD_NORMAL = NormalDistribution.of(0, 1);

  /**
   * This model fitted to a simulated design: {@code variance} the Monte Carlo variance of Δβ̂ over
   * its replicates, {@code meanWidth} their mean interval width (which fixes the test's standard
   * error: width = 2·t·se·E√(V/df)).
   */
  public GainModel calibrated(AdviceDesign design, double variance, double meanWidth) {
    double[] f = moments(design);
    if (!(variance >= 0) || !(f[0] > 0) || Double.isInfinite(f[0]) || !(meanWidth >= 0)) {
      throw new IllegalArgumentException("cannot calibrate on variance " + variance + " and width " + meanWidth
          + " with design factors " + java.util.Arrays.toString(f));
    }
    double se = standardErrorOfWidth(meanWidth, usable(design) - 2, level);
    return new GainModel(loss, noise, variance / f[0], se * se / f[1], alpha, level);
  }

  /** E√(V/df), V ~ χ²(df), over the model's quantiles. */
  private static double meanRoot(int df) {
    ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
    double m = 0;
    for (int k = 0; k < QUANTILES; k++) {
      m += Math.sqrt(chi.inverseCumulativeProbability((k + 0.5) / QUANTILES) / df);
    }
    return m / QUANTILES;
  }

  /** Var(Δβ̂)/σ² of a design (∞ with fewer than 3 usable rungs: rungs without a parabola are left out, as the fit does). */
  public double factor(AdviceDesign d) {
    return moments(d)[0];
  }

  /**
   * {Var(Δβ̂), E[se²]}/σ²: the slope's variance and the expectation of the test's squared standard
   * error s_w²/S_xx, where E[s_w²] = Σ_j w_j·Var_j·(1 − lev_j)/(m − 2) with the weighted leverage
   * lev_j = w_j/Σw + w_j·(x_j − x̄)²/S_xx. The two agree when every rung has the same seeds; when
   * they differ, the pooled residual variance misstates the slope's and the test's power moves with it.
   */
  double[] moments(AdviceDesign d) {
    int m = d.rungs().size();
    double[] x = new double[m];
    double[] h = new double[m];
    double sw = 0;
    double mx = 0;
    int used = 0;
    for (int j = 0; j < m; j++) {
      Rung r = d.rungs().get(j);
      x[j] = Math.log(r.budget());
      h[j] = predictionFactor(r);
      if (h[j] > 0 && Double.isFinite(h[j])) {
        sw += 1 / h[j];
        mx += x[j] / h[j];
        used++;
      }
    }
    if (used < 3) {
      return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    }
    mx /= sw;
    double sxx = 0;
    for (int j = 0; j < m; j++) {
      if (h[j] > 0 && Double.isFinite(h[j])) {
        sxx += (x[j] - mx) * (x[j] - mx) / h[j];
      }
    }
    double num = 0;
    double rss = 0;
    for (int j = 0; j < m; j++) {
      if (h[j] > 0 && Double.isFinite(h[j])) {
        double dx = x[j] - mx;
        double s = d.rungs().get(j).seeds();
        num += dx * dx / h[j] / s; // w² dx² Var_j with w = 1/h, Var_j = h/s
        double lev = (1 / h[j]) / sw + dx * dx / h[j] / sxx;
        rss += (1 - lev) / s; // w_j Var_j (1 − lev_j)
      }
    }
    double v = itemVariance(d.items());
    return new double[] {num / (sxx * sxx) * v, rss / (used - 2) / sxx * v};
  }

  /** Rungs whose parabola the fit can place (at least 3 configurations). */
  public int usable(AdviceDesign d) {
    int m = 0;
    for (Rung r : d.rungs()) {
      double h = predictionFactor(r);
      m += h > 0 && Double.isFinite(h) ? 1 : 0;
    }
    return m;
  }

  /** Per-subgroup noise variance with I items (σ_run,subgroup² + σ_item²/I; no item term with I = 0). */
  double itemVariance(int items) {
    double v = noise.sigmaRunSubgroup() * noise.sigmaRunSubgroup()
        + (items > 0 ? noise.sigmaItem() * noise.sigmaItem() / items : 0);
    return v > 0 ? v : 1;
  }

  /** h = x0ᵀ(XᵀX)⁻¹x0 of the rung's parabola in log10 tokens at its noiseless vertex (∞ with < 3 widths). */
  double predictionFactor(Rung r) {
    int n = r.configs().size();
    if (n < 3) {
      return Double.POSITIVE_INFINITY;
    }
    double[] u = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      u[i] = Math.log10(r.configs().get(i).tokens());
      mean += u[i] / n;
    }
    double[][] xtx = new double[3][3];
    double[] xty = new double[3];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double[] row = {1, u[i] - mean, (u[i] - mean) * (u[i] - mean)};
      double y = Math.log(loss.applyAsDouble(r.configs().get(i)));
      for (int a = 0; a < 3; a++) {
        xty[a] += row[a] * y;
        for (int b = 0; b < 3; b++) {
          xtx[a][b] += row[a] * row[b];
        }
      }
      lo = Math.min(lo, u[i] - mean);
      hi = Math.max(hi, u[i] - mean);
    }
    double[][] inv = invert3(xtx);
    if (inv == null) {
      return Double.POSITIVE_INFINITY;
    }
    double b1 = 0;
    double b2 = 0;
    for (int a = 0; a < 3; a++) {
      b1 += inv[1][a] * xty[a];
      b2 += inv[2][a] * xty[a];
    }
    // the noiseless vertex, kept inside the sampled range (a flat or concave curve: its best end)
    double v = b2 > 0 ? Math.max(lo, Math.min(hi, -b1 / (2 * b2))) : (b1 < 0 ? hi : lo);
    return quadratic(inv, v);
  }

  private static double quadratic(double[][] inv, double v) {
    double[] x0 = {1, v, v * v};
    double h = 0;
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        h += x0[a] * inv[a][b] * x0[b];
      }
    }
    return h;
  }

  private static double[][] invert3(double[][] m) {
    double a = m[0][0], b = m[0][1], c = m[0][2], d = m[1][0], e = m[1][1], f = m[1][2], g = m[2][0], h = m[2][1],
        k = m[2][2];
    double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
    if (!(Math.abs(det) > 1e-300)) {
      return null;
    }
    return new double[][] {
        {(e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det},
        {(f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det},
        {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}};
  }

  /** Standard deviation of Δβ̂ on a design (needs a calibrated model). */
  public double sd(AdviceDesign d) {
    return Math.sqrt(calibratedUnit() * factor(d));
  }

  /** Root of the expected squared standard error the test computes on a design. */
  public double standardError(AdviceDesign d) {
    calibratedUnit();
    return Math.sqrt(seUnit * moments(d)[1]);
  }

  private double calibratedUnit() {
    if (!Double.isFinite(unitVariance)) {
      throw new IllegalStateException("the gain model is not calibrated");
    }
    return unitVariance;
  }

  /**
   * P(significant at α with the sign of {@code effect}) on a design: E_V Φ((|Δβ| − t_c·se·√(V/df))/sd)
   * with V ~ χ²(df), df = usable rungs − 2.
   */
  public double power(AdviceDesign d, double effect) {
    return power(sd(d), standardError(d), usable(d) - 2, effect, alpha);
  }

  /**
   * P(|Δβ̂|/se* &gt; t_c(df) with the true sign) when Δβ̂ ~ N(effect, sd²) and se* = se·√(V/df), V ~ χ²(df):
   * E_V Φ((|effect| − t_c·se·√(V/df))/sd). Also turns a simulated design's spread and mean width
   * into a smooth power (less Monte Carlo noise than counting rejections).
   */
  public static double power(double sd, double se, int df, double effect, double alpha) {
    if (df < 1 || !Double.isFinite(sd) || !Double.isFinite(se)) {
      return 0;
    }
    if (sd == 0 || se == 0) {
      return effect == 0 ? 0 : 1;
    }
    double tc = TDistribution.of(df).inverseSurvivalProbability(alpha / 2);
    ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
    double p = 0;
    for (int k = 0; k < QUANTILES; k++) {
      double v = chi.inverseCumulativeProbability((k + 0.5) / QUANTILES);
      p += STD_NORMAL.cumulativeProbability((Math.abs(effect) - tc * se * Math.sqrt(v / df)) / sd);
    }
    return p / QUANTILES;
  }

  /** The standard error behind a mean interval width at a level: width / (2·t·E√(V/df)). */
  public static double standardErrorOfWidth(double meanWidth, int df, double level) {
    return df < 1 ? Double.NaN
        : meanWidth / (2 * TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2) * meanRoot(df));
  }

  /** Expected width of the Δβ interval at the model's level on a design: 2·t·se·E√(V/df). */
  public double width(AdviceDesign d) {
    int df = usable(d) - 2;
    double se = standardError(d);
    if (df < 1 || !Double.isFinite(se)) {
      return Double.POSITIVE_INFINITY;
    }
    return 2 * TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2) * se * meanRoot(df);
  }
}
