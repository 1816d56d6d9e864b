package org.scalesweep.relative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalesweep.boot.Resampler;

/**
 * The restricted wild cluster bootstrap-t of Δβ (scheme {@code wild-t}). For contrast k:
 *
 * <ol>
 *   <li>the null Δβ = 0 is imposed on the data by the restricted fit of the budget-level
 *       regression: every loss of the treatment at budget F_j is multiplied by exp(−(r_j − r̄)),
 *       r_j = ln Ê_t − ln Ê_b the observed log-ratio there. The factor is constant within a budget,
 *       so it scales the treatment's IsoFLOP parabola (its vertex and the frontier do not move) and
 *       makes every restricted log-ratio equal r̄: restricted Δβ is exactly 0 and the budgets'
 *       scatter about the line, which the wild signs recreate, is not also kept as fixed structure
 *       (keeping it doubled the studentizing variance);</li>
 *   <li>resample b's losses are the restricted parabola fits plus the HC2 residuals times one weight
 *       per cluster (Webb six-point when there are at most {@link #WEBB_MAX_CLUSTERS} clusters,
 *       Rademacher beyond), as in the wild scheme;</li>
 *   <li>the frontier subgroup is held at its observed losses (its noise enters Δβ only at second
 *       order, and resampling it gave the restricted resamples a data-dependent mean);</li>
 *   <li>each resample is studentized by its own budget-level standard error
 *       ({@link RelativeScaling#budgetStandardErrors}: Δβ is the OLS slope of the per-budget
 *       log-ratios on ln F, and s/√Sxx its standard error): t* = Δβ* / se*, and the full sample's
 *       t = Δβ̂ / se(Δβ̂) likewise. (A leave-one-cluster-out jackknife standard error was tried
 *       first: it over-states the spread by 1.4–1.7× and is so noisy that the test rejected 7–9% of
 *       true nulls.)</li>
 * </ol>
 *
 * The value written per resample is the pseudo-draw Δβ̂ − se(Δβ̂)·t*: #{pseudo ≤ 0} = #{t* ≥ t},
 * so the sign test's p on the pseudo-draws is the equal-tailed bootstrap-t p-value
 * 2·min(1 + #{t* ≥ t}, 1 + #{t* ≤ t})/(B + 1), and their percentile interval is the equal-tailed
 * bootstrap-t interval [Δβ̂ − se·t*₀.₉₇₅, Δβ̂ − se·t*₀.₀₂₅]. γ, β_b and β_t are the restricted
 * resample's own values (raw Δβ* = β_b − β_t, e.g. for crossover covariances). A resample whose se*
 * is 0 or not finite gives NaN (a failed resample).
 *
 * <p>Contrasts whose nulls can be imposed together (distinct treatments, no treatment that is
 * another's baseline) share one restricted data set per resample ("pass"); otherwise they get one
 * each. Cost per resample: one evaluation of the statistic per pass. Not thread-safe.
 */
final class RestrictedWildT {
  /** Webb weights up to this many clusters (6^G distinct draws instead of 2^G), Rademacher beyond. */
  static final int WEBB_MAX_CLUSTERS = 12;

  private final RelativeScaling statistic;
  private final WildResiduals wild;
  private final Resampler resampler;
  private final long scopeKey;
  private final long[] clusters;
  private final boolean webb;
  private final double[] estimate;
  private final double[] standardError;
  /** Contrast indices per pass. */
  private final List<int[]> passes;
  /** Null-imposing factor of each contrast's treatment per run. */
  private final double[][] factor;
  private final int[] treatmentIdx;
  private final double[] seStar;
  private final int[] df;
  /** The frontier subgroup's index when it is held at its observed losses (-1: resampled). */
  private final int frontierIdx;
  private final double[] frontierRow;
  private final double[] signs;
  private final double[][] base;
  private final double[][] scaled;
  private final double[][] rows;
  private final double[] full;

