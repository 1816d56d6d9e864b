package org.scalesweep.relative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalesweep.boot.Resampler;

/**
 * The restricted wild cluster bootstrap-t of Δβ (scheme {@code wild-t}). For contrast k:
 *
 * <ol>
 *   <li>the null Δβ = 0 is imposed on the data: every loss of the treatment at budget F is
 *       multiplied by exp(−Δβ̂·(ln F − mean ln F)). The factor is constant within a budget, so it
 *       scales the treatment's IsoFLOP parabola there (its vertex and the frontier do not move),
 *       shifts ln E_t(F) by −Δβ̂·ln F + const and so makes the restricted Δβ exactly 0;</li>
 *   <li>resample b's losses are the restricted parabola fits plus the HC2 residuals times one weight
 *       per cluster (Webb six-point when there are at most {@link #WEBB_MAX_CLUSTERS} clusters,
 *       Rademacher beyond), as in the wild scheme;</li>
 *   <li>each resample is studentized by its own leave-one-cluster-out jackknife standard error
 *       (the CR3-type cluster-robust variance of a nonlinear statistic):
 *       t* = Δβ* / se*(Δβ*), and the full sample's t = Δβ̂ / se(Δβ̂) likewise.</li>
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
 * each. Cost per resample: passes × (clusters + 1) evaluations of the statistic. Not thread-safe.
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
  private final double[][] jackWeights;
  private final double[] estimate;
  private final double[] standardError;
  /** Contrast indices per pass. */
  private final List<int[]> passes;
  /** Null-imposing factor of each contrast's treatment per run. */
  private final double[][] factor;
  private final int[] treatmentIdx;
  /** Full-sample compute-optimal log10 D per budget, held fixed by the studentizing jackknife. */
  private final double[] vertices;
  /** The frontier subgroup's index when it is held at its observed losses (-1: resampled). */
  private final int frontierIdx;
  private final double[] frontierRow;
  private final double[] signs;
  private final double[][] base;
  private final double[][] scaled;
  private final double[][] rows;
  private final double[] full;
  private final double[][] jack;

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
    jackWeights = new double[distinct.length][n];
    for (int c = 0; c < distinct.length; c++) {
      for (int r = 0; r < n; r++) {
        jackWeights[c][r] = clusters[r] == distinct[c] ? 0 : 1;
      }
    }
    int stats = statistic.statistics();
    full = new double[stats];
    jack = new double[distinct.length][stats];
    estimate = new double[stats];
    statistic.evaluateInto(null, null, estimate);
    vertices = statistic.vertices();
    for (int c = 0; c < distinct.length; c++) {
      statistic.evaluateAt(jackWeights[c], null, vertices, jack[c]);
    }
    List<Contrast> contrasts = statistic.contrasts();
    standardError = new double[contrasts.size()];
    treatmentIdx = new int[contrasts.size()];
    for (int k = 0; k < contrasts.size(); k++) {
      standardError[k] = jackknifeSe(jack, k * RelativeScaling.PER_CONTRAST);
      treatmentIdx[k] = runs.subgroupIndex(contrasts.get(k).treatment());
    }
    double[] budgets = runs.distinctBudgets();
    double meanLog = Arrays.stream(budgets).map(Math::log).average().orElse(0);
    factor = new double[contrasts.size()][n];
    for (int k = 0; k < contrasts.size(); k++) {
      double db = estimate[k * RelativeScaling.PER_CONTRAST];
      for (int r = 0; r < n; r++) {
        factor[k][r] = Double.isFinite(db) ? Math.exp(-db * (Math.log(runs.budgetAt(r)) - meanLog)) : 1;
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

  /** Full-sample leave-one-cluster-out standard error of Δβ per contrast. */
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
      for (int c = 0; c < jackWeights.length; c++) {
        statistic.evaluateAt(jackWeights[c], rows, vertices, jack[c]);
      }
      for (int k : pass) {
        double se = jackknifeSe(jack, k * p);
        double t = full[k * p] / se;
        out[k * p] = se > 0 && Double.isFinite(t) && standardError[k] > 0
            ? estimate[k * p] - standardError[k] * t : Double.NaN;
        out[k * p + 1] = full[k * p + 1];
        out[k * p + 2] = full[k * p + 2];
        out[k * p + 3] = full[k * p + 3];
      }
    }
  }

  /** √((G − 1)/G · Σ(θ₍c₎ − θ̄)²) over the clusters whose leave-one-out value is finite; NaN below 2. */
  static double jackknifeSe(double[][] jack, int column) {
    double sum = 0;
    int g = 0;
    for (double[] row : jack) {
      if (Double.isFinite(row[column])) {
        sum += row[column];
        g++;
      }
    }
    if (g < 2) {
      return Double.NaN;
    }
    double mean = sum / g;
    double ss = 0;
    for (double[] row : jack) {
      if (Double.isFinite(row[column])) {
        double d = row[column] - mean;
        ss += d * d;
      }
    }
    return Math.sqrt((g - 1.0) / g * ss);
  }
}
