package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.FitFlag;
import org.scalesweep.fit.FitFlags;
import org.scalesweep.fit.ItemLogisticFit;
import org.scalesweep.fit.ItemLogisticFitter;
import org.scalesweep.fit.LogisticSums;
import org.scalesweep.fit.LogisticSumsAccumulator;
import org.scalesweep.fit.SigmoidCalibrationFitter;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.CalibrationRow;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.law.SigmoidCalibration;

/**
 * Loss → accuracy calibration of item-level studies (seed 003 Fig. 2 right, App. C): lib's exact
 * maximum likelihood fit of the no-floor logistic p = σ(a − b·ln loss) over every item row
 * ({@link ItemLogisticFitter}, method {@value #EXACT}, the reference), lib's binomial fit of the
 * same curve on items binned by ln loss ({@value #BINNED}, the cross-check) and lib's fit of the
 * floored sigmoid the simulator uses, chance accuracy as floor ({@value #FLOORED}); with
 * {@code fit.calibration.mllib-check} also Spark MLlib's logistic regression over every item
 * ({@value #MLLIB}, an independent cross-check of the exact fit, ≈ 45 CPU-s on the flagship's
 * 17.9 M rows against ≈ 3 for the exact fit).
 *
 * <p>Spark side: one scan of the items table into a cache of {@link ItemChunk}s (the ln losses of
 * the correct and of the wrong rows, 8 bytes a row), filled by the job that bins them; then one
 * aggregation over the cache per Newton pass (3–5 passes from the binned start). Every sum is a
 * {@link org.scalesweep.fit.FixedPointSum}, so the bins and the coefficients are the same to the bit
 * on any number of partitions and in any row order.
 */
public final class CalibrationFit {
  /** Width of the ln(loss) bins of the aggregated fit. */
  static final double BIN = 0.01;
  /** Method name of lib's exact fit over every item row (the item-level reference). */
  public static final String EXACT = "lib-logistic-exact";
  /** Method name of MLlib's logistic regression over every item row (only with the cross-check on). */
  public static final String MLLIB = "mllib-logistic";
  /** Method name of lib's fit of the no-floor logistic on binned items. */
  public static final String BINNED = "lib-logistic-binned";
  /** Method name of lib's fit of the floored sigmoid on binned items. */
  public static final String FLOORED = "lib-sigmoid-floor";

  private CalibrationFit() {}

  static Dataset<Row> fit(StageContext ctx, Dataset<Row> items) {
    Study study = ctx.study();
    List<Row> out = new ArrayList<>();
    for (Study.CaseStudy cs : study.caseStudies()) {
      if (cs.accuracy() == null) {
        continue;
      }
      for (CalibrationRow r : fitStudy(items, cs.name(), cs.accuracy().floor(), study.fit().calibrationMllibCheck())) {
        out.add(OutputTables.CALIBRATION.toRow(r));
      }
    }
    return ctx.spark().createDataFrame(out, OutputTables.CALIBRATION.schema()).coalesce(1);
  }

