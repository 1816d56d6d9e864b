package org.scalesweep.jobs.table;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.design.DesignedStudy;
import org.scalesweep.design.Point;

/**
 * Every output table of the pipeline, defined once: stages write them, the report and ingest read
 * them, and docs/OUTPUTS.md is rendered from them. The schema of each is derived from its record
 * ({@link Table}); only the designed kinds' grid and runs tables, whose columns depend on the
 * study, are built here from the study's attributes.
 */
public final class OutputTables {
  public static final Table<GridRow> GRID = Table.of(GridRow.class);
  public static final Table<RunRow> RUNS = Table.of(RunRow.class);
  public static final Table<ItemRow> ITEMS = Table.of(ItemRow.class);
  public static final Table<FitRow> FITS = Table.of(FitRow.class);
  public static final Table<FrontierRow> FRONTIER = Table.of(FrontierRow.class);
  public static final Table<SignificanceRow> SIGNIFICANCE = Table.of(SignificanceRow.class);
  public static final Table<CrossoverRow> CROSSOVERS = Table.of(CrossoverRow.class);
  public static final Table<DrawRow> DRAWS = Table.of(DrawRow.class);
  public static final Table<RunsSummaryRow> RUNS_SUMMARY = Table.of(RunsSummaryRow.class);
  public static final Table<RelativeCurveRow> RELATIVE_CURVES = Table.of(RelativeCurveRow.class);
  public static final Table<ParityRow> PARITY = Table.of(ParityRow.class);
  public static final Table<CalibrationRow> CALIBRATION = Table.of(CalibrationRow.class);
  public static final Table<PowerRow> POWER = Table.of(PowerRow.class);
  public static final Table<PowerDesignRow> POWER_DESIGNS = Table.of(PowerDesignRow.class);
  public static final Table<PowerOutcomeRow> POWER_OUTCOMES = Table.of(PowerOutcomeRow.class);
  public static final Table<AdviceRow> ADVICE = Table.of(AdviceRow.class);
  public static final Table<AdvicePlanRow> ADVICE_PLAN = Table.of(AdvicePlanRow.class);
  public static final Table<AdviceFlagRow> ADVICE_FLAGS = Table.of(AdviceFlagRow.class);
  public static final Table<EstimateRow> ESTIMATES = Table.of(EstimateRow.class);
  public static final Table<DesignedFrontierRow> DESIGNED_FRONTIER = Table.of(DesignedFrontierRow.class);
  public static final Table<IntervalRow> INTERVALS = Table.of(IntervalRow.class);
  public static final Table<StatisticDrawRow> STATISTIC_DRAWS = Table.of(StatisticDrawRow.class);
  public static final Table<DesignedAnalysisRow> DESIGNED_ANALYSIS = Table.of(DesignedAnalysisRow.class);
  public static final Table<BacktestPointRow> BACKTEST_POINTS = Table.of(BacktestPointRow.class);
  public static final Table<BacktestSummaryRow> BACKTEST_SUMMARY = Table.of(BacktestSummaryRow.class);
  public static final Table<CalibrationReplicateRow> CALIBRATION_REPLICATES = Table.of(CalibrationReplicateRow.class);
  public static final Table<UnpairedCalibrationRow> CALIBRATION_UNPAIRED = Table.of(UnpairedCalibrationRow.class);
  public static final Table<CalibrationSummaryRow> CALIBRATION_SUMMARY = Table.of(CalibrationSummaryRow.class);

  private OutputTables() {}

  /** grid.parquet of a designed study: experiment, run_id and its attribute columns (null where absent). */
  public static StructType designedGrid(DesignedStudy d) {
    StructType t = new StructType().add("experiment", StringType, false).add("run_id", StringType, false);
    for (String a : d.attributes()) {
      t = t.add(a, DoubleType, true);
    }
    return t;
  }

  /** runs.parquet of a designed study: its grid columns, the seed and the observed value. */
  public static StructType designedRuns(DesignedStudy d) {
    return designedGrid(d).add("seed", IntegerType, false).add("loss", DoubleType, false);
  }

  /** The grid.parquet row of a design point (an attribute the point lacks is null). */
  public static Row designedGridRow(DesignedStudy d, Point p) {
    return new GenericRowWithSchema(designedCells(d, p, 0), designedGrid(d));
  }

  /** The runs.parquet row of one replicate (seed) of a design point and its observed value. */
  public static Row designedRunRow(DesignedStudy d, Point p, int seed, double loss) {
    Object[] v = designedCells(d, p, 2);
    v[v.length - 2] = seed;
    v[v.length - 1] = loss;
    return new GenericRowWithSchema(v, designedRuns(d));
  }

  private static Object[] designedCells(DesignedStudy d, Point p, int extra) {
    Object[] v = new Object[2 + d.attributes().size() + extra];
    v[0] = p.experiment();
    v[1] = p.id();
    for (int i = 0; i < d.attributes().size(); i++) {
      double x = p.get(d.attributes().get(i));
      v[2 + i] = Double.isNaN(x) ? null : x;
    }
    return v;
  }
}
