package org.scalesweep.boot;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.scalesweep.sim.KeyedRandom;
import org.scalesweep.sim.Keys;

/**
 * Weights of bootstrap resample b, keyed by (seed, unit, b): resample b is the same whoever
 * computes it, in whatever order.
 */
public final class Resampler {
  private static final long RUNS = Keys.name("resample-runs");
  private static final long ITEMS = Keys.name("resample-items");
  private static final long SIGNS = Keys.name("resample-signs");

  private final long seed;
  private final WeightKind kind;

  public Resampler(long seed, WeightKind kind) {
    if (kind == null) {
      throw new IllegalArgumentException("resampler needs a weight kind, got null");
    }
    this.seed = seed;
    this.kind = kind;
  }

  public WeightKind kind() {
    return kind;
  }

  /**
   * Per-run weights for resample b: every run of a cluster gets its cluster's weight.
   *
   * @param scopeKey key of the resampling scope (e.g. the corpus), so scopes draw independently
   * @param clusterOfRun cluster key of each run
   */
  public void runWeights(long scopeKey, long[] clusterOfRun, long b, double[] out) {
    if (kind == WeightKind.POISSON) {
      long base = Keys.of(seed, RUNS, scopeKey);
      for (int r = 0; r < clusterOfRun.length; r++) {
        out[r] = PoissonWeights.draw(Keys.of(base, clusterOfRun[r], b));
      }
      return;
    }
    long[] distinct = Arrays.stream(clusterOfRun).distinct().sorted().toArray();
    int[] counts = multinomial(Keys.of(seed, RUNS, scopeKey, b), distinct.length);
    for (int r = 0; r < clusterOfRun.length; r++) {
      out[r] = counts[Arrays.binarySearch(distinct, clusterOfRun[r])];
    }
  }

  /** Item weights of a subgroup's items [0, n), a block of resamples at a time (the fast path). */
  public WeightBlock weightBlock(long subgroupKey, int n) {
    if (kind == WeightKind.POISSON) {
      return new WeightBlock(Keys.of(seed, ITEMS, subgroupKey), java.util.stream.LongStream.range(0, n).toArray());
    }
    return new WeightBlock(n, (b, out) -> itemWeights(subgroupKey, b, n, out));
  }

  /**
   * Cluster weights of a resampling scope, a block of resamples at a time: one row per distinct
   * cluster key ({@code distinctClusters} sorted ascending, as {@link #runWeights} indexes them).
   */
  public WeightBlock clusterBlock(long scopeKey, long[] distinctClusters) {
    if (kind == WeightKind.POISSON) {
      return new WeightBlock(Keys.of(seed, RUNS, scopeKey), distinctClusters);
    }
    return new WeightBlock(distinctClusters.length, (b, out) -> {
      int[] counts = multinomial(Keys.of(seed, RUNS, scopeKey, b), distinctClusters.length);
      for (int i = 0; i < counts.length; i++) {
        out[i] = counts[i];
      }
    });
  }

  /**
   * Rademacher signs (±1, each with probability ½) for resample b of the wild scheme: every run of
   * a cluster gets its cluster's sign. Keyed like {@link #runWeights}, whatever the weight kind.
   */
  public void runSigns(long scopeKey, long[] clusterOfRun, long b, double[] out) {
    long base = Keys.of(seed, SIGNS, scopeKey);
    for (int r = 0; r < clusterOfRun.length; r++) {
      out[r] = (Keys.mix(Keys.of(base, clusterOfRun[r], b)) & 1L) == 0 ? -1 : 1;
    }
  }

  /**
   * Webb's six-point weights (±√½, ±1, ±√(3/2), each with probability 1/6: mean 0, variance 1) for
   * resample b of the wild-t scheme, one per cluster, shared by its runs. With G clusters Rademacher
   * signs take only 2^G distinct values, too few to resolve a 5% tail when G is small; Webb's take 6^G.
   */
  public void runWebb(long scopeKey, long[] clusterOfRun, long b, double[] out) {
    long base = Keys.of(seed, SIGNS, scopeKey);
    for (int r = 0; r < clusterOfRun.length; r++) {
      out[r] = WEBB[(int) ((Keys.mix(Keys.of(base, clusterOfRun[r], b)) >>> 1) % 6)];
    }
  }

  /** A keyed uniform on (0, 1) for (scope, unit, resample b), e.g. a t draw by inversion. */
  public double uniform(long scopeKey, long unit, long b) {
    return ((Keys.mix(Keys.of(seed, SIGNS, scopeKey, unit, b)) >>> 11) + 0.5) * 0x1.0p-53;
  }

  private static final double[] WEBB = {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)};

  /** Item weights of resample b for items [0, n) of one subgroup. */
  public void itemWeights(long subgroupKey, long b, int n, double[] out) {
    if (kind == WeightKind.POISSON) {
      long base = Keys.of(seed, ITEMS, subgroupKey);
      for (int i = 0; i < n; i++) {
        out[i] = PoissonWeights.draw(Keys.of(base, i, b));
      }
      return;
    }
    int[] counts = multinomial(Keys.of(seed, ITEMS, subgroupKey, b), n);
    for (int i = 0; i < n; i++) {
      out[i] = counts[i];
    }
  }

  private static int[] multinomial(long key, int k) {
    int[] counts = new int[k];
    UniformRandomProvider rng = KeyedRandom.stream(key);
    for (int i = 0; i < k; i++) {
      counts[rng.nextInt(k)]++;
    }
    return counts;
  }
}
