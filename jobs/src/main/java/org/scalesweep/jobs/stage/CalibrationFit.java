package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.SigmoidCalibrationFitter;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.CalibrationRow;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.law.SigmoidCalibration;

/**
 * Loss → accuracy calibration of item-level studies (seed 003 Fig. 2 right, App. C): Spark MLlib's
 * logistic regression of correctness on ln(item loss) over the whole items table, cross-checked
 * against lib's binomial fit of the same no-floor logistic on aggregated data (items binned by
 * ln loss), plus lib's fit of the floored sigmoid the simulator uses (chance accuracy as floor).
 */
public final class CalibrationFit {
  /** Width of the ln(loss) bins of the aggregated fit. */
  static final double BIN = 0.01;

  private CalibrationFit() {}

  static Dataset<Row> fit(StageContext ctx, Dataset<Row> items) {
    Study study = ctx.study();
    List<Row> out = new ArrayList<>();
    for (Study.CaseStudy cs : study.caseStudies()) {
      if (cs.accuracy() == null) {
        continue;
      }
      // one scan of the items table into a compact cache of (ln loss, label); the bins (and with them
      // the item count) are the action that fills it, sorted on the driver (no sampling job), and
      // MLlib's passes (feature summary, training blocks) read the cache instead of Parquet
      Dataset<Row> mine = items.filter(col("study").equalTo(cs.name()).and(col("correct").isNotNull()))
          .select(log(col("loss")).alias("ln_loss"), when(col("correct"), 1.0).otherwise(0.0).alias("label"))
          .persist(StorageLevel.MEMORY_AND_DISK());
      List<Row> bins = new ArrayList<>(mine.withColumn("bin", floor(col("ln_loss").divide(BIN)))
          .groupBy("bin").agg(sum("ln_loss").alias("s"), count("label").alias("n"), sum("label").alias("k"))
          .collectAsList());
      bins.sort(Comparator.comparingLong(r -> r.<Long>getAs("bin")));
      long n = 0;
      for (Row r : bins) {
        n += r.<Long>getAs("n");
      }
      if (n == 0) {
        mine.unpersist();
        continue;
      }
      double[] loss = new double[bins.size()];
      double[] k = new double[bins.size()];
      double[] trials = new double[bins.size()];
      for (int i = 0; i < bins.size(); i++) {
        Row r = bins.get(i);
        trials[i] = r.<Long>getAs("n");
        loss[i] = Math.exp(r.<Double>getAs("s") / trials[i]);
        k[i] = r.<Double>getAs("k");
      }
      Fit<SigmoidCalibration> binned = SigmoidCalibrationFitter.fit(loss, k, trials, 0);
      Fit<SigmoidCalibration> floored = SigmoidCalibrationFitter.fit(loss, k, trials, cs.accuracy().floor());
      Dataset<Row> features = new VectorAssembler().setInputCols(new String[] {"ln_loss"}).setOutputCol("features")
          .transform(mine);
      LogisticRegression logistic = new LogisticRegression().setRegParam(0).setElasticNetParam(0).setMaxIter(100)
          .setTol(1e-10).setStandardization(false);
      LogisticRegressionModel lr = logistic.fit(features);
      // MLlib: p = sigmoid(w0 + w1 ln l); lib's form: sigmoid(a - b ln l)
      SigmoidCalibration mllib = new SigmoidCalibration(0, lr.intercept(), -lr.coefficients().apply(0));
      boolean mllibConverged = lr.summary().totalIterations() < 100;
      mine.unpersist();
      double lo = loss.length > 0 ? loss[0] : 1;
      double hi = loss.length > 0 ? loss[loss.length - 1] : 1;
      out.add(row(cs.name(), "mllib-logistic", mllib, n, bins.size(), 0, mllibConverged, ""));
      for (var e : List.of(new Object[] {"lib-logistic-binned", binned}, new Object[] {"lib-sigmoid-floor", floored})) {
        @SuppressWarnings("unchecked")
        Fit<SigmoidCalibration> f = (Fit<SigmoidCalibration>) e[1];
        SigmoidCalibration law = f.hasEstimate() ? f.law() : new SigmoidCalibration(0, Double.NaN, Double.NaN);
        double diff = f.hasEstimate() ? maxAbsDiff(law, mllib, lo, hi) : Double.NaN;
        out.add(row(cs.name(), (String) e[0], law, n, bins.size(), diff, f.converged(), f.flagString()));
      }
    }
    return ctx.spark().createDataFrame(out, OutputTables.CALIBRATION.schema()).coalesce(1);
  }

  private static Row row(String study, String method, SigmoidCalibration c, long n, int bins, double diff,
      boolean converged, String flags) {
    return OutputTables.CALIBRATION.toRow(new CalibrationRow(study, method, c.floor(), c.a(), c.b(), n, bins, diff, converged, flags));
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
