package org.scalesweep.jobs.runs;

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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scalesweep.boot.Backtest;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.fit.RunLaw;
import org.scalesweep.jobs.table.BacktestPointRow;
import org.scalesweep.jobs.table.BacktestSummaryRow;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Table;

/**
 * backtest: per group of runs, fit on all budgets but the largest {@code holdout}, predict the held-out
 * points and check them against bootstrap predictive intervals (lib's {@link Backtest}). Groups are
 * spread over tasks; each group's resamples are keyed, so results do not depend on the spread.
 */
public final class BacktestJob {

  /** One row of the groups' pass: a held-out point or a group's summary, tagged by kind. */
  record Piece(String kind, BacktestPointRow point, BacktestSummaryRow summary) {}

  private static final Table<Piece> UNION = Table.of(Piece.class);

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
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> evaluate(bc.value(), s, truth, it), UNION.encoder())
        .collectAsList();
    bc.destroy();
    // tiny tables: sorted here rather than by Spark jobs
    List<Piece> pieces = rows.stream().map(UNION::fromRow).toList();
    Comparator<BacktestPointRow> byPoint = Comparator.comparing(BacktestPointRow::study)
        .thenComparing(BacktestPointRow::corpus).thenComparing(BacktestPointRow::subgroup)
        .thenComparingDouble(BacktestPointRow::budget)
        .thenComparing(BacktestPointRow::params, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingDouble(BacktestPointRow::observed);
    Comparator<BacktestSummaryRow> byGroup = Comparator.comparing(BacktestSummaryRow::study)
        .thenComparing(BacktestSummaryRow::corpus).thenComparing(BacktestSummaryRow::subgroup);
    List<Row> points = OutputTables.BACKTEST_POINTS.rows(pieces.stream().filter(p -> p.kind().equals("point"))
        .map(Piece::point).sorted(byPoint).toList());
    List<Row> summary = OutputTables.BACKTEST_SUMMARY.rows(pieces.stream().filter(p -> p.kind().equals("summary"))
        .map(Piece::summary).sorted(byGroup).toList());
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
        out.add(UNION.toRow(new Piece("summary", null, new BacktestSummaryRow(g.study(), g.corpus(), g.subgroup(),
            s.law().key(), "", "", 0, Double.NaN, Double.NaN, Double.NaN, s.level(), s.resamples(), 0, "",
            "too_few_budgets", e.getMessage()))));
        continue;
      }
      double maxErr = 0;
      for (Backtest.Prediction p : r.predictions()) {
        Double t = s.law().alongFrontier() ? null : truth.at(g, p.budget(), p.params(), p.tokens());
        maxErr = Math.max(maxErr, Math.abs(p.relativeError()));
        out.add(UNION.toRow(new Piece("point", new BacktestPointRow(g.study(), g.corpus(), g.subgroup(),
            s.law().key(), p.budget(), nullIfNaN(p.params()), nullIfNaN(p.tokens()), p.observed(), p.predicted(),
            p.relativeError(), p.interval().low(), p.interval().high(), p.inside(), t,
            t == null ? null : p.interval().contains(t)), null)));
      }
      String flags = r.fit().flagString();
      String reason = r.fit().note();
      if (r.predictions().isEmpty()) {
        flags = flags.isEmpty() ? "no_predictions" : flags + ",no_predictions";
        reason = (reason + " no held-out point to predict (the fit or the held-out frontier is missing)").strip();
      }
      out.add(UNION.toRow(new Piece("summary", null, new BacktestSummaryRow(g.study(), g.corpus(), g.subgroup(),
          s.law().key(), budgets(r.trainBudgets()), budgets(r.heldOutBudgets()), r.predictions().size(),
          r.meanAbsRelativeError(), r.predictions().isEmpty() ? Double.NaN : maxErr, r.coverage(), s.level(),
          r.resamples(), r.validResamples(), r.fit().hasEstimate() ? r.fit().law().describe() : "", flags,
          reason))));
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
