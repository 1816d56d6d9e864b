package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.unsafe.types.UTF8String;
import org.scalesweep.fit.FitFlag;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.ingest.Canonical;
import org.scalesweep.jobs.ingest.InvalidInputException;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;

/**
 * runs.parquet as the fit and bootstrap stages read it, whoever wrote it (simulate, ingest, a
 * person). Malformed input is rejected with the file, column, run and allowed values: a missing
 * column or one of the wrong type, a null, a non-positive or non-finite budget, size or token
 * count. A loss that is NaN, infinite or not positive is degenerate science rather than a malformed
 * file (a diverged run): that observation is left out, counted, warned about, and the fits and
 * contrasts it belonged to carry the flag {@value #DROPPED}.
 */
final class RunsInput {
  static final String DROPPED = FitFlag.DROPPED_POINTS.key();
  static final String NOTE = "observations with a NaN, infinite or non-positive loss were left out";
  private static final Map<String, DataType> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("study", DataTypes.StringType);
    COLUMNS.put("corpus", DataTypes.StringType);
    COLUMNS.put("subgroup", DataTypes.StringType);
    COLUMNS.put("run_id", DataTypes.StringType);
    COLUMNS.put("seed", DataTypes.IntegerType);
    COLUMNS.put("budget", DataTypes.DoubleType);
    COLUMNS.put("width", DataTypes.IntegerType);
    COLUMNS.put("depth", DataTypes.IntegerType);
    COLUMNS.put("params", DataTypes.LongType);
    COLUMNS.put("tokens", DataTypes.LongType);
    COLUMNS.put("loss", DataTypes.DoubleType);
  }

  /**
   * The usable observations and what was left out.
   *
   * @param runs the observations with a usable loss, the required columns in their canonical types
   * @param dropped left-out observations per (study, corpus, subgroup)
   */
  record Read(Dataset<Row> runs, Map<List<String>, Long> dropped) {

    /** True where a row of (study, corpus, subgroup) columns lost observations. */
    Column lostPoints(Column study, Column corpus, Column subgroup) {
      Column any = lit(false);
      for (List<String> k : dropped.keySet()) {
        any = any.or(study.equalTo(k.get(0)).and(corpus.equalTo(k.get(1))).and(subgroup.equalTo(k.get(2))));
      }
      return any;
    }

    /** A table with {@value #DROPPED} added to the flags (and a reason) of the rows that lost observations. */
    Dataset<Row> flagLost(Dataset<Row> table, Column study, Column corpus, Column subgroup) {
      if (dropped.isEmpty()) {
        return table;
      }
      Column lost = lostPoints(study, corpus, subgroup);
      Column flags = when(lost.and(col("flags").equalTo("")), lit(DROPPED))
          .when(lost.and(col("flags").contains(DROPPED).unary_$bang()), concat(col("flags"), lit("," + DROPPED)))
          .otherwise(col("flags"));
      Column reason = when(lost, concat_ws("; ", when(col("reason").notEqual(""), col("reason")), lit(NOTE)))
          .otherwise(col("reason"));
      return table.withColumn("flags", coalesce(flags, lit(""))).withColumn("reason", coalesce(reason, lit("")));
    }
  }

  private RunsInput() {}

  static Read read(StageContext ctx) {
    Dataset<Row> raw = ctx.outputs().readParquet(Outputs.RUNS);
    String file = ctx.outputs().path(Outputs.RUNS);
    checkColumns(raw, file);
    List<Column> typed = new ArrayList<>();
    for (Map.Entry<String, DataType> c : COLUMNS.entrySet()) {
      typed.add(col(c.getKey()).cast(c.getValue()).alias(c.getKey()));
    }
    // every numeric type fits a double, so the checks see the values before any narrowing cast
    Column malformed = lit(false);
    List<Column> reasons = new ArrayList<>();
    for (String c : COLUMNS.keySet()) {
      Column bad = col(c).isNull();
      String what = c + " is null";
      Column v = col(c).cast(DataTypes.DoubleType);
      // the canonical integer types must hold the value (Spark's ANSI casts fail on overflow)
      double max = COLUMNS.get(c).equals(DataTypes.LongType) ? 9.2e18 : Integer.MAX_VALUE;
      if (List.of("budget", "params", "tokens").contains(c)) {
        bad = bad.or(isnan(v)).or(v.leq(0)).or(v.gt(COLUMNS.get(c).equals(DataTypes.LongType) ? max : 1e300));
        what = c + " is null, not finite, not positive or too large";
      } else if (List.of("width", "depth").contains(c)) {
        // null is allowed: ingested runs need not know their architecture (clusters fall back to params)
        bad = col(c).isNotNull().and(isnan(v).or(v.leq(0)).or(v.gt(max)));
        what = c + " is not positive or above " + Integer.MAX_VALUE;
      } else if (c.equals("seed")) {
        bad = bad.or(isnan(v)).or(v.gt(max)).or(v.lt(Integer.MIN_VALUE));
        what = c + " is null or not a 32-bit integer";
      } else if (COLUMNS.get(c).equals(DataTypes.StringType)) {
        bad = bad.or(col(c).equalTo(""));
        what = c + " is null or empty";
      } else if (c.equals("loss")) {
        continue; // a degenerate value, not a malformed row: see below
      }
      malformed = malformed.or(bad);
      reasons.add(when(bad, lit(what)));
    }
    // rows of corpora, case studies or subgroups the config does not name: not this study's, left out
    Column known = col("study").equalTo(Study.OVERALL).and(col("subgroup").equalTo(Study.OVERALL));
    for (Study.CaseStudy cs : ctx.study().caseStudies()) {
      // ingested subgroups belong to no case study of their own (see RunTables)
      known = known.or(col("study").isin(cs.name(), Canonical.INGESTED_STUDY)
          .and(col("subgroup").isin(cs.subgroups().stream().map(Study.SubgroupSpec::name).toArray())));
    }
    if (!ctx.study().corpora().isEmpty()) { // ingested studies take whatever corpora the input has
      known = known.and(col("corpus").isin(ctx.study().corpora().stream().map(Study.Corpus::name).toArray()));
    }
    Column loss = col("loss").cast(DataTypes.DoubleType);
    Column usable = loss.isNotNull().and(isnan(loss).unary_$bang()).and(loss.gt(0))
        .and(loss.lt(Double.POSITIVE_INFINITY));
    // every check in one pass (one Spark job, a few rows back): rows per group and verdict
    List<Row> verdicts = raw.groupBy(col("study"), col("corpus"), col("subgroup"), malformed.alias("malformed"),
        known.alias("known"), usable.alias("usable")).agg(count(lit(1)).alias("n")).collectAsList();
    if (verdicts.isEmpty()) {
      throw new InvalidInputException(file + " has no rows; rerun the stage that writes it (simulate or ingest)");
    }
    long malformedRows = verdicts.stream().filter(r -> r.<Boolean>getAs("malformed")).mapToLong(r -> r.<Long>getAs("n"))
        .sum();
    if (malformedRows > 0) {
      List<Row> bad = raw.filter(malformed).select(col("run_id"), col("subgroup"), concat_ws("; ", reasons
          .toArray(Column[]::new)).alias("why")).limit(3).collectAsList();
      StringBuilder sb = new StringBuilder(file + ": " + malformedRows + " malformed row(s); for example");
      for (Row r : bad) {
        sb.append(" [run_id ").append(r.<Object>getAs("run_id")).append(", subgroup ")
            .append(r.<Object>getAs("subgroup")).append(": ").append(r.<String>getAs("why")).append(']');
      }
      throw new InvalidInputException(sb.append("; allowed: no nulls, positive finite budget, params and tokens, "
          + "width and depth positive or null, non-empty names").toString());
    }
    Map<List<String>, Long> other = countsByGroup(verdicts, r -> !r.<Boolean>getAs("known"));
    if (!other.isEmpty()) {
      ctx.log().printf("warning: %s: %d row(s) of study/corpus/subgroup names the config does not have were left out "
          + "(%s)%n", file, other.values().stream().mapToLong(Long::longValue).sum(), describe(other));
      raw = raw.filter(known);
      if (verdicts.stream().noneMatch(r -> r.<Boolean>getAs("known"))) {
        throw new InvalidInputException(file + " has no row of this study's corpora, case studies and subgroups "
            + "(it has " + describe(other) + "); is it the output of another config?");
      }
    }
    Map<List<String>, Long> dropped = countsByGroup(verdicts,
        r -> r.<Boolean>getAs("known") && !r.<Boolean>getAs("usable"));
    if (!dropped.isEmpty()) {
      long total = dropped.values().stream().mapToLong(Long::longValue).sum();
      ctx.log().printf("warning: %s: %d observation(s) with a loss that is NaN, infinite or not positive were left out "
          + "(%s); fits and contrasts that lost them are flagged %s%n", file, total, describe(dropped), DROPPED);
    }
    return new Read(raw.filter(usable).select(typed.toArray(Column[]::new)), dropped);
  }

  /**
   * Rows per (study, corpus, subgroup) among the verdict rows {@code which} selects, in Spark's order
   * of those strings (UTF-8 bytes, what orderBy on the columns gave).
   */
  private static Map<List<String>, Long> countsByGroup(List<Row> verdicts, java.util.function.Predicate<Row> which) {
    Map<List<String>, Long> sums = new java.util.TreeMap<>((a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        int c = UTF8String.fromString(a.get(i)).compareTo(UTF8String.fromString(b.get(i)));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    for (Row r : verdicts) {
      if (which.test(r)) {
        sums.merge(groupOf(r), r.<Long>getAs("n"), Long::sum);
      }
    }
    return new LinkedHashMap<>(sums);
  }

  private static String describe(Map<List<String>, Long> dropped) {
    List<String> parts = new ArrayList<>();
    dropped.forEach((k, n) -> parts.add(String.join("/", k) + ": " + n));
    return parts.size() <= 5 ? String.join(", ", parts)
        : String.join(", ", parts.subList(0, 5)) + " and " + (parts.size() - 5) + " more";
  }

  private static void checkColumns(Dataset<Row> raw, String file) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, DataType> c : COLUMNS.entrySet()) {
      StructField f = raw.schema().getFieldIndex(c.getKey()).isDefined()
          ? raw.schema().fields()[raw.schema().fieldIndex(c.getKey())] : null;
      boolean wantString = c.getValue().equals(DataTypes.StringType);
      if (f == null) {
        problems.add("column '" + c.getKey() + "' is missing");
      } else if (wantString ? !f.dataType().equals(DataTypes.StringType) : !(f.dataType() instanceof NumericType)) {
        problems.add("column '" + c.getKey() + "' has type " + f.dataType().simpleString() + ", expected "
            + (wantString ? "string" : "a number"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(file + ": " + String.join("; ", problems) + " (runs.parquet needs "
          + String.join(", ", COLUMNS.keySet()) + "; see OutputTables.RUNS.schema())");
    }
  }

  /** The (study, corpus, subgroup) of a row that has those columns. */
  private static List<String> groupOf(Row r) {
    return List.of(r.<String>getAs("study"), r.<String>getAs("corpus"), r.<String>getAs("subgroup"));
  }
}
