package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.Interval;
import org.scalesweep.boot.Resampler;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.jobs.table.ParityRow;
import org.scalesweep.jobs.table.RelativeCurveRow;
import org.scalesweep.relative.Contrast;
import org.scalesweep.relative.Frontier;
import org.scalesweep.relative.Parity;
import org.scalesweep.relative.RelativeBootstrap;
import org.scalesweep.relative.RelativeCurveBands;
import org.scalesweep.relative.RelativeScaling;

/**
 * report/relative_curves.csv: every contrast's relative curve G(F) = E_treatment/E_baseline along
 * the compute-optimal frontier — the observed ratio at each budget, the fitted γ·F^Δβ, and its
 * pointwise bootstrap band — at the budgets and at points between them.
 *
 * <p>The band re-evaluates the bootstrap stage's keyed resamples on the driver (the first
 * {@link #MAX_RESAMPLES} of them): the same draws as significance.csv, so the band and the Δβ
 * interval agree, at a cost of O(resamples × runs × subgroups) per (corpus, case study).
 */
public final class RelativeCurves {
  public static final String CSV = Outputs.RELATIVE_CURVES_CSV;
  /** A pointwise percentile band is stable well before this; it bounds the driver's memory on huge runs. */
  static final int MAX_RESAMPLES = 2000;
  /** Log-spaced points between the smallest and largest budget, besides the budgets themselves. */
  static final int BETWEEN = 24;

  private RelativeCurves() {}

  /**
   * The relative curves and the parity rows of every contrast, both from one evaluation of the draws.
   *
   * @param curves relative_curves.csv rows
   * @param parity parity.csv rows
   */
  public record Result(List<Row> curves, List<Row> parity) {}

  /** Rows ordered as the bootstrap inputs (corpus, case study) and their contrasts, flops increasing. */
  public static List<Row> rows(StageContext ctx) {
    return compute(ctx).curves();
  }

  /** Curves and parity, ordered as the bootstrap inputs (corpus, case study) and their contrasts. */
  public static Result compute(StageContext ctx) {
    Study study = ctx.study();
    Study.BootstrapSettings bs = study.bootstrap();
    int resamples = Math.min(bs.resamples(), MAX_RESAMPLES);
    Resampler resampler = new Resampler(study.seed(), bs.weights());
    Gemm gemm = Gemm.best();
    List<Row> out = new ArrayList<>();
    List<Row> parity = new ArrayList<>();
    for (BootstrapInput in : BootstrapStage.inputs(ctx)) {
      RelativeScaling stat = new RelativeScaling(in.runs(), in.contrasts());
      Frontier frontier = stat.frontier();
      double[] flops = points(frontier.budgets());
      RelativeBootstrap boot = new RelativeBootstrap(stat, bs.scheme(), resampler, in.items(), gemm);
      double[][][] draws = RelativeCurveBands.draws(boot, resamples, bs.block());
      Interval[][] bands = RelativeCurveBands.of(draws, flops, bs.level());
      double lo = frontier.budgets()[0];
      double hi = frontier.budgets()[frontier.budgets().length - 1];
      double[] est = in.estimate();
      for (int c = 0; c < in.contrasts().size(); c++) {
        Contrast ct = in.contrasts().get(c);
        int b = frontier.subgroups().indexOf(ct.baseline());
        int t = frontier.subgroups().indexOf(ct.treatment());
        double deltaBeta = est[c * RelativeScaling.PER_CONTRAST];
        double gamma = est[c * RelativeScaling.PER_CONTRAST + 1];
        Parity p = Parity.of(gamma, deltaBeta, draws[c][1], draws[c][0], bs.level());
        parity.add(OutputTables.PARITY.toRow(new ParityRow(in.study(), in.corpus(), ct.baseline(), ct.treatment(),
            p.log10Flops(), p.set().low(), p.set().high(), p.set().shape().key(),
            p.resolvedWithin(Math.log10(lo), Math.log10(hi)), lo, hi, RelativeCurveBands.at(gamma, deltaBeta, lo),
            RelativeCurveBands.at(gamma, deltaBeta, hi), bs.level(), resamples)));
        for (int k = 0; k < flops.length; k++) {
          int j = java.util.Arrays.binarySearch(frontier.budgets(), flops[k]);
          Double observed = j >= 0 ? ratio(frontier, t, b, j) : null;
          out.add(OutputTables.RELATIVE_CURVES.toRow(new RelativeCurveRow(in.study(), in.corpus(), ct.baseline(), ct.treatment(), flops[k], j >= 0, observed,
              finiteOrNull(RelativeCurveBands.at(gamma, deltaBeta, flops[k])), finiteOrNull(bands[c][k].low()),
              finiteOrNull(bands[c][k].high()), bs.level(), resamples)));
        }
      }
    }
    return new Result(out, parity);
  }

  /** The budgets and {@link #BETWEEN} log-spaced points from the smallest to the largest, sorted. */
  static double[] points(double[] budgets) {
    TreeSet<Double> set = new TreeSet<>();
    for (double b : budgets) {
      set.add(b);
    }
    double lo = Math.log10(budgets[0]);
    double hi = Math.log10(budgets[budgets.length - 1]);
    for (int k = 1; k < BETWEEN - 1 && hi > lo; k++) {
      set.add(Math.pow(10, lo + (hi - lo) * k / (BETWEEN - 1)));
    }
    return set.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static Double ratio(Frontier f, int treatment, int baseline, int budget) {
    if (!f.usable()[budget]) {
      return null;
    }
    return finiteOrNull(f.lossAtOptimum()[treatment][budget] / f.lossAtOptimum()[baseline][budget]);
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
