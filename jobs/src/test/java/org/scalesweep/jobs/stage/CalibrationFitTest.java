package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.rand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.scalesweep.jobs.SparkTestSession;
import org.scalesweep.jobs.table.CalibrationRow;
import org.scalesweep.law.SigmoidCalibration;
import org.scalesweep.sim.KeyedRandom;

/**
 * The loss → accuracy calibration on a small items table: lib's exact fit gives the same rows to the
 * bit on any number of partitions, in any row order and on local[1] or local[2], and equals MLlib's
 * logistic regression (the cross-check) to 1e-6 in the coefficients.
 */
class CalibrationFitTest {
  static final StructType ITEMS = new StructType().add("study", DataTypes.StringType)
      .add("loss", DataTypes.DoubleType).add("correct", DataTypes.BooleanType, true);

  /** 40,000 items of study "mmlu" (floored sigmoid truth, chance 0.25), 1,000 of "other", 500 without correctness. */
  static List<Row> items() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      double loss = 0.6 + 1.9 * KeyedRandom.uniform(7_000_000L + 2L * i);
      double p = 0.25 + 0.75 * SigmoidCalibration.logistic(1.85 - 4.9 * Math.log(loss));
      rows.add(RowFactory.create("mmlu", loss, KeyedRandom.bernoulli(7_000_001L + 2L * i, p)));
    }
    for (int i = 0; i < 1_000; i++) {
      rows.add(RowFactory.create("other", 1.0 + i * 1e-3, i % 2 == 0));
    }
    for (int i = 0; i < 500; i++) {
      rows.add(RowFactory.create("mmlu", 1.5, null));
    }
    return rows;
  }

  static List<CalibrationRow> fit(SparkSession spark, int partitions, boolean shuffle, boolean mllib) {
    Dataset<Row> items = spark.createDataFrame(items(), ITEMS);
    items = shuffle ? items.orderBy(rand(partitions)).repartition(partitions) : items.coalesce(partitions);
    return CalibrationFit.fitStudy(items, "mmlu", 0.25, mllib);
  }

  @Test
  void sameRowsToTheBitOnAnyPartitioning() {
    List<List<CalibrationRow>> results = new ArrayList<>();
    SparkSession one = SparkTestSession.local("local[1]", 1);
    results.add(fit(one, 1, false, false));
    results.add(fit(one, 5, true, false));
    SparkSession two = SparkTestSession.local("local[2]", 2);
    results.add(fit(two, 2, false, false));
    results.add(fit(two, 7, true, false));
    List<CalibrationRow> first = results.get(0);
    assertThat(first).extracting(CalibrationRow::method)
        .containsExactly(CalibrationFit.EXACT, CalibrationFit.BINNED, CalibrationFit.FLOORED);
    assertThat(first.get(0).items()).isEqualTo(40_000);
    assertThat(first.get(0).converged()).isTrue();
    assertThat(first.get(0).flags()).isEmpty();
    for (List<CalibrationRow> r : results) {
      assertThat(r).isEqualTo(first); // records of doubles: equal bits (Double.compare)
    }
  }

  @Test
  void exactFitEqualsMllibsLogisticRegression() {
    List<CalibrationRow> rows = fit(SparkTestSession.get(), 3, false, true);
    assertThat(rows).extracting(CalibrationRow::method).containsExactly(CalibrationFit.EXACT, CalibrationFit.MLLIB,
        CalibrationFit.BINNED, CalibrationFit.FLOORED);
    CalibrationRow exact = rows.get(0);
    CalibrationRow mllib = rows.get(1);
    // MLlib's L-BFGS stops at a relative tolerance of 1e-10: its coefficients agree with the maximum
    // to ~1e-6 (the standard errors here are ≈ 0.03), and the curves to less than 1e-6
    assertThat(mllib.a()).isCloseTo(exact.a(), within(1e-6));
    assertThat(mllib.b()).isCloseTo(exact.b(), within(1e-6));
    assertThat(mllib.maxAbsDiffVsMllib()).isLessThan(1e-6);
    assertThat(exact.maxAbsDiffVsMllib()).isZero();
    // the binned fit approximates the item-level one (bins 0.01 wide in ln loss)
    assertThat(rows.get(2).maxAbsDiffVsMllib()).isLessThan(2e-3);
  }
}
