package org.scalesweep.relative;

import java.util.ArrayList;
import java.util.List;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.ItemResampling;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.WeightBlock;
import org.scalesweep.boot.Resampler;
import org.scalesweep.sim.Keys;

/**
 * Bootstrap resamples of one corpus's relative-scaling statistic. Resample b's weights come from
 * keyed streams, so any block of resamples can be computed anywhere and gives the same values:
 * cluster scheme reweights runs by cluster, item scheme replaces each item-level subgroup's run
 * means by item-reweighted means (one matrix product per block), two-way does both, and the wild
 * scheme replaces every loss by its parabola fit plus its residual with a sign drawn per cluster,
 * the wild-t scheme does the same under each contrast's null and studentizes ({@link RestrictedWildT}),
 * and the analytical schemes (budget-t, budget-wls) draw t quantiles around a budget-level slope.
 * Not thread-safe (it owns the statistic's scratch space).
 */
public final class RelativeBootstrap {
  private final RelativeScaling statistic;
  private final ResampleScheme scheme;
  private final long scopeKey;
  private final long[] clusters;
  private final List<ItemLosses> items;
  private final int[] itemSubgroup;
  private final long[] itemKeys;
  private final ItemResampling itemResampling;
  private final double[] weights;
  private final double[][] values;
  /** Index of each run's cluster among the sorted distinct clusters (rows of the cluster block). */
  private final int[] clusterRow;
  private final WeightBlock clusterWeights;
  private double[] clusterBlock = new double[0];
  private double[] clusterTotals = new double[0];
  private final WildResiduals wild;
  private final RestrictedWildT wildT;
  private final double[] budgetEstimate;
  private final double[] budgetSe;
  private final org.apache.commons.statistics.distribution.TDistribution[] budgetT;
  private final Resampler resampler;

  public RelativeBootstrap(RelativeScaling statistic, ResampleScheme scheme, Resampler resampler, List<ItemLosses> items,
      Gemm gemm) {
    this.statistic = statistic;
    this.scheme = scheme;
    CorpusRuns runs = statistic.runs();
    this.scopeKey = Keys.name(runs.corpus());
    this.clusters = runs.cluster();
    this.items = List.copyOf(items);
    if (scheme.resamplesItems() && this.items.isEmpty()) {
      throw new IllegalArgumentException("bootstrap scheme '" + scheme.key() + "' resamples items, but corpus "
          + runs.corpus() + " has no item-level subgroup; use scheme 'cluster'");
    }
    itemSubgroup = new int[this.items.size()];
    itemKeys = new long[this.items.size()];
    for (int k = 0; k < this.items.size(); k++) {
      ItemLosses il = this.items.get(k);
      itemSubgroup[k] = runs.subgroupIndex(il.subgroup());
      itemKeys[k] = Keys.of(Keys.name(runs.corpus()), Keys.name(il.subgroup()));
      if (il.runs() != runs.runs()) {
        throw new IllegalArgumentException("subgroup " + il.subgroup() + " has item losses for " + il.runs()
            + " runs, corpus " + runs.corpus() + " has " + runs.runs());
      }
    }
    this.resampler = resampler;
    this.itemResampling = new ItemResampling(gemm, resampler);
    this.weights = new double[runs.runs()];
    this.values = runs.loss();
    long[] distinct = runs.distinctClusters();
    this.clusterRow = new int[clusters.length];
    for (int r = 0; r < clusters.length; r++) {
      clusterRow[r] = java.util.Arrays.binarySearch(distinct, clusters[r]);
    }
    this.clusterWeights = resampler.clusterBlock(scopeKey, distinct);
    this.wild = scheme.flipsResiduals() ? new WildResiduals(runs) : null;
    this.wildT = scheme == ResampleScheme.WILD_T ? new RestrictedWildT(statistic, wild, resampler, scopeKey) : null;
    if (scheme.analytical()) {
      int c = statistic.contrasts().size();
      budgetEstimate = new double[statistic.statistics()];
      budgetSe = new double[c];
      int[] df = new int[c];
      statistic.evaluateInto(null, null, budgetEstimate);
      if (scheme == ResampleScheme.BUDGET_WLS) {
        double[] slope = new double[c];
        statistic.budgetWeighted(slope, budgetSe, df);
        for (int k = 0; k < c; k++) {
          budgetEstimate[k * RelativeScaling.PER_CONTRAST] = slope[k];
        }
      } else {
        statistic.budgetStandardErrors(budgetSe, df);
      }
      budgetT = new org.apache.commons.statistics.distribution.TDistribution[c];
      for (int k = 0; k < c; k++) {
        budgetT[k] = df[k] > 0 ? org.apache.commons.statistics.distribution.TDistribution.of(df[k]) : null;
      }
    } else {
      budgetEstimate = null;
      budgetSe = null;
      budgetT = null;
    }
  }

