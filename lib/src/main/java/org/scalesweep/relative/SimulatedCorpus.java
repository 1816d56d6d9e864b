package org.scalesweep.relative;

import java.util.ArrayList;
import java.util.List;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.Simulator;
import org.scalesweep.sim.StructuredNoise;
import org.scalesweep.sim.Subgroup;

/**
 * Simulation of one corpus straight into {@link CorpusRuns} (replicate-averaged losses) and, on
 * request, item matrices, for tests, calibration and power studies that replicate whole sweeps in
 * memory. The Spark pipeline draws the same numbers row by row (same keys) and averages them the
 * same way (items within a seed, then seeds).
 */
public final class SimulatedCorpus {
  private SimulatedCorpus() {}

  public static CorpusRuns runs(Simulator sim, CorpusTruth truth, List<ModelConfig> configs, int replicates,
      ClusterBy clusterBy, String frontierSubgroup) {
    return sweep(sim, truth, configs, replicates, clusterBy, frontierSubgroup, false).runs();
  }

  /**
   * Runs and, when {@code withItems}, the seed-averaged runs × items matrix of every subgroup that
   * simulates items individually.
   */
  public static SimulatedSweep sweep(Simulator sim, CorpusTruth truth, List<ModelConfig> configs, int replicates,
      ClusterBy clusterBy, String frontierSubgroup, boolean withItems) {
    return sweep(sim, StructuredNoise.NONE, truth, configs, replicates, clusterBy, frontierSubgroup, withItems);
  }

  /**
   * The sweep with structured noise on top of the simulator's (see {@link StructuredNoise}): each
   * subgroup's noiseless loss is multiplied by the structure's factor of the run replicate before the
   * plain draws, missing run replicates are left out of the seed averages, and a configuration none
   * of whose seeds survived is left out of the sweep. With {@link StructuredNoise#NONE} the values are
   * bit-identical to {@link #sweep(Simulator, CorpusTruth, List, int, ClusterBy, String, boolean)}'s.
   */
  public static SimulatedSweep sweep(Simulator sim, StructuredNoise structure, CorpusTruth truth,
      List<ModelConfig> configs, int replicates, ClusterBy clusterBy, String frontierSubgroup, boolean withItems) {
    if (replicates < 1) {
      throw new IllegalArgumentException("replicates must be >= 1, got " + replicates);
    }
    int[] reps = new int[configs.size()];
    java.util.Arrays.fill(reps, replicates);
    return sweep(sim, structure, truth, configs, reps, clusterBy, frontierSubgroup, withItems);
  }

