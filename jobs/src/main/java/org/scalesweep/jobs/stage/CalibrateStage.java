package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.spark.storage.StorageLevel;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.calib.ReplicateOutcome;
import org.scalesweep.calib.SweepCalibration;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.report.CalibrationReport;
import org.scalesweep.jobs.table.CalibrationReplicateRow;
import org.scalesweep.jobs.table.Nullable;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.PackedDoubles;
import org.scalesweep.jobs.table.Table;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.relative.Contrast;
import org.scalesweep.relative.SimulatedSweep;

/**
 * calibrate → calibration_summary.parquet, calibration_replicates.parquet and report/: the Δβ sign
 * test of a relative-scaling study on R replicate sweeps under the null truth (false-positive rate)
 * and the study's truth (power, interval coverage), per scheme; for seed 000's study the coverage
 * of its law parameters' intervals (see {@link LawCalibrationJob}).
 *
 * <p>Nested work on Spark: {@code spark.range} over (truth, replicate, block of resamples) units;
 * each task rebuilds its replicate's sweep from keyed streams (once per replicate it meets) and
 * emits that block's Δβ draws; a first aggregation in the executors joins a replicate's blocks
 * into its outcome, a second one the outcomes into the table. Only the table reaches the driver.
 */
public final class CalibrateStage implements Stage {
  /**
   * @param replicates R replicate sweeps per truth
   * @param schemes bootstrap schemes compared on the same replicates
   * @param resamples bootstrap resamples per replicate
   * @param blocks blocks each replicate's resamples are split into (units of work)
   * @param caseStudies case studies to calibrate (empty: all)
   */
  public record Options(int replicates, List<ResampleScheme> schemes, int resamples, int blocks,
      List<String> caseStudies) implements java.io.Serializable {
    public Options {
      schemes = List.copyOf(schemes);
      caseStudies = List.copyOf(caseStudies);
    }

    /** First resample of a block (seed 000's study; relative studies align blocks to matrix-product chunks). */
    long first(int block) {
      return (long) block * resamples / blocks;
    }

    int count(int block) {
      return (int) (first(block + 1) - first(block));
    }
  }

  /**
   * One block of one replicate's resamples of one contrast (draws as packed doubles); block 0 also
   * carries the full-data estimate, the jackknife and the lack-of-fit p-value.
   */
  record Draws(int truth, String scheme, int scope, int contrast, long replicate, int block, byte[] draws,
      Double estimate, @Nullable byte[] jackknife, Double lackOfFitP) {}

  static final Table<Draws> DRAWS = Table.of(Draws.class);

  private final Options options;

