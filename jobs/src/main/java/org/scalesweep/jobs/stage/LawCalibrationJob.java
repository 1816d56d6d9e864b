package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.scalesweep.calib.LawCalibration;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.OutputTables;

/**
 * calibrate for seed 000's study: coverage of the intervals of E, A, α, B, β and a, b over R
 * replicates of its design, resampled as the alignment bootstrap stage does (Poisson weights per
 * run replicate). Units are (replicate, block of resamples); a task fits a replicate once and
 * computes its jackknife (for BCa) with block 0.
 */
final class LawCalibrationJob {
  /** The resampling unit of the alignment stages: one run replicate (design point × seed). */
  static final String SCHEME = "run-replicate";

  private static final StructType DRAWS = new StructType()
      .add("replicate", LongType, false)
      .add("block", IntegerType, false)
      .add("statistic", IntegerType, false)
      .add("draws", createArrayType(DoubleType, true), false)
      .add("estimate", DoubleType, true)
      .add("jackknife", createArrayType(DoubleType, true), true);

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
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> unitRows(bc.value(), opts, it), Encoders.row(DRAWS));
    Dataset<Row> replicates = draws
        .groupByKey((MapFunction<Row, String>) r -> r.getLong(0) + "/" + r.getInt(2), Encoders.STRING())
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
        out.add(RowFactory.create(replicate, block, k, CalibrateStage.boxed(col),
            block == 0 ? full.statistics()[k] : null, jack == null ? null : CalibrateStage.boxed(jack[k])));
      }
    }
    return out.iterator();
  }

  private static Iterator<Row> replicateRow(Study study, CalibrateStage.Options opts, Iterator<Row> it) {
    List<Row> blocks = new ArrayList<>();
    it.forEachRemaining(blocks::add);
    blocks.sort((a, b) -> Integer.compare(a.getInt(1), b.getInt(1)));
    Row first = blocks.get(0);
    int k = first.getInt(2);
    double[] draws = blocks.stream().flatMap(r -> r.<Double>getList(3).stream()).mapToDouble(Double::doubleValue)
        .toArray();
    double[] jack = first.<Double>getList(5).stream().mapToDouble(Double::doubleValue).toArray();
    LawCalibration cal = CalibrationSources.law(study, opts.resamples());
    OutcomeRows.Key key = OutcomeRows.key("law", "study", SCHEME, study.name(), "-", LawCalibration.STATISTICS.get(k), null,
        null);
    return List.of(OutcomeRows.replicate(key, first.getLong(0), cal.outcome(k, first.getDouble(4), draws, jack)))
        .iterator();
  }
}
