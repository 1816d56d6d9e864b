package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.fit.Approach2;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.FitFlag;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.fit.Lbfgs;
import org.scalesweep.fit.OffsetPowerLawFitter;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.law.Law;
import org.scalesweep.law.OffsetPowerLaw;
import org.scalesweep.law.PowerLaw;
import org.scalesweep.relative.Frontier;
import org.scalesweep.relative.RelativeScaling;

/**
 * fit → fits.parquet and frontier.parquet, fitted in the executors with lib:
 * per corpus, the compute-optimal frontier and each subgroup's E(F) (power and offset-power laws
 * along the frontier); per (corpus, study, subgroup), Approach 3's joint law on every run replicate;
 * per corpus, Approach 2's allocation exponents of the overall loss.
 */
public final class FitStage implements Stage {
  public static final StructType FITS_SCHEMA = new StructType()
      .add("study", StringType, false)
      .add("corpus", StringType, false)
      .add("subgroup", StringType, false)
      .add("law", StringType, false)
      .add("fit_on", StringType, false)
      .add("param", StringType, false)
      .add("estimate", DoubleType, false)
      .add("objective", DoubleType, false)
      .add("r_squared", DoubleType, false)
      .add("converged", BooleanType, false)
      .add("points", IntegerType, false)
      .add("starts", IntegerType, false)
      .add("starts_converged", IntegerType, false)
      .add("iterations", IntegerType, false)
      .add("flags", StringType, false)
      .add("reason", StringType, false)
      // bootstrap uncertainty of the parameter (fit-runs); null where the fit was not bootstrapped
      .add("std_error", DoubleType, true)
      .add("ci_low", DoubleType, true)
      .add("ci_high", DoubleType, true)
      .add("resamples", IntegerType, true)
      .add("valid_resamples", IntegerType, true)
      .add("failed_resamples", IntegerType, true);

  public static final StructType FRONTIER_SCHEMA = new StructType()
      .add("study", StringType, false)
      .add("corpus", StringType, false)
      .add("subgroup", StringType, false)
      .add("budget", DoubleType, false)
      .add("tokens_opt", DoubleType, false)
      .add("params_opt", DoubleType, false)
      .add("loss_opt", DoubleType, false)
      .add("usable", BooleanType, false)
      .add("extrapolated", BooleanType, false);

  /** Tagged union of the per-corpus outputs, split after one pass. */
  private static final StructType PER_CORPUS = new StructType()
      .add("kind", StringType, false)
      .add("fit", FITS_SCHEMA, true)
      .add("frontier", FRONTIER_SCHEMA, true);

  @Override
  public String name() {
    return "fit";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    return calibrates(ctx.study()) ? List.of(Outputs.FITS, Outputs.FRONTIER, Outputs.CALIBRATION)
        : List.of(Outputs.FITS, Outputs.FRONTIER);
  }

  /** Whether the study simulates item correctness (then the loss → accuracy calibration is fitted). */
  static boolean calibrates(Study study) {
    return study.caseStudies().stream().anyMatch(c -> c.accuracy() != null
        && c.subgroups().stream().anyMatch(s -> s.items() > 0));
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    if (ctx.study().isDesigned()) {
      return DesignedStages.fit(ctx);
    }
    Study study = ctx.study();
    RunsInput.Read input = RunsInput.read(ctx);
    Dataset<Row> runs = input.runs();
    Broadcast<Study> bc = ctx.spark().sparkContext().broadcast(study, scala.reflect.ClassTag$.MODULE$.apply(Study.class));

    ctx.begin(name(), "frontier and E(F) per corpus");
    Dataset<Row> perCorpus = runs.groupByKey((MapFunction<Row, String>) r -> r.getAs("corpus"), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (corpus, it) -> perCorpus(bc.value(), corpus, it),
            Encoders.row(PER_CORPUS))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> frontier = perCorpus.filter(col("kind").equalTo("frontier")).select("frontier.*")
        .orderBy("study", "corpus", "subgroup", "budget").coalesce(1);
    Dataset<Row> frontierFits = perCorpus.filter(col("kind").equalTo("fit")).select("fit.*");

    ctx.begin(name(), "Approach 3 joint law per subgroup");
    Dataset<Row> joint = runs
        .groupByKey((MapFunction<Row, String>) r -> r.getAs("corpus") + "\u0001" + r.getAs("study") + "\u0001"
            + r.getAs("subgroup"), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (key, it) -> jointLaw(bc.value(), key, it),
            Encoders.row(FITS_SCHEMA));
    Dataset<Row> fits = input.flagLost(frontierFits.union(joint), col("study"), col("corpus"), col("subgroup"))
        .orderBy("study", "corpus", "subgroup", "law", "param").coalesce(1);
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put(Outputs.FITS, ctx.outputs().writeParquet(Outputs.FITS, fits));
    rows.put(Outputs.FRONTIER, ctx.outputs().writeParquet(Outputs.FRONTIER, frontier));
    perCorpus.unpersist();
    bc.destroy();
    Flagged.warn(ctx, Outputs.FITS, List.of("study", "corpus", "subgroup", "law", "fit_on"));
    if (calibrates(study) && ctx.outputs().exists(Outputs.ITEMS)) {
      ctx.begin(name(), "loss -> accuracy calibration (MLlib logistic regression over items)");
      rows.put(Outputs.CALIBRATION,
          ctx.outputs().writeParquet(Outputs.CALIBRATION, CalibrationFit.fit(ctx, ctx.outputs().readParquet(Outputs.ITEMS))));
    }
    return rows;
  }