  /**
   * The calibration rows of one study (empty when it has no item with a correctness): the exact
   * fit, MLlib's when {@code mllibCheck}, the binned and the floored fits; {@code max_abs_diff_vs_mllib}
   * of each is its largest |Δp| from the exact fit over the observed loss range.
   */
  static List<CalibrationRow> fitStudy(Dataset<Row> items, String study, double floor, boolean mllibCheck) {
    Dataset<Row> mine = items.filter(col("study").equalTo(study).and(col("correct").isNotNull()))
        .select(log(col("loss")).alias("ln_loss"), col("correct"));
    // the plan's internal rows, (ln loss, correct) in that order (ItemChunk.of)
    JavaRDD<ItemChunk> chunks = mine.queryExecution().toRdd().toJavaRDD().mapPartitions(ItemChunk::of)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // the job that fills the cache: the ln-loss bins
      LnLossBins bins = chunks.aggregate(new LnLossBins(BIN), (b, c) -> {
        c.addTo(b);
        return b;
      }, LnLossBins::merge);
      int m = bins.bins().size();
      long n = 0;
      double[] loss = new double[m];
      double[] k = new double[m];
      double[] trials = new double[m];
      int i = 0;
      for (Map.Entry<Long, LnLossBins.Bin> e : bins.bins().entrySet()) {
        LnLossBins.Bin b = e.getValue();
        trials[i] = b.n;
        k[i] = b.k;
        loss[i] = Math.exp(b.lnLoss.value() / b.n);
        n += b.n;
        i++;
      }
      if (n == 0) {
        return List.of();
      }
      Fit<SigmoidCalibration> binned = SigmoidCalibrationFitter.fit(loss, k, trials, 0);
      Fit<SigmoidCalibration> floored = SigmoidCalibrationFitter.fit(loss, k, trials, floor);
      double a0 = binned.hasEstimate() ? binned.law().a() : 0;
      double b0 = binned.hasEstimate() ? binned.law().b() : 1;
      ItemLogisticFit exact = ItemLogisticFitter.defaults().fit((a, b) -> pass(chunks, a, b), a0, b0);
      SigmoidCalibration reference = exact.law();
      double lo = loss[0];
      double hi = loss[m - 1];
      Set<FitFlag> dropped = bins.dropped() > 0 ? EnumSet.of(FitFlag.DROPPED_POINTS) : EnumSet.noneOf(FitFlag.class);
      List<CalibrationRow> out = new ArrayList<>();
      Set<FitFlag> exactFlags = EnumSet.copyOf(dropped);
      switch (exact.status()) {
        case CONVERGED -> { }
        case NOT_CONVERGED -> exactFlags.add(FitFlag.NOT_CONVERGED);
        case SEPARATED -> exactFlags.add(FitFlag.BOUNDARY);
        case DEGENERATE -> exactFlags.add(FitFlag.DEGENERATE);
        default -> throw new IllegalStateException("unknown status " + exact.status());
      }
      out.add(row(study, EXACT, reference, n, m, reference == null ? Double.NaN : 0, exact.converged(),
          FitFlags.join(exactFlags)));
      if (mllibCheck) {
        Mllib mllib = mllib(mine);
        out.add(row(study, MLLIB, mllib.law(), n, m, diff(mllib.law(), reference, lo, hi), mllib.converged(),
            FitFlags.join(dropped)));
      }
      for (var e : List.of(Map.entry(BINNED, binned), Map.entry(FLOORED, floored))) {
        Fit<SigmoidCalibration> f = e.getValue();
        SigmoidCalibration law = f.hasEstimate() ? f.law() : null;
        Set<FitFlag> flags = EnumSet.copyOf(dropped);
        flags.addAll(f.flags());
        out.add(row(study, e.getKey(), law, n, m, diff(law, reference, lo, hi), f.converged(), FitFlags.join(flags)));
      }
      return out;
    } finally {
      chunks.unpersist(false);
    }
  }

  /** One Newton pass: the sums of every cached row at (a, b), merged exactly. */
  private static LogisticSums pass(JavaRDD<ItemChunk> chunks, double a, double b) {
    return chunks.aggregate(new LogisticSumsAccumulator(a, b), (acc, c) -> {
      c.addTo(acc);
      return acc;
    }, LogisticSumsAccumulator::merge).sums();
  }

  /** MLlib's fit and whether it stopped before its iteration limit. */
  private record Mllib(SigmoidCalibration law, boolean converged) {}

  /** MLlib's logistic regression of correctness on ln loss (the optional cross-check; its own scan). */
  private static Mllib mllib(Dataset<Row> mine) {
    Dataset<Row> labelled = mine.filter(col("ln_loss").isNotNull())
        .select(col("ln_loss"), when(col("correct"), 1.0).otherwise(0.0).alias("label"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> features = new VectorAssembler().setInputCols(new String[] {"ln_loss"}).setOutputCol("features")
          .transform(labelled);
      LogisticRegression logistic = new LogisticRegression().setRegParam(0).setElasticNetParam(0).setMaxIter(100)
          .setTol(1e-10).setStandardization(false);
      LogisticRegressionModel lr = logistic.fit(features);
      // MLlib: p = sigmoid(w0 + w1 ln l); lib's form: sigmoid(a - b ln l)
      return new Mllib(new SigmoidCalibration(0, lr.intercept(), -lr.coefficients().apply(0)),
          lr.summary().totalIterations() < 100);
    } finally {
      labelled.unpersist();
    }
  }

  private static double diff(SigmoidCalibration x, SigmoidCalibration reference, double lo, double hi) {
    return x == null || reference == null ? Double.NaN : maxAbsDiff(x, reference, lo, hi);
  }

  private static CalibrationRow row(String study, String method, SigmoidCalibration c, long n, int bins, double diff,
      boolean converged, String flags) {
    if (c == null) {
      return new CalibrationRow(study, method, 0, Double.NaN, Double.NaN, n, bins, diff, converged, flags);
    }
    return new CalibrationRow(study, method, c.floor(), c.a(), c.b(), n, bins, diff, converged, flags);
  }

  /** Largest difference of two calibration curves over the observed loss range. */
  static double maxAbsDiff(SigmoidCalibration x, SigmoidCalibration y, double lo, double hi) {
    double m = 0;
    for (int i = 0; i <= 200; i++) {
      double l = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / 200.0);
      m = Math.max(m, Math.abs(x.at(l) - y.at(l)));
    }
    return m;
  }
}
