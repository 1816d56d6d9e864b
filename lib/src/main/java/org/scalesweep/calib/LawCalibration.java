package org.scalesweep.calib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.alignment.AlignmentAnalysis;
import org.scalesweep.design.ReplicateResampler;
import org.scalesweep.alignment.AlignmentSimulation;
import org.scalesweep.alignment.AlignmentTruth;
import org.scalesweep.alignment.DesignPoint;
import org.scalesweep.alignment.Experiment;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.fit.Approach2;
import org.scalesweep.fit.Fit;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.Keys;

/**
 * Coverage of the bootstrap intervals of seed 000's law parameters over simulated replicates of
 * its design: E, A, α, B, β of Approach 3 on Experiments 1 + 2 and the allocation exponents a, b of
 * Approach 2 on Experiment 3, fitted and resampled exactly as the pipeline's alignment stages do
 * (replicate-weighted point means, keyed Poisson weights per run replicate, warm-started refits).
 * Replicate r is simulated and resampled from streams keyed by (seed, r), so it can be computed
 * alone. Truths: the law's own E…β; for a and b the noiseless design's Approach 2 values (what the
 * estimator targets; the analytic β/(α+β) differs by 0.002 on this grid).
 */
public final class LawCalibration {
  /** The statistics, in output order. */
  public static final List<String> STATISTICS = List.of("E", "A", "alpha", "B", "beta", "a", "b");
  private static final int JOINT = 5;
  private static final long SIMULATE = Keys.name("law-calibration-simulate");
  private static final long RESAMPLE = Keys.name("law-calibration-resample");

  private final long seed;
  private final AlignmentAnalysis analysis;
  private final AlignmentTruth truth;
  private final double noise;
  private final int seeds;
  private final int resamples;
  private final double level;
  private final double[] truthValues;
  private final int[] jointUnits;
  private final int[] frontierUnits;

  /** Full-sample results of one replicate. */
  public record Full(Fit<JointLaw> joint, double[] statistics) {}

  public LawCalibration(long seed, AlignmentAnalysis analysis, AlignmentTruth truth, double noise, int seeds,
      int resamples, double level) {
    this.seed = seed;
    this.analysis = analysis;
    this.truth = truth;
    this.noise = noise;
    this.seeds = seeds;
    this.resamples = resamples;
    this.level = level;
    List<DesignPoint> pts = analysis.points();
    double[][] exact = new double[pts.size()][1];
    for (int i = 0; i < pts.size(); i++) {
      exact[i][0] = truth.loss(pts.get(i));
    }
    double[] mean = new double[pts.size()];
    double[] weight = new double[pts.size()];
    analysis.pointMeans(exact, null, mean, weight);
    JointLaw law = truth.law().align();
    Approach2.Result a2 = analysis.frontier(mean, weight);
    truthValues = new double[] {law.e(), law.a(), law.alpha(), law.b(), law.beta(), a2.params().exponent(),
        a2.tokens().exponent()};
    jointUnits = pointsOf(pts, Experiment.MODEL_SIZE, Experiment.DATA);
    frontierUnits = pointsOf(pts, Experiment.FRONTIER);
  }

  public double truth(int statistic) {
    return truthValues[statistic];
  }

  /** Replicate r's observations, [point][seed]. */
  public double[][] simulate(long replicate) {
    return new AlignmentSimulation(Keys.of(seed, SIMULATE, replicate), noise, truth).observeAll(analysis.points(),
        seeds);
  }

  /** The full-sample fits of a replicate (the joint law from its whole start grid). */
  public Full full(double[][] loss) {
    double[] mean = new double[loss.length];
    double[] weight = new double[loss.length];
    analysis.pointMeans(loss, null, mean, weight);
    Fit<JointLaw> joint = analysis.joint(mean, weight, null);
    return new Full(joint, statistics(joint, analysis.frontier(mean, weight)));
  }

  /** Statistics of resamples [first, first + count) of replicate r, [resample][statistic]. */
  public double[][] resample(double[][] loss, Full full, long replicate, long first, int count) {
    ReplicateResampler resampler = new ReplicateResampler(Keys.of(seed, RESAMPLE, replicate),
        analysis.points().stream().map(org.scalesweep.alignment.DesignPoint::id).toList(), seeds);
    double[][] w = new double[loss.length][seeds];
    double[][] out = new double[count][];
    for (int j = 0; j < count; j++) {
      resampler.weights(first + j, w);
      out[j] = weighted(loss, w, full);
    }
    return out;
  }