  private static Iterator<Row> perCorpus(Study study, String corpus, Iterator<Row> it) {
    List<RunObservation> rows = new ArrayList<>();
    it.forEachRemaining(r -> rows.add(RunObservation.of(r)));
    List<Row> out = new ArrayList<>();
    ClusterBy by = study.bootstrap().clusterBy();
    frontierFits(out, corpus, Study.OVERALL, List.of(Study.OVERALL),
        RunTables.corpusRuns(corpus, Study.OVERALL, List.of(), rows, by));
    for (Study.CaseStudy cs : study.caseStudies()) {
      frontierFits(out, corpus, cs.name(), cs.subgroups().stream().map(Study.SubgroupSpec::name).toList(),
          RunTables.corpusRuns(corpus, cs, rows, by));
    }
    return out.iterator();
  }

  /** Frontier rows and E(F) fits of a study's subgroups; flagged rows for subgroups without data. */
  private static void frontierFits(List<Row> out, String corpus, String studyName, List<String> subgroups,
      RunTables.Table t) {
    RelativeScaling rs = t.runs() == null ? null : new RelativeScaling(t.runs(), List.of());
    Frontier f = rs == null ? null : rs.frontier();
    List<Fit<PowerLaw>> laws = rs == null ? null : rs.subgroupLaws();
    String flag = t.droppedRuns() > 0 ? RunsInput.DROPPED : "";
    String note = t.note();
    if (f != null && f.usableBudgets() < f.budgets().length) {
      note = FitRows.join(note, f.usableBudgets() + " of " + f.budgets().length + " budgets have a compute-optimal point (an "
          + "IsoFLOP parabola needs 3 distinct sizes and must open upward)", "; ");
    }
    for (String sub : subgroups) {
      String absent = t.absence(sub);
      Fit<PowerLaw> power = absent.isEmpty() ? laws.get(t.runs().subgroupIndex(sub))
          : Fit.failed(FitFlag.TOO_FEW_POINTS, 0, absent);
      Fit<OffsetPowerLaw> offset = absent.isEmpty() ? offsetAlongFrontier(f, t.runs().subgroupIndex(sub))
          : Fit.failed(FitFlag.TOO_FEW_POINTS, 0, absent);
      if (absent.isEmpty()) {
        int g = t.runs().subgroupIndex(sub);
        for (int j = 0; j < f.budgets().length; j++) {
          out.add(RowFactory.create("frontier", null, RowFactory.create(studyName, corpus, sub, f.budgets()[j],
              Math.pow(10, f.log10Tokens()[j]), Math.pow(10, f.log10Params()[j]), f.lossAtOptimum()[g][j],
              f.usable()[j], f.extrapolated()[j])));
        }
      }
      // a subgroup without data: its own reason only, the table's notes are about the others
      String f1 = absent.isEmpty() ? flag : "";
      String n1 = absent.isEmpty() ? note : "";
      for (Row r : FitRows.of(studyName, corpus, sub, "frontier", power, List.of("alpha", "beta"), f1, n1)) {
        out.add(RowFactory.create("fit", r, null));
      }
      for (Row r : FitRows.of(studyName, corpus, sub, "frontier", offset, List.of("E", "A", "alpha"), f1, n1)) {
        out.add(RowFactory.create("fit", r, null));
      }
    }
  }

  private static Fit<OffsetPowerLaw> offsetAlongFrontier(Frontier f, int g) {
    List<double[]> pts = new ArrayList<>();
    for (int j = 0; j < f.budgets().length; j++) {
      double e = f.lossAtOptimum()[g][j];
      if (f.usable()[j] && e > 0) {
        pts.add(new double[] {f.budgets()[j], e});
      }
    }
    if (pts.size() < 3) {
      return Fit.failed(FitFlag.TOO_FEW_POINTS, pts.size(), "offset power law needs 3 usable budgets, got " + pts.size());
    }
    double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
    return OffsetPowerLawFitter.defaults().fit(x, y, null);
  }

  private static Iterator<Row> jointLaw(Study study, String key, Iterator<Row> it) {
    String[] k = key.split("\u0001", -1);
    String corpus = k[0];
    String studyName = k[1];
    String subgroup = k[2];
    List<RunObservation> rows = new ArrayList<>();
    it.forEachRemaining(r -> rows.add(RunObservation.of(r)));
    rows.sort(java.util.Comparator.comparing(RunObservation::runId).thenComparingInt(RunObservation::seed));
    int m = rows.size();
    double[] n = new double[m];
    double[] d = new double[m];
    double[] l = new double[m];
    double[] b = new double[m];
    for (int i = 0; i < m; i++) {
      n[i] = rows.get(i).params();
      d[i] = rows.get(i).tokens();
      l[i] = rows.get(i).loss();
      b[i] = rows.get(i).budget();
    }
    List<Row> out = new ArrayList<>();
    JointLawFitter fitter = JointLawFitter.defaults().withHuberDelta(study.fit().huberDelta())
        .withScreening(study.fit().approach3Screen())
        .withLbfgs(Lbfgs.defaults().withMaxIterations(study.fit().approach3MaxIterations()));
    Fit<? extends Law> joint;
    try {
      joint = fitter.fit(n, d, l, null);
    } catch (IllegalArgumentException e) {
      joint = Fit.failed(FitFlag.DEGENERATE, m, e.getMessage());
    }
    out.addAll(FitRows.of(studyName, corpus, subgroup, "runs", joint, List.of("E", "A", "alpha", "B", "beta")));
    if (Study.OVERALL.equals(subgroup) && m >= 3) {
      Approach2.Result a2 = Approach2.defaults().fit(b, n, d, l, null);
      out.addAll(FitRows.allocation(studyName, corpus, subgroup, a2));
    }
    return out.iterator();
  }
}
