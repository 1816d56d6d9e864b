package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.Iterator;
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
import org.scalesweep.calib.LawCalibration;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.Nullable;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.PackedDoubles;
import org.scalesweep.jobs.table.Table;

/**
 * calibrate for seed 000's study: coverage of the intervals of E, A, α, B, β and a, b over R
 * replicates of its design, resampled as the alignment bootstrap stage does (Poisson weights per
 * run replicate). Units are (replicate, block of resamples); a task fits a replicate once and
 * computes its jackknife (for BCa) with block 0.
 */
final class LawCalibrationJob {
  /** The resampling unit of the alignment stages: one run replicate (design point × seed). */
  static final String SCHEME = "run-replicate";

  /**
   * One block of one replicate's resamples of one statistic (draws as packed doubles); block 0 also
   * carries the full-data estimate and the jackknife.
   */
  record Draws(long replicate, int block, int statistic, byte[] draws, Double estimate,
      @Nullable byte[] jackknife) {}

  private static final Table<Draws> DRAWS = Table.of(Draws.class);

  private LawCalibrationJob() {}

  static Map<String, Long> run(StageContext ctx, CalibrateStage.Options opts) {
    Study study = ctx.study();
    Broadcast<Study> bc = ctx.spark().sparkContext().broadcast(study,
        scala.reflect.ClassTag$.MODULE$.apply(Study.class));
    long units = (long) opts.replicates() * opts.blocks();
    int partitions = (int) Math.max(1, Math.min(units, 4L * ctx.parallelism()));
    ctx.begin("calibrate", opts.replicates() + " replicates of seed 000's design x " + opts.resamples()
        + " resamples over " + partitions + " partitions");
    Dataset<Row> draws = ctx.spark().range(0, units, 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> unitRows(bc.value(), opts, it), DRAWS.encoder());
    Dataset<Row> replicates = draws
        .groupByKey((MapFunction<Row, String>) r -> {
          Draws d = DRAWS.fromRow(r);
          return d.replicate() + "/" + d.statistic();
        }, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (k, it) -> replicateRow(bc.value(), opts, it),
            Encoders.row(OutputTables.CALIBRATION_REPLICATES.schema()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Long> rows = CalibrateStage.write(ctx, replicates, study.bootstrap().level());
    replicates.unpersist();
    bc.destroy();
    return rows;
  }

  private static Iterator<Row> unitRows(Study study, CalibrateStage.Options opts, Iterator<Long> units) {
    LawCalibration cal = CalibrationSources.law(study, opts.resamples());
    List<Row> out = new ArrayList<>();
    long cached = -1;
    double[][] loss = null;
    LawCalibration.Full full = null;
    while (units.hasNext()) {
      long u = units.next();
      long replicate = u / opts.blocks();
      int block = (int) (u % opts.blocks());
      if (replicate != cached) {
        loss = cal.simulate(replicate);
        full = cal.full(loss);
        cached = replicate;
      }
      double[][] d = cal.resample(loss, full, replicate, opts.first(block), opts.count(block));
      double[][] jack = block == 0 ? cal.jackknife(loss, full) : null;
      for (int k = 0; k < LawCalibration.STATISTICS.size(); k++) {
        double[] col = new double[d.length];
        for (int b = 0; b < d.length; b++) {
          col[b] = d[b][k];
        }
        out.add(DRAWS.toRow(new Draws(replicate, block, k, PackedDoubles.pack(col, 0, col.length),
            block == 0 ? (Double) full.statistics()[k] : null,
            jack == null ? null : PackedDoubles.pack(jack[k], 0, jack[k].length))));
      }
    }
    return out.iterator();
  }

  private static Iterator<Row> replicateRow(Study study, CalibrateStage.Options opts, Iterator<Row> it) {
    List<Draws> blocks = new ArrayList<>();
    it.forEachRemaining(r -> blocks.add(DRAWS.fromRow(r)));
    blocks.sort((a, b) -> Integer.compare(a.block(), b.block()));
    Draws first = blocks.get(0);
    int k = first.statistic();
    double[] draws = blocks.stream().map(d -> PackedDoubles.unpack(d.draws())).flatMapToDouble(java.util.Arrays::stream)
        .toArray();
    double[] jack = PackedDoubles.unpack(first.jackknife());
    LawCalibration cal = CalibrationSources.law(study, opts.resamples());
    OutcomeRows.Key key = OutcomeRows.key("law", "study", SCHEME, study.name(), "-", LawCalibration.STATISTICS.get(k), null,
        null);
    return List.of(OutcomeRows.replicate(key, first.replicate(), cal.outcome(k, first.estimate(), draws, jack)))
        .iterator();
  }
}
