package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.scalesweep.alignment.AlignmentResults;
import org.scalesweep.alignment.AlignmentStudy;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.design.DesignedStudy;
import org.scalesweep.design.Point;
import org.scalesweep.design.ReplicateResampler;
import org.scalesweep.fit.IsoFlopOptimum;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.DesignedAnalysisRow;
import org.scalesweep.jobs.table.DesignedFrontierRow;
import org.scalesweep.jobs.table.EstimateRow;
import org.scalesweep.jobs.table.IntervalRow;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.StatisticDrawRow;
import org.scalesweep.jobs.table.Outputs;

/**
 * The stages of designed studies (kinds alignment-pretraining and post-training), thin as the
 * others: design, simulation, analysis and resampling are lib's {@link DesignedStudy}; these spread
 * them over Spark and write Parquet. grid.parquet has one row per design point (experiment, run_id,
 * then the study's attribute columns); runs.parquet adds seed and the observed value (loss).
 */
public final class DesignedStages {

  private DesignedStages() {}

  static Map<String, Long> grid(StageContext ctx) {
    DesignedStudy d = ctx.study().designed();
    ctx.begin("grid", d.points().size() + " design points");
    List<Row> rows = new ArrayList<>();
    for (Point p : d.points()) {
      rows.add(OutputTables.designedGridRow(d, p));
    }
    return Map.of(Outputs.GRID, ctx.outputs().writeParquet(Outputs.GRID,
        ctx.spark().createDataFrame(rows, OutputTables.designedGrid(d)).coalesce(1)));
  }

