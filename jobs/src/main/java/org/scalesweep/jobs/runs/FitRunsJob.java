package org.scalesweep.jobs.runs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.RunsBootstrap;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.fit.Approach2;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.fit.LinearSolve;
import org.scalesweep.fit.RefitMethod;
import org.scalesweep.fit.RunLaw;
import org.scalesweep.fit.RunLawFit;
import org.scalesweep.fit.RunPoints;
import org.scalesweep.jobs.pipeline.Timeline;
import org.scalesweep.jobs.stage.FitStage;
import org.scalesweep.jobs.table.FitRow;
import org.scalesweep.jobs.table.FitRows;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.PackedDoubles;
import org.scalesweep.jobs.table.Table;
import org.scalesweep.law.Law;

/**
 * fit-runs: one law per group of runs with bootstrap standard errors and percentile intervals, and
 * on IsoFLOP-shaped groups Approach 2's allocation exponents with theirs. Full-sample fits run on the
 * driver; resamples are spread over partitions with {@code spark.range(B)} and every task rebuilds
 * resample b's keyed weights, so the numbers do not depend on partitioning.
 */
public final class FitRunsJob {
  /**
   * One group's statistics under one resample (packed doubles), and whether its refit fell back from
   * the warm polish to L-BFGS and polish, between the resampling pass and the driver.
   */
  record Draw(int group, long resample, byte[] values, boolean fellBack) {}

  private static final Table<Draw> DRAWS = Table.of(Draw.class);

  private FitRunsJob() {}

  /**
   * @param screen L-BFGS from the best {@code screen} of the 4,500 grid starts (0: all)
   * @param partitions partitions of the resample range (0: 4 per core)
   */
  public record Settings(RunLaw law, int resamples, double level, long seed, int screen, int partitions)
      implements Serializable {}

  /** One group's full-sample result, broadcast to the resample tasks. */
  private record Input(RunGroup group, Law full, boolean allocation) implements Serializable {}