  public CalibrateStage(Options options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "calibrate";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    return List.of(OutcomeRows.SUMMARY, OutcomeRows.REPLICATES, Outputs.REPORT);
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    if (ctx.study().isAlignment()) {
      return LawCalibrationJob.run(ctx, options);
    }
    SweepCalibration cal = CalibrationSources.sweep(ctx.study(), options.schemes(), options.resamples(),
        options.caseStudies());
    Broadcast<SweepCalibration> bc = ctx.spark().sparkContext().broadcast(cal,
        scala.reflect.ClassTag$.MODULE$.apply(SweepCalibration.class));
    Options opts = options;
    long units = (long) SweepCalibration.Truth.values().length * opts.replicates() * opts.blocks();
    int partitions = (int) Math.max(1, Math.min(units, 4L * ctx.parallelism()));
    ctx.begin(name(), opts.replicates() + " replicates x 2 truths x " + opts.resamples() + " resamples ("
        + String.join(", ", opts.schemes().stream().map(ResampleScheme::key).toList()) + ") over " + partitions
        + " partitions");
    Dataset<Row> draws = ctx.spark().range(0, units, 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> unitRows(bc.value(), opts, it), DRAWS.encoder());
    Dataset<Row> replicates = draws
        .groupByKey((MapFunction<Row, String>) r -> {
          Draws d = DRAWS.fromRow(r);
          return OutcomeRows.join(d.truth(), d.scheme(), d.scope(), d.contrast(), d.replicate());
        }, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (k, it) -> replicateRow(bc.value(), it),
            Encoders.row(OutputTables.CALIBRATION_REPLICATES.schema()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Long> rows = write(ctx, replicates, cal.design().level());
    replicates.unpersist();
    bc.destroy();
    return rows;
  }

  /** Writes the replicate table, its aggregation into the calibration table (per cell, pooled per scheme), the report. */
  static Map<String, Long> write(StageContext ctx, Dataset<Row> replicates, double level) {
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put(OutcomeRows.REPLICATES, ctx.outputs().writeParquet(OutcomeRows.REPLICATES,
        replicates.orderBy("kind", "truth", "scheme", "study", "corpus", "statistic", "replicate").coalesce(1)));
    Dataset<Row> cells = replicates
        .groupByKey((MapFunction<Row, String>) r -> OutcomeRows.join(OutcomeRows.keyOf(r).parts()), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (k, it) -> summaryRow(OutcomeRows.Key.of(OutcomeRows.split(k)), it, level),
            Encoders.row(OutputTables.CALIBRATION_SUMMARY.schema()));
    Dataset<Row> pooled = replicates
        .groupByKey((MapFunction<Row, String>) r -> {
          OutcomeRows.Key key = OutcomeRows.keyOf(r);
          return OutcomeRows.join(key.kind(), key.truth(), key.scheme());
        }, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (k, it) -> {
          Object[] p = OutcomeRows.split(k);
          return summaryRow(OutcomeRows.key((String) p[0], (String) p[1], (String) p[2], "all", "all", "all", null, null),
              it, level);
        }, Encoders.row(OutputTables.CALIBRATION_SUMMARY.schema()));
    Dataset<Row> table = cells.union(pooled).orderBy("kind", "truth", "scheme", "study", "corpus", "statistic")
        .coalesce(1);
    rows.put(OutcomeRows.SUMMARY, ctx.outputs().writeParquet(OutcomeRows.SUMMARY, table));
    List<Row> summary = ctx.outputs().readStaged(OutcomeRows.SUMMARY).collectAsList();
    rows.put(Outputs.REPORT, (long) CalibrationReport.calibration(ctx.outputs(), ctx.study(), summary));
    for (Row r : summary) {
      boolean law = "law".equals(r.getAs("kind"));
      if (!law && !"all".equals(r.getAs("statistic"))) {
        continue;
      }
      ctx.log().println(String.format(java.util.Locale.ROOT,
          "%-5s %-13s %-6s %4d replicates: %s coverage percentile %.3f [%.3f, %.3f], bca %.3f, expanded %.3f, "
              + "SE ratio %.2f, bias %.2g, RMSE %.2g, lack-of-fit rate %.3f",
          r.<String>getAs("truth"), r.<String>getAs("scheme"), law ? r.<String>getAs("statistic") : "",
          r.<Integer>getAs("replicates"), r.isNullAt(r.fieldIndex("false_positive_rate")) ? (law ? ""
              : String.format(java.util.Locale.ROOT, "power %.3f,", r.<Double>getAs("power")))
              : String.format(java.util.Locale.ROOT, "false-positive rate %.4f [%.4f, %.4f] (whole-replicate MC "
                  + "interval; exact size of the discrete test %s),", r.<Double>getAs("false_positive_rate"),
                  r.<Double>getAs("fpr_mc_low"), r.<Double>getAs("fpr_mc_high"),
                  r.isNullAt(r.fieldIndex("exact_size")) ? "n/a"
                      : String.format(java.util.Locale.ROOT, "%.4f", r.<Double>getAs("exact_size"))),
          r.<Double>getAs("coverage_percentile"), r.<Double>getAs("coverage_percentile_mc_low"),
          r.<Double>getAs("coverage_percentile_mc_high"), r.<Double>getAs("coverage_bca"),
          r.<Double>getAs("coverage_expanded"), r.<Double>getAs("se_ratio"), r.<Double>getAs("bias"),
          r.<Double>getAs("rmse"),
          r.isNullAt(r.fieldIndex("lack_of_fit_rate")) ? Double.NaN : r.<Double>getAs("lack_of_fit_rate")));
    }
    return rows;
  }

  private static Iterator<Row> summaryRow(OutcomeRows.Key key, Iterator<Row> it, double level) {
    List<ReplicateOutcome> outcomes = new ArrayList<>();
    List<Long> replicates = new ArrayList<>();
    it.forEachRemaining(r -> {
      CalibrationReplicateRow x = OutputTables.CALIBRATION_REPLICATES.fromRow(r);
      outcomes.add(OutcomeRows.outcome(x));
      replicates.add(x.replicate());
    });
    return List.of(OutcomeRows.summary(key, outcomes, replicates.stream().mapToLong(Long::longValue).toArray(), level))
        .iterator();
  }

  /** Draw rows of a partition's units; a replicate's sweep is simulated once per partition that meets it. */
  private static Iterator<Row> unitRows(SweepCalibration cal, Options opts, Iterator<Long> units) {
    List<Row> out = new ArrayList<>();
    Gemm gemm = Gemm.best();
    long cached = -1;
    List<SimulatedSweep> data = null;
    List<SweepCalibration.Estimates> est = null;
    while (units.hasNext()) {
      long u = units.next();
      long perTruth = (long) opts.replicates() * opts.blocks();
      SweepCalibration.Truth truth = SweepCalibration.Truth.values()[(int) (u / perTruth)];
      long replicate = (u % perTruth) / opts.blocks();
      int block = (int) (u % opts.blocks());
      if (u / opts.blocks() != cached) {
        data = cal.simulate(truth, replicate);
        est = cal.estimates(data);
        cached = u / opts.blocks();
      }
      long first = cal.chunkStart(block, opts.blocks());
      int count = (int) (cal.chunkStart(block + 1, opts.blocks()) - first);
      for (SweepCalibration.Draws d : cal.resample(data, truth, replicate, first, count, gemm)) {
        for (int c = 0; c < d.deltaBeta().length; c++) {
          SweepCalibration.Estimates e = est.get(d.scope());
          double[] draws = d.deltaBeta()[c];
          out.add(DRAWS.toRow(new Draws(truth.ordinal(), d.scheme().key(), d.scope(), c, replicate, block,
              PackedDoubles.pack(draws, 0, draws.length), block == 0 ? (Double) e.deltaBeta()[c] : null,
              block == 0 ? PackedDoubles.pack(e.jackknife()[c], 0, e.jackknife()[c].length) : null,
              block == 0 ? (Double) e.lackOfFitP()[c] : null)));
        }
      }
    }
    return out.iterator();
  }

  /** One replicate's outcome for one (truth, scheme, scope, contrast): its blocks joined in order. */
  private static Iterator<Row> replicateRow(SweepCalibration cal, Iterator<Row> it) {
    List<Draws> blocks = new ArrayList<>();
    it.forEachRemaining(r -> blocks.add(DRAWS.fromRow(r)));
    blocks.sort((a, b) -> Integer.compare(a.block(), b.block()));
    Draws first = blocks.get(0);
    SweepCalibration.Truth truth = SweepCalibration.Truth.values()[first.truth()];
    int scope = first.scope();
    int contrast = first.contrast();
    double[] draws = blocks.stream().map(r -> PackedDoubles.unpack(r.draws())).flatMapToDouble(Arrays::stream)
        .toArray();
    double[] jack = PackedDoubles.unpack(first.jackknife());
    ReplicateOutcome o = cal.outcome(truth, scope, contrast, first.estimate(), jack, first.lackOfFitP(), draws);
    var sc = cal.scopes().get(scope);
    Contrast ct = sc.contrasts().get(contrast);
    OutcomeRows.Key key = OutcomeRows.key("delta_beta", truth.key(), first.scheme(), sc.study(), sc.corpus(), ct.label(),
        ct.baseline(), ct.treatment());
    return List.of(OutcomeRows.replicate(key, first.replicate(), o)).iterator();
  }
}