  /**
   * Leave-one-run-replicate-out values for BCa, [statistic][unit]: the joint law's over the run
   * replicates of Experiments 1 + 2, a and b over those of Experiment 3.
   */
  public double[][] jackknife(double[][] loss, Full full) {
    double[][] out = new double[STATISTICS.size()][];
    double[][] w = new double[loss.length][seeds];
    double[] mean = new double[loss.length];
    double[] weight = new double[loss.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = new double[(k < JOINT ? jointUnits.length : frontierUnits.length) * seeds];
    }
    int u = 0;
    for (int point : jointUnits) {
      for (int s = 0; s < seeds; s++, u++) {
        leaveOut(w, point, s);
        analysis.pointMeans(loss, w, mean, weight);
        double[] j = analysis.joint(mean, weight, full.joint()).parametersOrNaN(JOINT);
        for (int k = 0; k < JOINT; k++) {
          out[k][u] = j[k];
        }
      }
    }
    u = 0;
    for (int point : frontierUnits) {
      for (int s = 0; s < seeds; s++, u++) {
        leaveOut(w, point, s);
        analysis.pointMeans(loss, w, mean, weight);
        Approach2.Result a2 = analysis.frontier(mean, weight);
        out[JOINT][u] = a2.params().exponent();
        out[JOINT + 1][u] = a2.tokens().exponent();
      }
    }
    return out;
  }

  /** Weights 1 except run replicate (point, seed). */
  private static void leaveOut(double[][] w, int point, int seed) {
    for (double[] row : w) {
      Arrays.fill(row, 1);
    }
    w[point][seed] = 0;
  }

  /**
   * The outcome of one statistic in one replicate. The expanded interval's units are the run
   * replicates behind the statistic; its parameters are those fitted to them (5 for the joint law;
   * 7 parabolas of 3 and the allocation line's 2 for a and b).
   */
  public ReplicateOutcome outcome(int statistic, double estimate, double[] draws, double[] jackknife) {
    boolean joint = statistic < JOINT;
    int units = (joint ? jointUnits.length : frontierUnits.length) * seeds;
    int parameters = joint ? JOINT : 3 * budgets() + 2;
    return new ReplicateOutcome(truthValues[statistic],
        BootstrapSummary.of(estimate, draws, jackknife, level, units, parameters), 0.05);
  }

  /** Replicates [0, replicates) in one loop: the in-memory reference of the distributed computation. */
  public Map<String, List<ReplicateOutcome>> run(int replicates) {
    Map<String, List<ReplicateOutcome>> out = new LinkedHashMap<>();
    for (int r = 0; r < replicates; r++) {
      double[][] loss = simulate(r);
      Full full = full(loss);
      double[][] draws = resample(loss, full, r, 0, resamples);
      double[][] jack = jackknife(loss, full);
      for (int k = 0; k < STATISTICS.size(); k++) {
        double[] col = new double[resamples];
        for (int b = 0; b < resamples; b++) {
          col[b] = draws[b][k];
        }
        out.computeIfAbsent(STATISTICS.get(k), x -> new ArrayList<>())
            .add(outcome(k, full.statistics()[k], col, jack[k]));
      }
    }
    return out;
  }

  private double[] weighted(double[][] loss, double[][] w, Full full) {
    double[] mean = new double[loss.length];
    double[] weight = new double[loss.length];
    analysis.pointMeans(loss, w, mean, weight);
    return statistics(analysis.joint(mean, weight, full.joint()), analysis.frontier(mean, weight));
  }

  private static double[] statistics(Fit<JointLaw> joint, Approach2.Result frontier) {
    double[] j = joint.parametersOrNaN(JOINT);
    return new double[] {j[0], j[1], j[2], j[3], j[4], frontier.params().exponent(), frontier.tokens().exponent()};
  }

  private int budgets() {
    return (int) analysis.points().stream().filter(p -> p.experiment() == Experiment.FRONTIER)
        .mapToDouble(DesignPoint::compute).distinct().count();
  }

  private static int[] pointsOf(List<DesignPoint> pts, Experiment... experiments) {
    List<Experiment> want = List.of(experiments);
    return java.util.stream.IntStream.range(0, pts.size()).filter(i -> want.contains(pts.get(i).experiment()))
        .toArray();
  }
}