  /**
   * The sweep with its own number of seed replicates per configuration ({@code seedsPerConfig[r]} for
   * {@code configs.get(r)}): seed k of a configuration has the same draws whatever the other
   * configurations' counts (they are keyed by configuration and seed), so a design that adds seeds
   * or configurations to another shares its noise (common random numbers). With every count equal
   * the values are bit-identical to the uniform overload's.
   */
  public static SimulatedSweep sweep(Simulator sim, StructuredNoise structure, CorpusTruth truth,
      List<ModelConfig> configs, int[] seedsPerConfig, ClusterBy clusterBy, String frontierSubgroup,
      boolean withItems) {
    if (seedsPerConfig.length != configs.size()) {
      throw new IllegalArgumentException("one seed count per configuration: " + configs.size()
          + " configurations, " + seedsPerConfig.length + " counts");
    }
    int most = 0;
    for (int k : seedsPerConfig) {
      if (k < 1) {
        throw new IllegalArgumentException("seed replicates per configuration must be >= 1, got " + k);
      }
      most = Math.max(most, k);
    }
    int n = configs.size();
    int groups = truth.subgroups().size();
    double[] budget = new double[n];
    double[] params = new double[n];
    double[] tokens = new double[n];
    long[] cluster = new long[n];
    double[][] loss = new double[groups][n];
    double[][] matrices = new double[groups][];
    long corpusKey = Keys.name(truth.corpus());
    for (int g = 0; g < groups; g++) {
      Subgroup s = truth.subgroups().get(g);
      if (withItems && itemLevel(s)) {
        matrices[g] = new double[n * s.items()];
      }
    }
    double[] scratch = new double[0];
    double[][] difficulties = new double[groups][];
    for (int g = 0; g < groups; g++) {
      Subgroup s = truth.subgroups().get(g);
      difficulties[g] = itemLevel(s) ? sim.itemDifficulties(Keys.name(s.name()), s.items()) : null;
    }
    boolean[] kept = new boolean[n];
    boolean[] present = new boolean[most];
    for (int r = 0; r < n; r++) {
      ModelConfig c = configs.get(r);
      int replicates = seedsPerConfig[r];
      budget[r] = c.budget();
      params[r] = c.params();
      tokens[r] = c.tokens();
      cluster[r] = clusterBy == ClusterBy.ARCHITECTURE ? c.architectureKey() : c.runKey();
      int seeds = 0;
      for (int rep = 0; rep < replicates; rep++) {
        present[rep] = !structure.missing(sim.seed(), corpusKey, c.runKey(), rep);
        seeds += present[rep] ? 1 : 0;
      }
      kept[r] = seeds > 0;
      if (!kept[r]) {
        continue;
      }
      for (int g = 0; g < groups; g++) {
        Subgroup s = truth.subgroups().get(g);
        double truthLoss = truth.loss(g, c.params(), c.tokens(), c.budget());
        long subgroupKey = Keys.name(s.name());
        double sum = 0;
        for (int rep = 0; rep < replicates; rep++) {
          if (!present[rep]) {
            continue;
          }
          double l = truthLoss * structure.factor(sim, corpusKey, subgroupKey, c.runKey(), c.architectureKey(),
              c.budget(), rep);
          if (!itemLevel(s)) {
            sum += sim.observe(s, l, corpusKey, c.runKey(), rep).loss();
            continue;
          }
          int items = s.items();
          if (scratch.length != items) {
            // exactly the subgroup's length: itemLosses fills out.length values from its difficulties
            scratch = new double[items];
          }
          sim.itemLosses(l, corpusKey, Keys.name(s.name()), c.runKey(), rep, 0, difficulties[g], scratch);
          double itemSum = 0;
          for (int i = 0; i < items; i++) {
            itemSum += scratch[i];
            if (matrices[g] != null) {
              matrices[g][r * items + i] += scratch[i];
            }
          }
          sum += itemSum / items; // the run's observed loss, as Simulator.observe forms it
        }
        loss[g][r] = sum / seeds;
        if (matrices[g] != null && seeds != replicates) {
          for (int k = r * s.items(); k < (r + 1) * s.items(); k++) {
            matrices[g][k] = matrices[g][k] / seeds * replicates; // divided by replicates below
          }
        }
      }
    }
    List<ItemLosses> items = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      if (matrices[g] != null) {
        int w = truth.subgroups().get(g).items();
        for (int k = 0; k < matrices[g].length; k++) {
          matrices[g][k] /= seedsPerConfig[k / w];
        }
        int width = truth.subgroups().get(g).items();
        items.add(new ItemLosses(truth.subgroups().get(g).name(), width, compact(matrices[g], kept, width)));
      }
    }
    List<String> names = truth.subgroups().stream().map(Subgroup::name).toList();
    double[][] keptLoss = new double[groups][];
    for (int g = 0; g < groups; g++) {
      keptLoss[g] = compact(loss[g], kept, 1);
    }
    return new SimulatedSweep(new CorpusRuns(truth.corpus(), compact(budget, kept, 1), compact(params, kept, 1),
        compact(tokens, kept, 1), compact(cluster, kept), names, frontierSubgroup, keptLoss), items);
  }

  /**
   * The noiseless sweep: every subgroup's truth at every configuration, no draws at all (binomial
   * rates at their true rate). Its Δβ is what the estimator targets on this design: for a
   * proportional truth the configured Δβ, for a subgroup with its own joint law the slope of its
   * relative curve along the frontier over the studied range.
   */
  public static CorpusRuns noiseless(CorpusTruth truth, List<ModelConfig> configs, ClusterBy clusterBy,
      String frontierSubgroup) {
    int n = configs.size();
    int groups = truth.subgroups().size();
    double[] budget = new double[n];
    double[] params = new double[n];
    double[] tokens = new double[n];
    long[] cluster = new long[n];
    double[][] loss = new double[groups][n];
    for (int r = 0; r < n; r++) {
      ModelConfig c = configs.get(r);
      budget[r] = c.budget();
      params[r] = c.params();
      tokens[r] = c.tokens();
      cluster[r] = clusterBy == ClusterBy.ARCHITECTURE ? c.architectureKey() : c.runKey();
      for (int g = 0; g < groups; g++) {
        loss[g][r] = truth.loss(g, c.params(), c.tokens(), c.budget());
      }
    }
    return new CorpusRuns(truth.corpus(), budget, params, tokens, cluster,
        truth.subgroups().stream().map(Subgroup::name).toList(), frontierSubgroup, loss);
  }

  /** The rows (of {@code width} values each) whose run is kept; the array itself when all are. */
  private static double[] compact(double[] v, boolean[] kept, int width) {
    int k = 0;
    for (boolean b : kept) {
      k += b ? 1 : 0;
    }
    if (k == kept.length) {
      return v;
    }
    double[] out = new double[k * width];
    int o = 0;
    for (int r = 0; r < kept.length; r++) {
      if (kept[r]) {
        System.arraycopy(v, r * width, out, o, width);
        o += width;
      }
    }
    return out;
  }

  private static long[] compact(long[] v, boolean[] kept) {
    long[] out = new long[v.length];
    int o = 0;
    for (int r = 0; r < kept.length; r++) {
      if (kept[r]) {
        out[o++] = v[r];
      }
    }
    return o == v.length ? out : java.util.Arrays.copyOf(out, o);
  }

  /** Whether a subgroup's run loss is the mean of individually simulated items. */
  private static boolean itemLevel(Subgroup s) {
    return s.items() > 0 && s.questions() == 0;
  }
}
