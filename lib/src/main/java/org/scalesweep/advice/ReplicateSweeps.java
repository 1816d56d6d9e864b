package org.scalesweep.advice;

import java.util.ArrayList;
import java.util.List;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.IntervalMethod;
import org.scalesweep.calib.PowerStudy;
import org.scalesweep.calib.ReplicateOutcome;

/**
 * The advisor's unit of simulation: replicate r of a design, a whole sweep simulated, fitted and
 * tested by {@link PowerStudy} (the {@code power} command's keyed streams), reduced to one row
 * {design, r, Δβ̂ at effect 0, interval width, correct sign per effect, â, b̂} (the last two the
 * overall law's allocation exponents, {@link PowerStudy#allocation}). Spark computes rows
 * anywhere; {@link #aggregate} orders them by (design, replicate) first, so the advice does not
 * depend on the partitioning; {@link #local} is the same computation in one loop.
 */
public final class ReplicateSweeps {
  private ReplicateSweeps() {}

  /** Row of replicate r of design d. */
  public static double[] row(PowerStudy p, int d, AdviceDesign design, double[] effects, long r, Gemm gemm) {
    List<ReplicateOutcome> res = p.replicate(design.configs(), design.seedsPerConfig(), design.items(), effects, r,
        gemm);
    double[] row = new double[6 + effects.length];
    row[0] = d;
    row[1] = r;
    row[2] = res.get(0).summary().estimate() - effects[0];
    row[3] = res.get(0).summary().interval(IntervalMethod.PERCENTILE).width();
    for (int e = 0; e < effects.length; e++) {
      row[4 + e] = res.get(e).correctSign() ? 1 : 0;
    }
    double[] ab = p.allocation(design.configs(), design.seedsPerConfig(), design.items(), r);
    row[4 + effects.length] = ab[0];
    row[5 + effects.length] = ab[1];
    return row;
  }

  /** Every design's simulation from the rows of its R replicates (any order). */
  public static List<SimulatedDesign> aggregate(List<double[]> rows, int designs, int replicates, int effects) {
    double[][][] by = new double[designs][replicates][];
    for (double[] row : rows) {
      by[(int) row[0]][(int) row[1]] = row;
    }
    List<SimulatedDesign> out = new ArrayList<>();
    for (double[][] reps : by) {
      double[] est = new double[replicates];
      double[] width = new double[replicates];
      double[] a = new double[replicates];
      double[] b = new double[replicates];
      boolean[][] correct = new boolean[replicates][effects];
      for (int r = 0; r < replicates; r++) {
        if (reps[r] == null) {
          throw new IllegalStateException("replicate " + r + " of a design is missing");
        }
        est[r] = reps[r][2];
        width[r] = reps[r][3];
        for (int e = 0; e < effects; e++) {
          correct[r][e] = reps[r][4 + e] == 1;
        }
        a[r] = reps[r][4 + effects];
        b[r] = reps[r][5 + effects];
      }
      out.add(SimulatedDesign.of(est, width, correct, a, b));
    }
    return out;
  }

  /** R replicates of each design in one loop. */
  public static List<SimulatedDesign> local(PowerStudy p, List<AdviceDesign> designs, double[] effects, int replicates,
      Gemm gemm) {
    List<double[]> rows = new ArrayList<>();
    for (int d = 0; d < designs.size(); d++) {
      for (int r = 0; r < replicates; r++) {
        rows.add(row(p, d, designs.get(d), effects, r, gemm));
      }
    }
    return aggregate(rows, designs.size(), replicates, effects.length);
  }
}