  static Map<String, Long> simulate(StageContext ctx) {
    Study study = ctx.study();
    DesignedStudy design = study.designed();
    int n = design.points().size();
    long units = (long) n * study.replicates();
    Broadcast<Study> bc = broadcast(ctx);
    ctx.begin("simulate", units + " run replicates");
    Dataset<Row> runs = ctx.spark().range(0, units, 1, (int) Math.max(1, Math.min(units, 4L * ctx.parallelism())))
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> {
          Study s = bc.value();
          DesignedStudy d = s.designed();
          List<Point> pts = d.points();
          List<Row> out = new ArrayList<>();
          while (it.hasNext()) {
            long u = it.next();
            Point p = pts.get((int) (u / s.replicates()));
            int r = (int) (u % s.replicates());
            out.add(OutputTables.designedRunRow(d, p, r, d.observe(s.seed(), p, r)));
          }
          return out.iterator();
        }, Encoders.row(OutputTables.designedRuns(design)));
    return Map.of(Outputs.RUNS, ctx.outputs().writeParquet(Outputs.RUNS, runs));
  }

  static Map<String, Long> fit(StageContext ctx) {
    Study study = ctx.study();
    double[][] loss = observations(ctx);
    Broadcast<Study> bc = broadcast(ctx);
    Broadcast<double[][]> data = ctx.spark().sparkContext().broadcast(loss,
        scala.reflect.ClassTag$.MODULE$.apply(double[][].class));
    ctx.begin("fit", "analyses of the design");
    // one task runs the analysis in an executor; the noiseless truth gives every statistic's target
    var analysis = OutputTables.DESIGNED_ANALYSIS;
    List<Row> rows = ctx.spark().range(0, 2, 1, 2).mapPartitions((MapPartitionsFunction<Long, Row>) it -> {
      List<Row> out = new ArrayList<>();
      Study s = bc.value();
      while (it.hasNext()) {
        long which = it.next();
        DesignedStudy.Analysis a = s.designed().analyze(which == 0 ? data.value() : truthObservations(s), null, null);
        for (var e : a.statistics().entrySet()) {
          out.add(analysis.toRow(new DesignedAnalysisRow(which == 0 ? "estimate" : "truth", e.getKey(),
              e.getValue())));
        }
        if (which == 0 && a instanceof AlignmentStudy.Result ar) {
          AlignmentResults r = ar.results();
          for (IsoFlopOptimum o : r.frontier().paramsOptima()) {
            out.add(analysis.toRow(new DesignedAnalysisRow("frontier:" + o.budget(), "params_opt", o.optimum())));
          }
          for (IsoFlopOptimum o : r.frontier().tokensOptima()) {
            out.add(analysis.toRow(new DesignedAnalysisRow("frontier:" + o.budget(), "tokens_opt", o.optimum())));
            out.add(analysis.toRow(new DesignedAnalysisRow("frontier:" + o.budget(), "loss_opt",
                o.lossAtOptimum())));
          }
        }
      }
      return out.iterator();
    }, analysis.encoder()).collectAsList();
    Map<String, Double> est = new LinkedHashMap<>();
    Map<String, Double> truth = new LinkedHashMap<>();
    Map<Double, double[]> frontier = new java.util.TreeMap<>();
    for (Row row : rows) {
      DesignedAnalysisRow r = analysis.fromRow(row);
      if (r.kind().equals("estimate")) {
        est.put(r.statistic(), r.value());
      } else if (r.kind().equals("truth")) {
        truth.put(r.statistic(), r.value());
      } else {
        double budget = Double.parseDouble(r.kind().substring("frontier:".length()));
        double[] f = frontier.computeIfAbsent(budget, k -> new double[3]);
        f[r.statistic().equals("params_opt") ? 0 : r.statistic().equals("tokens_opt") ? 1 : 2] = r.value();
      }
    }
    List<Row> estimates = new ArrayList<>();
    est.forEach((k, v) -> estimates.add(OutputTables.ESTIMATES.toRow(new EstimateRow(k, v,
        truth.getOrDefault(k, Double.NaN), study.published().get(k)))));
    Map<String, Long> out = new LinkedHashMap<>();
    out.put(Outputs.FITS, ctx.outputs().writeParquet(Outputs.FITS, ctx.spark().createDataFrame(estimates, OutputTables.ESTIMATES.schema())
        .coalesce(1)));
    if (!frontier.isEmpty()) {
      List<Row> front = new ArrayList<>();
      frontier.forEach((b, f) -> front.add(OutputTables.DESIGNED_FRONTIER.toRow(
          new DesignedFrontierRow(b, f[0], f[1], f[2], ""))));
      out.put(Outputs.FRONTIER, ctx.outputs().writeParquet(Outputs.FRONTIER,
          ctx.spark().createDataFrame(front, OutputTables.DESIGNED_FRONTIER.schema()).coalesce(1)));
    }
    return out;
  }

  static Map<String, Long> bootstrap(StageContext ctx) {
    Study study = ctx.study();
    Study.BootstrapSettings bs = study.bootstrap();
    double[][] loss = observations(ctx);
    Broadcast<Study> bc = broadcast(ctx);
    Broadcast<double[][]> data = ctx.spark().sparkContext().broadcast(loss,
        scala.reflect.ClassTag$.MODULE$.apply(double[][].class));
    List<Row> fits = ctx.outputs().readParquet(Outputs.FITS).collectAsList();
    Map<String, double[]> ref = new LinkedHashMap<>();
    fits.stream().map(OutputTables.ESTIMATES::fromRow).forEach(e -> ref.put(e.statistic(),
        new double[] {e.estimate(), e.truth(), e.published() == null ? Double.NaN : e.published()}));
    Broadcast<Map<String, double[]>> refBc = ctx.spark().sparkContext().broadcast(ref,
        scala.reflect.ClassTag$.MODULE$.apply(Map.class));
    int partitions = bs.partitions() > 0 ? bs.partitions() : (int) Math.max(1, Math.min(bs.resamples(),
        4L * ctx.parallelism()));
    ctx.begin("bootstrap", bs.resamples() + " resamples of every estimate over " + partitions + " partitions");
    Dataset<Row> draws = ctx.spark().range(0, bs.resamples(), 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> resamples(bc.value(), data.value(), it),
            OutputTables.STATISTIC_DRAWS.encoder());
    var drawTable = OutputTables.STATISTIC_DRAWS;
    var intervalTable = OutputTables.INTERVALS;
    Dataset<Row> intervals = draws.groupByKey((MapFunction<Row, String>) r -> r.getAs("statistic"), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (stat, it) -> {
          List<double[]> v = new ArrayList<>();
          it.forEachRemaining(row -> {
            StatisticDrawRow r = drawTable.fromRow(row);
            v.add(new double[] {r.resample(), r.value()});
          });
          v.sort((a, b) -> Double.compare(a[0], b[0]));
          double[] vals = v.stream().mapToDouble(a -> a[1]).toArray();
          double[] rf = refBc.value().get(stat);
          Study s = bc.value();
          BootstrapSummary sum = BootstrapSummary.of(rf[0], vals, null, s.bootstrap().level());
          var iv = sum.percentile();
          return List.of(intervalTable.toRow(new IntervalRow(stat, rf[0], sum.standardError(), iv.low(), iv.high(),
              iv.method().key(), rf[1], iv.contains(rf[1]), Double.isNaN(rf[2]) ? null : rf[2], sum.resamples(),
              sum.valid()))).iterator();
        }, intervalTable.encoder()).orderBy("statistic").coalesce(1);
    return Map.of(Outputs.INTERVALS, ctx.outputs().writeParquet(Outputs.INTERVALS, intervals));
  }

  /** Resamples of a partition: keyed Poisson weights per run replicate, warm-started refits. */
  private static Iterator<Row> resamples(Study s, double[][] loss, Iterator<Long> it) {
    DesignedStudy d = s.designed();
    List<Point> pts = d.points();
    DesignedStudy.Analysis full = d.analyze(loss, null, null);
    ReplicateResampler resampler = new ReplicateResampler(s.seed(), pts.stream().map(Point::id).toList(),
        s.replicates());
    double[][] w = new double[pts.size()][s.replicates()];
    List<Row> out = new ArrayList<>();
    while (it.hasNext()) {
      long b = it.next();
      resampler.weights(b, w);
      for (var e : d.analyze(loss, w, full).statistics().entrySet()) {
        out.add(OutputTables.STATISTIC_DRAWS.toRow(new StatisticDrawRow(e.getKey(), b, e.getValue())));
      }
    }
    return out.iterator();
  }

  private static double[][] observations(StageContext ctx) {
    Study s = ctx.study();
    List<Point> pts = s.designed().points();
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < pts.size(); i++) {
      index.put(pts.get(i).id(), i);
    }
    double[][] loss = new double[pts.size()][s.replicates()];
    for (double[] row : loss) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    for (Row r : ctx.outputs().readParquet(Outputs.RUNS).select("run_id", "seed", "loss").collectAsList()) {
      String run = r.getAs("run_id");
      int seed = r.<Integer>getAs("seed");
      Integer i = index.get(run);
      if (i == null || seed >= s.replicates()) {
        throw new IllegalStateException("runs.parquet has run " + run + " seed " + seed
            + " that the study's design does not; rerun simulate");
      }
      loss[i][seed] = r.<Double>getAs("loss");
    }
    for (int i = 0; i < loss.length; i++) {
      for (double v : loss[i]) {
        if (Double.isNaN(v)) {
          throw new IllegalStateException("runs.parquet lacks replicates of " + pts.get(i).id() + "; rerun simulate");
        }
      }
    }
    return loss;
  }

  /** Noiseless observations: the analysis of the truth is every statistic's target. */
  private static double[][] truthObservations(Study s) {
    DesignedStudy d = s.designed();
    List<Point> pts = d.points();
    double[][] out = new double[pts.size()][1];
    for (int i = 0; i < pts.size(); i++) {
      out[i][0] = d.truth(pts.get(i));
    }
    return out;
  }

  private static Broadcast<Study> broadcast(StageContext ctx) {
    return ctx.spark().sparkContext().broadcast(ctx.study(), scala.reflect.ClassTag$.MODULE$.apply(Study.class));
  }
}
