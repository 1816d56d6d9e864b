package org.scalesweep.relative;

import java.util.ArrayList;
import java.util.List;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.Simulator;
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
    if (replicates < 1) {
      throw new IllegalArgumentException("replicates must be >= 1, got " + replicates);
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
    for (int r = 0; r < n; r++) {
      ModelConfig c = configs.get(r);
      budget[r] = c.budget();
      params[r] = c.params();
      tokens[r] = c.tokens();
      cluster[r] = clusterBy == ClusterBy.ARCHITECTURE ? c.architectureKey() : c.runKey();
      for (int g = 0; g < groups; g++) {
        Subgroup s = truth.subgroups().get(g);
        double l = truth.loss(g, c.params(), c.tokens(), c.budget());
        double sum = 0;
        for (int rep = 0; rep < replicates; rep++) {
          if (!itemLevel(s)) {
            sum += sim.observe(s, l, corpusKey, c.runKey(), rep).loss();
            continue;
          }
          int items = s.items();
          if (scratch.length < items) {
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
        loss[g][r] = sum / replicates;
      }
    }
    List<ItemLosses> items = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      if (matrices[g] != null) {
        for (int k = 0; k < matrices[g].length; k++) {
          matrices[g][k] /= replicates;
        }
        items.add(new ItemLosses(truth.subgroups().get(g).name(), truth.subgroups().get(g).items(), matrices[g]));
      }
    }
    List<String> names = truth.subgroups().stream().map(Subgroup::name).toList();
    return new SimulatedSweep(new CorpusRuns(truth.corpus(), budget, params, tokens, cluster, names, frontierSubgroup,
        loss), items);
  }

  /** Whether a subgroup's run loss is the mean of individually simulated items. */
  private static boolean itemLevel(Subgroup s) {
    return s.items() > 0 && s.questions() == 0;
  }
}
