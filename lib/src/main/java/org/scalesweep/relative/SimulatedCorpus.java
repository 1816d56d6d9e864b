package org.scalesweep.relative;

import java.util.List;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.Simulator;

/**
 * Run-level simulation of one corpus straight into {@link CorpusRuns} (replicate-averaged losses),
 * for tests, calibration and power studies that replicate whole sweeps in memory. The Spark
 * pipeline draws the same numbers row by row (same keys).
 */
public final class SimulatedCorpus {
  private SimulatedCorpus() {}

  public static CorpusRuns runs(Simulator sim, CorpusTruth truth, List<ModelConfig> configs, int replicates,
      ClusterBy clusterBy, String frontierSubgroup) {
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
    long corpusKey = Keys.name(truth.corpus());
    for (int r = 0; r < n; r++) {
      ModelConfig c = configs.get(r);
      budget[r] = c.budget();
      params[r] = c.params();
      tokens[r] = c.tokens();
      cluster[r] = clusterBy == ClusterBy.ARCHITECTURE ? c.architectureKey() : c.runKey();
      for (int g = 0; g < groups; g++) {
        double l = truth.loss(g, c.params(), c.tokens(), c.budget());
        double sum = 0;
        for (int s = 0; s < replicates; s++) {
          sum += sim.observe(truth.subgroups().get(g), l, corpusKey, c.runKey(), s).loss();
        }
        loss[g][r] = sum / replicates;
      }
    }
    List<String> names = truth.subgroups().stream().map(s -> s.name()).toList();
    return new CorpusRuns(truth.corpus(), budget, params, tokens, cluster, names, frontierSubgroup, loss);
  }
}
