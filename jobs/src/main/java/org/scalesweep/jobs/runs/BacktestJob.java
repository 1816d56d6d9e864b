package org.scalesweep.jobs.runs;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.boot.Backtest;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.fit.RunLaw;
import org.scalesweep.jobs.table.OutputTables;

/**
 * backtest: per group of runs, fit on all budgets but the largest {@code holdout}, predict the held-out
 * points and check them against bootstrap predictive intervals (lib's {@link Backtest}). Groups are
 * spread over tasks; each group's resamples are keyed, so results do not depend on the spread.
 */
public final class BacktestJob {

  private static final StructType UNION = new StructType().add("kind", StringType, false)
      .add("point", OutputTables.BACKTEST_POINTS.schema(), true).add("summary", OutputTables.BACKTEST_SUMMARY.schema(), true);

  private BacktestJob() {}

  /** Settings of a backtest; {@code holdout} largest budgets are predicted. */
  public record Settings(RunLaw law, int holdout, int resamples, double level, long seed, int screen)
      implements Serializable {}

  /** The noiseless loss of a simulated run replicate's group at (budget, N, D), or null when unknown. */
  public interface Truth extends Serializable {
    Double at(RunGroup group, double budget, double params, double tokens);
  }

  /** Held-out points ({@link #OutputTables.BACKTEST_POINTS.schema()}) and per-group summaries ({@link #OutputTables.BACKTEST_SUMMARY.schema()}), sorted. */
  public record Output(List<Row> points, List<Row> summary) {
    public Dataset<Row> pointsFrame(SparkSession spark) {
      return spark.createDataFrame(points, OutputTables.BACKTEST_POINTS.schema()).coalesce(1);
    }

    public Dataset<Row> summaryFrame(SparkSession spark) {
      return spark.createDataFrame(summary, OutputTables.BACKTEST_SUMMARY.schema()).coalesce(1);
    }
  }

  public static Output run(SparkSession spark, List<RunGroup> groups, Settings s, Truth truth) {
    Broadcast<List<RunGroup>> bc = spark.sparkContext().broadcast(groups, scala.reflect.ClassTag$.MODULE$.apply(List.class));
    List<Row> rows = spark.range(0, groups.size(), 1, Math.max(1, groups.size()))
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> evaluate(bc.value(), s, truth, it), Encoders.row(UNION))
        .collectAsList();
    bc.destroy();
    // tiny tables: sorted here rather than by Spark jobs
    Comparator<Row> key = Comparator.comparing((Row r) -> r.getString(0)).thenComparing(r -> r.getString(1))
        .thenComparing(r -> r.getString(2));
    Comparator<Row> byPoint = key.thenComparingDouble(r -> r.getDouble(4))
        .thenComparing(r -> (Double) r.get(5), Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingDouble(r -> r.getDouble(7));
    List<Row> points = rows.stream().filter(r -> r.getString(0).equals("point")).map(r -> r.getStruct(1))
        .sorted(byPoint).toList();
    List<Row> summary = rows.stream().filter(r -> r.getString(0).equals("summary")).map(r -> r.getStruct(2))
        .sorted(key).toList();
    return new Output(points, summary);
  }

  private static Iterator<Row> evaluate(List<RunGroup> groups, Settings s, Truth truth, Iterator<Long> ids) {
    List<Row> out = new ArrayList<>();
    while (ids.hasNext()) {
      RunGroup g = groups.get((int) (long) ids.next());
      Backtest.Result r;
      try {
        r = Backtest.run(s.law(), FitRunsJob.fitter(s.screen()), g.points(), g.units(), s.holdout(),
            new Resampler(s.seed(), WeightKind.POISSON), g.scopeKey(), s.resamples(), s.level());
      } catch (IllegalArgumentException e) {
        out.add(RowFactory.create("summary", null, RowFactory.create(g.study(), g.corpus(), g.subgroup(), s.law().key(),
            "", "", 0, Double.NaN, Double.NaN, Double.NaN, s.level(), s.resamples(), 0, "", "too_few_budgets",
            e.getMessage())));
        continue;
      }
      double maxErr = 0;
      for (Backtest.Prediction p : r.predictions()) {
        Double t = s.law().alongFrontier() ? null : truth.at(g, p.budget(), p.params(), p.tokens());
        maxErr = Math.max(maxErr, Math.abs(p.relativeError()));
        out.add(RowFactory.create("point", RowFactory.create(g.study(), g.corpus(), g.subgroup(), s.law().key(),
            p.budget(), nullIfNaN(p.params()), nullIfNaN(p.tokens()), p.observed(), p.predicted(), p.relativeError(),
            p.interval().low(), p.interval().high(), p.inside(), t, t == null ? null : p.interval().contains(t)), null));
      }
      String flags = r.fit().flagString();
      String reason = r.fit().note();
      if (r.predictions().isEmpty()) {
        flags = flags.isEmpty() ? "no_predictions" : flags + ",no_predictions";
        reason = (reason + " no held-out point to predict (the fit or the held-out frontier is missing)").strip();
      }
      out.add(RowFactory.create("summary", null, RowFactory.create(g.study(), g.corpus(), g.subgroup(), s.law().key(),
          budgets(r.trainBudgets()), budgets(r.heldOutBudgets()), r.predictions().size(), r.meanAbsRelativeError(),
          r.predictions().isEmpty() ? Double.NaN : maxErr, r.coverage(), s.level(), r.resamples(), r.validResamples(),
          r.fit().hasEstimate() ? r.fit().law().describe() : "", flags, reason)));
    }
    return out.iterator();
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static String budgets(double[] b) {
    return Arrays.stream(b).mapToObj(x -> String.format(Locale.ROOT, "%.3g", x)).collect(Collectors.joining(" "));
  }
}