  /**
   * Budget-t (budget-wls) pseudo-draws of resample b: Δβ̂ − se·q (the weighted slope and its standard
   * error under budget-wls) with q a keyed t draw per contrast.
   */
  private void budgetT(long b, double[] out) {
    int p = RelativeScaling.PER_CONTRAST;
    System.arraycopy(budgetEstimate, 0, out, 0, out.length);
    for (int k = 0; k < budgetSe.length; k++) {
      out[k * p] = budgetT[k] == null || !(budgetSe[k] > 0) ? Double.NaN
          : budgetEstimate[k * p]
              - budgetSe[k] * budgetT[k].inverseCumulativeProbability(resampler.uniform(scopeKey, k, b));
    }
  }

  public RelativeScaling statistic() {
    return statistic;
  }

  /** Number of statistics per resample. */
  public int statistics() {
    return statistic.statistics();
  }

  /**
   * Evaluates resamples [first, first + count) into {@code out[k]} (one row per resample).
   */
  public void evaluate(long first, int count, double[][] out) {
    int runs = weights.length;
    List<double[]> means = new ArrayList<>(items.size());
    if (scheme.resamplesItems()) {
      for (int k = 0; k < items.size(); k++) {
        ItemLosses il = items.get(k);
        means.add(itemResampling.means(il.view(), runs, il.items(), itemKeys[k], first, count));
      }
    }
    if (scheme.resamplesRuns()) {
      // one keyed draw per cluster and resample, shared by the cluster's runs
      if (clusterBlock.length < clusterWeights.units() * count) {
        clusterBlock = new double[clusterWeights.units() * count];
        clusterTotals = new double[count];
      }
      clusterWeights.fill(first, count, clusterBlock, clusterTotals);
    }
    for (int j = 0; j < count; j++) {
      long b = first + j;
      if (budgetT != null) {
        budgetT(b, out[j]);
        continue;
      }
      if (wildT != null) {
        wildT.evaluate(b, out[j]);
        continue;
      }
      if (wild != null) {
        resampler.runSigns(scopeKey, clusters, b, weights);
        wild.resample(weights, values);
        statistic.evaluateInto(null, values, out[j]);
        continue;
      }
      if (scheme.resamplesItems()) {
        for (int k = 0; k < items.size(); k++) {
          double[] m = means.get(k);
          double[] row = values[itemSubgroup[k]];
          for (int r = 0; r < runs; r++) {
            row[r] = m[r * count + j];
          }
        }
      }
      double[] w = null;
      if (scheme.resamplesRuns()) {
        for (int r = 0; r < runs; r++) {
          weights[r] = clusterBlock[clusterRow[r] * count + j];
        }
        w = weights;
      }
      if (!scheme.resamplesItems() || !anyNaN(values)) {
        statistic.evaluateInto(w, scheme.resamplesItems() ? values : null, out[j]);
      } else {
        java.util.Arrays.fill(out[j], Double.NaN);
      }
    }
  }

  /**
   * Leave-one-cluster-out estimates for BCa: row c has every run of the c-th distinct cluster
   * weighted 0.
   */
  public double[][] jackknife() {
    long[] distinct = statistic.runs().distinctClusters();
    double[][] out = new double[distinct.length][statistic.statistics()];
    double[] w = new double[weights.length];
    for (int c = 0; c < distinct.length; c++) {
      for (int r = 0; r < w.length; r++) {
        w[r] = clusters[r] == distinct[c] ? 0 : 1;
      }
      statistic.evaluateInto(w, null, out[c]);
    }
    return out;
  }

  /** Full-sample statistics. */
  public double[] estimate() {
    double[] out = new double[statistic.statistics()];
    statistic.evaluateInto(null, null, out);
    return out;
  }

  private static boolean anyNaN(double[][] v) {
    for (double[] row : v) {
      for (double x : row) {
        if (Double.isNaN(x)) {
          return true;
        }
      }
    }
    return false;
  }
}
