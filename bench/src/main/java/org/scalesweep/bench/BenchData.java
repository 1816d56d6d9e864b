package org.scalesweep.bench;

import java.util.List;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.law.JointLaw;
import org.scalesweep.relative.Contrast;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.SimulatedCorpus;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.KeyedRandom;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/** The benchmarks' inputs, built from lib's own simulator so they look like the flagship's. */
final class BenchData {
  private BenchData() {}

  /** A runs × items loss matrix (item losses ≈ 2–4 nats). */
  static double[] lossMatrix(int runs, int items) {
    double[] m = new double[runs * items];
    for (int i = 0; i < m.length; i++) {
      m[i] = 2 + 2 * KeyedRandom.uniform(Keys.of(1, i));
    }
    return m;
  }

  /** One corpus of the flagship's MMLU case study: 85 runs, overall + baseline + 3 treatments. */
  static CorpusRuns mmluCorpus() {
    JointLaw overall = new JointLaw(1.80, 406, 0.34, 600, 0.34);
    CorpusTruth truth = new CorpusTruth("dclm", List.of(
        new Subgroup("overall", new SubgroupTruth.Absolute(overall), 0, null),
        new Subgroup("stem", new SubgroupTruth.Relative("overall", 0.75, 0.0, 1e18), 0, null),
        // treatments chained to the overall loss (stem's delta-beta is 0): gamma = 0.75 × the preset's
        new Subgroup("humanities", new SubgroupTruth.Relative("overall", 0.75 * 1.21, -0.0168, 1e18), 0, null),
        new Subgroup("social-sciences", new SubgroupTruth.Relative("overall", 0.75 * 1.08, -0.0124, 1e18), 0, null),
        new Subgroup("other", new SubgroupTruth.Relative("overall", 0.75 * 1.04, -0.0085, 1e18), 0, null)));
    return SimulatedCorpus.runs(new Simulator(2025, new NoiseModel(0.01, 0.003, 0, 0)), truth, IsoFlopGrid.suite(), 5,
        ClusterBy.ARCHITECTURE, "overall");
  }

  static List<Contrast> mmluContrasts() {
    return List.of(new Contrast("stem", "humanities"), new Contrast("stem", "social-sciences"),
        new Contrast("stem", "other"));
  }

  /**
   * The Approach 3 data set: seed 000's law on a 12 × 20 grid of (N, D) spanning its design
   * (N 125M–70B, D 1e3–1e7), lognormal noise 0.02 from keyed draws: 240 points.
   */
  static double[][] jointLawPoints(int nSizes, int nData) {
    JointLaw truth = JointLaw.SEED_000_TRUTH;
    int m = nSizes * nData;
    double[] n = new double[m];
    double[] d = new double[m];
    double[] l = new double[m];
    for (int i = 0; i < nSizes; i++) {
      for (int j = 0; j < nData; j++) {
        int k = i * nData + j;
        n[k] = 125e6 * Math.pow(70e9 / 125e6, i / (nSizes - 1.0));
        d[k] = 1e3 * Math.pow(1e4, j / (nData - 1.0));
        l[k] = truth.at(n[k], d[k]) * Math.exp(0.02 * KeyedRandom.gaussian(Keys.of(240, k)));
      }
    }
    return new double[][] {n, d, l};
  }

  /**
   * {@link #jointLawPoints} as a canonical runs CSV (one corpus, subgroup {@code all}, flops = 6·N·D,
   * 17 significant digits): the input of the {@code fit-runs} benchmark (docs/PERFORMANCE.md §3b).
   */
  static String jointLawRunsCsv(int nSizes, int nData) {
    double[][] p = jointLawPoints(nSizes, nData);
    StringBuilder sb = new StringBuilder("run_id,corpus,params,tokens,flops,subgroup,seed,loss\n");
    for (int k = 0; k < p[0].length; k++) {
      sb.append(String.format(java.util.Locale.ROOT, "r%03d,bench,%.17g,%.17g,%.17g,all,0,%.17g%n", k, p[0][k], p[1][k],
          6 * p[0][k] * p[1][k], p[2][k]));
    }
    return sb.toString();
  }
}