  RestrictedWildT(RelativeScaling statistic, WildResiduals wild, Resampler resampler, long scopeKey) {
    this.statistic = statistic;
    this.wild = wild;
    this.resampler = resampler;
    this.scopeKey = scopeKey;
    CorpusRuns runs = statistic.runs();
    this.clusters = runs.cluster();
    long[] distinct = runs.distinctClusters();
    this.webb = distinct.length <= WEBB_MAX_CLUSTERS;
    int n = runs.runs();
    int stats = statistic.statistics();
    full = new double[stats];
    estimate = new double[stats];
    List<Contrast> contrasts = statistic.contrasts();
    standardError = new double[contrasts.size()];
    seStar = new double[contrasts.size()];
    df = new int[contrasts.size()];
    statistic.evaluateInto(null, null, estimate);
    statistic.budgetStandardErrors(standardError, df, true);
    treatmentIdx = new int[contrasts.size()];
    for (int k = 0; k < contrasts.size(); k++) {
      treatmentIdx[k] = runs.subgroupIndex(contrasts.get(k).treatment());
    }
    double[] budgets = runs.distinctBudgets();
    factor = new double[contrasts.size()][n];
    for (int k = 0; k < contrasts.size(); k++) {
      // restricted fit: the treatment's log-ratio to the baseline made constant over budgets
      double[] ratio = statistic.logRatios(k);
      double mean = Arrays.stream(ratio).filter(Double::isFinite).average().orElse(Double.NaN);
      for (int r = 0; r < n; r++) {
        double rj = ratio[Arrays.binarySearch(budgets, runs.budgetAt(r))];
        factor[k][r] = Double.isFinite(rj) && Double.isFinite(mean) ? Math.exp(-(rj - mean)) : 1;
      }
    }
    passes = passes(contrasts);
    int f = runs.subgroupIndex(runs.frontierSubgroup());
    boolean compared = contrasts.stream().anyMatch(c -> c.baseline().equals(runs.frontierSubgroup())
        || c.treatment().equals(runs.frontierSubgroup()));
    frontierIdx = compared ? -1 : f;
    frontierRow = runs.lossRow(f);
    int groups = runs.subgroups().size();
    signs = new double[n];
    base = new double[groups][n];
    scaled = new double[groups][n];
    rows = new double[groups][];
  }

  /** Greedy grouping of contrasts whose nulls can be imposed on one data set. */
  static List<int[]> passes(List<Contrast> contrasts) {
    List<List<Integer>> groups = new ArrayList<>();
    for (int k = 0; k < contrasts.size(); k++) {
      Contrast c = contrasts.get(k);
      List<Integer> home = null;
      for (List<Integer> g : groups) {
        boolean ok = true;
        for (int i : g) {
          Contrast o = contrasts.get(i);
          if (o.treatment().equals(c.treatment()) || o.treatment().equals(c.baseline())
              || o.baseline().equals(c.treatment())) {
            ok = false;
            break;
          }
        }
        if (ok) {
          home = g;
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>();
        groups.add(home);
      }
      home.add(k);
    }
    return groups.stream().map(g -> g.stream().mapToInt(Integer::intValue).toArray()).toList();
  }

  /** Full-sample budget-level standard error of Δβ per contrast. */
  double[] standardErrors() {
    return standardError.clone();
  }

  /** Resample b's statistics into {@code out} (pseudo-draw Δβ, restricted γ, β_b, β_t per contrast). */
  void evaluate(long b, double[] out) {
    if (webb) {
      resampler.runWebb(scopeKey, clusters, b, signs);
    } else {
      resampler.runSigns(scopeKey, clusters, b, signs);
    }
    wild.resample(signs, base);
    int p = RelativeScaling.PER_CONTRAST;
    for (int[] pass : passes) {
      System.arraycopy(base, 0, rows, 0, base.length);
      if (frontierIdx >= 0) {
        rows[frontierIdx] = frontierRow;
      }
      for (int k : pass) {
        int g = treatmentIdx[k];
        double[] src = base[g];
        double[] dst = scaled[g];
        double[] f = factor[k];
        for (int r = 0; r < src.length; r++) {
          dst[r] = src[r] * f[r];
        }
        rows[g] = dst;
      }
      statistic.evaluateInto(null, rows, full);
      statistic.budgetStandardErrors(seStar, df, true);
      for (int k : pass) {
        double se = seStar[k];
        double t = full[k * p] / se;
        out[k * p] = se > 0 && Double.isFinite(t) && standardError[k] > 0
            ? estimate[k * p] - standardError[k] * t : Double.NaN;
        out[k * p + 1] = full[k * p + 1];
        out[k * p + 2] = full[k * p + 2];
        out[k * p + 3] = full[k * p + 3];
      }
    }
  }

}