  /** fits.parquet rows ({@link OutputTables#FITS}) of every group. */
  public static Dataset<Row> run(SparkSession spark, List<RunGroup> groups, Settings s) {
    JointLawFitter fitter = fitter(s.screen());
    List<Input> inputs = new ArrayList<>();
    List<Fit<? extends Law>> fits = new ArrayList<>();
    List<Approach2.Result> a2 = new ArrayList<>();
    for (RunGroup g : groups) {
      Fit<? extends Law> full = new RunLawFit(s.law(), fitter, g.points()).fit();
      Approach2.Result alloc = allocation(g.points());
      fits.add(full);
      a2.add(alloc);
      inputs.add(new Input(g, full.hasEstimate() ? full.law() : null, alloc != null));
    }
    Timeline.mark("full-sample fits", System.err);
    int[] fellBack = new int[groups.size()];
    double[][][] draws = draws(spark, inputs, s, fellBack);
    Timeline.mark("resamples (" + s.resamples() + ")", System.err);
    if (s.law() == RunLaw.CHINCHILLA && s.resamples() > 0) {
      // the warm polish's fallbacks: how many refits took the slow path (same numbers either way)
      System.err.printf("fit-runs: resample refits by Levenberg-Marquardt from the full-sample optimum; fell back to"
          + " L-BFGS and polish in %d of %d%n", java.util.Arrays.stream(fellBack).sum(),
          (long) s.resamples() * groups.size());
    }
    List<FitRow> rows = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      RunGroup g = groups.get(i);
      Input in = inputs.get(i);
      double[] est = bootstrap(in, fitter, s).estimate();
      List<BootstrapSummary> sum = summaries(est, draws[i], s.level());
      int k = s.law().parameters().size();
      rows.addAll(FitRows.of(g.study(), g.corpus(), g.subgroup(), s.law().alongFrontier() ? "frontier" : "runs",
          fits.get(i), s.law().parameters(), sum == null ? null : sum.subList(0, k)));
      if (in.allocation()) {
        rows.addAll(FitRows.allocation(g.study(), g.corpus(), g.subgroup(), a2.get(i),
            sum == null ? null : sum.subList(k, k + 2)));
        rows.addAll(FitRows.optima(g.study(), g.corpus(), g.subgroup(), a2.get(i),
            sum == null ? null : sum.subList(k + 2, sum.size()), s.level()));
      }
    }
    return OutputTables.FITS.frame(spark, rows).coalesce(1);
  }

  /** Approach 3 with the replication grid, L-BFGS from the best {@code screen} starts (0: all 4,500). */
  static JointLawFitter fitter(int screen) {
    return JointLawFitter.defaults().withScreening(screen);
  }

  /** Approach 2 when the group is IsoFLOP-shaped (2+ budgets with a usable parabola), else null. */
  static Approach2.Result allocation(RunPoints p) {
    try {
      Approach2.Result r = Approach2.defaults().fit(p.budget(), p.params(), p.tokens(), p.loss(), null);
      return Double.isFinite(r.params().exponent()) && Double.isFinite(r.tokens().exponent()) ? r : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The resamples' refits: the full-sample fitter with its Levenberg–Marquardt polish solving each step
   * by {@link LinearSolve#IN_PLACE_QR} (no allocation per step; thousands of refits per group). Same
   * optimum up to rounding; the full-sample fit keeps the pipeline's solve, so estimates are unchanged.
   */
  static JointLawFitter refitter(int screen) {
    JointLawFitter f = fitter(screen);
    return f.withPolish(f.polish().withLinearSolve(LinearSolve.IN_PLACE_QR));
  }

  private static RunsBootstrap bootstrap(Input in, JointLawFitter fitter, Settings s) {
    RunGroup g = in.group();
    // resample refits by Levenberg–Marquardt from the full-sample optimum (about a third of L-BFGS's
    // work), falling back to L-BFGS and polish; the full-sample fit does not refit, so it is unchanged
    RunLawFit model = new RunLawFit(s.law(), fitter, g.points()).withRefitMethod(RefitMethod.POLISH_FROM_WARM_START);
    return new RunsBootstrap(model, in.full(), in.allocation(), g.units(),
        new Resampler(s.seed(), WeightKind.POISSON), g.scopeKey());
  }

  private static List<BootstrapSummary> summaries(double[] est, double[][] draws, double level) {
    if (draws.length == 0) {
      return null;
    }
    List<BootstrapSummary> out = new ArrayList<>();
    for (int j = 0; j < est.length; j++) {
      double[] col = new double[draws.length];
      for (int b = 0; b < draws.length; b++) {
        col[b] = draws[b][j];
      }
      out.add(BootstrapSummary.of(est[j], col, null, level));
    }
    return out;
  }

  /** [group][resample][statistic], resamples in index order; counts each group's fallbacks into {@code fellBack}. */
  private static double[][][] draws(SparkSession spark, List<Input> inputs, Settings s, int[] fellBack) {
    double[][][] out = new double[inputs.size()][s.resamples()][];
    if (s.resamples() == 0) {
      return new double[inputs.size()][0][];
    }
    int partitions = s.partitions() > 0 ? s.partitions()
        : (int) Math.max(1, Math.min(s.resamples(), 4L * spark.sparkContext().defaultParallelism()));
    Broadcast<List<Input>> bc = spark.sparkContext().broadcast(inputs, scala.reflect.ClassTag$.MODULE$.apply(List.class));
    List<Row> rows = spark.range(0, s.resamples(), 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> resamples(bc.value(), s, it), DRAWS.encoder())
        .collectAsList();
    bc.destroy();
    for (Row r : rows) {
      Draw d = DRAWS.fromRow(r);
      out[d.group()][(int) d.resample()] = PackedDoubles.unpack(d.values());
      fellBack[d.group()] += d.fellBack() ? 1 : 0;
    }
    return out;
  }

  private static Iterator<Row> resamples(List<Input> inputs, Settings s, Iterator<Long> ids) {
    JointLawFitter fitter = refitter(s.screen());
    List<RunsBootstrap> boots = inputs.stream().map(in -> bootstrap(in, fitter, s)).toList();
    List<Row> out = new ArrayList<>();
    while (ids.hasNext()) {
      long b = ids.next();
      for (int g = 0; g < boots.size(); g++) {
        RunsBootstrap.Draw d = boots.get(g).resample(b);
        double[] v = d.statistics();
        out.add(DRAWS.toRow(new Draw(g, b, PackedDoubles.pack(v, 0, v.length), d.refitFellBack())));
      }
    }
    return out.iterator();
  }
}
