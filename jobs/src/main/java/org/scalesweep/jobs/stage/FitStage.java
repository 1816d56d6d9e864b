package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.fit.Approach2;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.FitFlag;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.fit.Lbfgs;
import org.scalesweep.fit.OffsetPowerLawFitter;
import org.scalesweep.fit.RunPoints;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.FitRow;
import org.scalesweep.jobs.table.FitRows;
import org.scalesweep.jobs.table.FrontierRow;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.jobs.table.Table;
import org.scalesweep.law.JointLaw;
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

  /** Tagged union of the per-corpus outputs, split after one pass. */
  record PerCorpus(String kind, FitRow fit, FrontierRow frontier) {}

  private static final Table<PerCorpus> PER_CORPUS = Table.of(PerCorpus.class);

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
    // each corpus's overall joint law first, on the driver (a few hundred rows per corpus), so that every
    // subgroup's joint law can start from it: the warm start depends on the data only, never on task order
    ctx.begin(name(), "Approach 3 of each corpus's overall runs (the subgroups' warm start)");
    Map<String, Fit<? extends Law>> overall = overallJointLaws(study, input.runs());
    HashMap<String, JointLaw> warm = new HashMap<>();
    overall.forEach((corpus, f) -> {
      if (f.law() instanceof JointLaw law && law.a() > 0 && law.b() > 0 && law.e() > 0) {
        warm.put(corpus, law);
      }
    });
    Broadcast<Inputs> bc = ctx.spark().sparkContext().broadcast(new Inputs(study, warm),
        scala.reflect.ClassTag$.MODULE$.apply(Inputs.class));

    // one Spark job: every run row goes to the fit groups that need it (its corpus's frontier tables,
    // its own subgroup's joint law), one shuffle into a fixed number of partitions (adaptive execution
    // would coalesce these few small rows into one task and run every fit serially), groups fitted in
    // the executors, the few result rows collected and sorted on the driver (no sampling job for a sort)
    ctx.begin(name(), "frontier, E(F), Approach 3 and Approach 2 per corpus and subgroup");
    Dataset<Row> keyed = input.runs().withColumn(GROUP, explode(groupKeys(study)));
    int partitions = Math.max(1, Math.min(GROUPS_PER_SLOT * ctx.parallelism(), 200));
    List<PerCorpus> results = PER_CORPUS.collect(keyed.repartition(partitions, col(GROUP)).sortWithinPartitions(GROUP)
        .mapPartitions((MapPartitionsFunction<Row, Row>) it -> fitGroups(bc.value(), it), PER_CORPUS.encoder()));
    bc.destroy();
    List<FitRow> fitRows = new ArrayList<>();
    overall.forEach((corpus, f) -> fitRows.addAll(
        FitRows.of(Study.OVERALL, corpus, Study.OVERALL, "runs", f, List.of("E", "A", "alpha", "B", "beta"))));
    List<FrontierRow> frontierRows = new ArrayList<>();
    for (PerCorpus r : results) {
      if (r.fit() != null) {
        fitRows.add(r.fit());
      } else {
        frontierRows.add(r.frontier());
      }
    }
    fitRows.sort(Comparator.comparing(FitRow::study).thenComparing(FitRow::corpus).thenComparing(FitRow::subgroup)
        .thenComparing(FitRow::law).thenComparing(FitRow::param).thenComparing(FitRow::fitOn));
    frontierRows.sort(Comparator.comparing(FrontierRow::study).thenComparing(FrontierRow::corpus)
        .thenComparing(FrontierRow::subgroup).thenComparingDouble(FrontierRow::budget));
    Dataset<Row> fits = input.flagLost(OutputTables.FITS.frame(ctx.spark(), fitRows).coalesce(1), col("study"),
        col("corpus"), col("subgroup"));
    Dataset<Row> frontier = OutputTables.FRONTIER.frame(ctx.spark(), frontierRows).coalesce(1);
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put(Outputs.FITS, ctx.outputs().writeParquet(Outputs.FITS, fits));
    rows.put(Outputs.FRONTIER, ctx.outputs().writeParquet(Outputs.FRONTIER, frontier));
    Flagged.warn(ctx, Outputs.FITS, List.of("study", "corpus", "subgroup", "law", "fit_on"));
    if (calibrates(study) && ctx.outputs().exists(Outputs.ITEMS)) {
      ctx.begin(name(), "loss -> accuracy calibration (exact logistic fit over items)");
      rows.put(Outputs.CALIBRATION,
          ctx.outputs().writeParquet(Outputs.CALIBRATION, CalibrationFit.fit(ctx, ctx.outputs().readParquet(Outputs.ITEMS))));
    }
    return rows;
  }

  /** Column of each run row's fit-group keys (exploded: one row per group). */
  static final String GROUP = "fit_group";
  /** Shuffle partitions per task slot of the fit job (more than one: groups differ in cost). */
  static final int GROUPS_PER_SLOT = 8;
  private static final String SEP = "\u0001";
  private static final String FRONTIER_GROUP = "F";
  private static final String JOINT_GROUP = "J";

  /**
   * The fit groups a run row belongs to: its own (study, subgroup)'s joint law, and every frontier
   * table of its corpus (the overall one and each case study's), as the per-corpus tables take their
   * rows from the whole corpus.
   */
  static Column groupKeys(Study study) {
    Column sep = lit(SEP);
    List<Column> keys = new ArrayList<>();
    keys.add(concat(lit(JOINT_GROUP), sep, col("corpus"), sep, col("study"), sep, col("subgroup")));
    keys.add(concat(lit(FRONTIER_GROUP), sep, col("corpus"), sep, lit(Study.OVERALL)));
    for (Study.CaseStudy cs : study.caseStudies()) {
      keys.add(concat(lit(FRONTIER_GROUP), sep, col("corpus"), sep, lit(cs.name())));
    }
    return array(keys.toArray(Column[]::new));
  }

  /**
   * What the fit job's tasks read: the study and each corpus's overall joint law (the warm start of
   * its subgroups' joint laws; a corpus without a usable overall fit is absent).
   */
  record Inputs(Study study, HashMap<String, JointLaw> warm) implements Serializable {}

  /**
   * Approach 3 on each corpus's overall runs (study and subgroup {@value Study#OVERALL}), fitted on the
   * driver from the collected rows, corpora in name order: the joint law rows of those groups, and
   * the warm starts of the corpus's subgroups.
   */
  static Map<String, Fit<? extends Law>> overallJointLaws(Study study, Dataset<Row> runs) {
    Map<String, List<RunObservation>> byCorpus = new TreeMap<>();
    for (Row r : runs.filter(col("study").equalTo(Study.OVERALL).and(col("subgroup").equalTo(Study.OVERALL)))
        .collectAsList()) {
      RunObservation o = RunObservation.of(r);
      byCorpus.computeIfAbsent(o.corpus(), c -> new ArrayList<>()).add(o);
    }
    List<String> corpora = new ArrayList<>(byCorpus.keySet());
    List<Fit<? extends Law>> fits = corpora.parallelStream().<Fit<? extends Law>>map(c -> jointFit(study, null,
        RunObservation.points(byCorpus.get(c)))).toList();
    Map<String, Fit<? extends Law>> out = new TreeMap<>();
    for (int i = 0; i < corpora.size(); i++) {
      out.put(corpora.get(i), fits.get(i));
    }
    return out;
  }

  /** Fits every group of a partition sorted by group key. */
  private static Iterator<Row> fitGroups(Inputs in, Iterator<Row> it) {
    List<Row> out = new ArrayList<>();
    String key = null;
    List<RunObservation> rows = new ArrayList<>();
    while (it.hasNext()) {
      Row r = it.next();
      String k = r.getAs(GROUP);
      if (key != null && !key.equals(k)) {
        fitGroup(in, key, rows, out);
        rows = new ArrayList<>();
      }
      key = k;
      rows.add(RunObservation.of(r));
    }
    if (key != null) {
      fitGroup(in, key, rows, out);
    }
    return out.iterator();
  }

  private static void fitGroup(Inputs in, String key, List<RunObservation> rows, List<Row> out) {
    Study study = in.study();
    String[] k = key.split(SEP, -1);
    if (k[0].equals(JOINT_GROUP)) {
      for (FitRow r : jointLaw(study, in.warm().get(k[1]), k[1], k[2], k[3], rows)) {
        out.add(PER_CORPUS.toRow(new PerCorpus("fit", r, null)));
      }
      return;
    }
    String corpus = k[1];
    ClusterBy by = study.bootstrap().clusterBy();
    if (k[2].equals(Study.OVERALL)) {
      frontierFits(out, corpus, Study.OVERALL, List.of(Study.OVERALL),
          RunTables.corpusRuns(corpus, Study.OVERALL, List.of(), rows, by));
      return;
    }
    for (Study.CaseStudy cs : study.caseStudies()) {
      if (cs.name().equals(k[2])) {
        frontierFits(out, corpus, cs.name(), cs.subgroups().stream().map(Study.SubgroupSpec::name).toList(),
            RunTables.corpusRuns(corpus, cs, rows, by));
      }
    }
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
          out.add(PER_CORPUS.toRow(new PerCorpus("frontier", null, new FrontierRow(studyName, corpus, sub,
              f.budgets()[j], Math.pow(10, f.log10Tokens()[j]), Math.pow(10, f.log10Params()[j]),
              f.lossAtOptimum()[g][j], f.usable()[j], f.extrapolated()[j]))));
        }
      }
      // a subgroup without data: its own reason only, the table's notes are about the others
      String f1 = absent.isEmpty() ? flag : "";
      String n1 = absent.isEmpty() ? note : "";
      for (FitRow r : FitRows.of(studyName, corpus, sub, "frontier", power, List.of("alpha", "beta"), f1, n1)) {
        out.add(PER_CORPUS.toRow(new PerCorpus("fit", r, null)));
      }
      for (FitRow r : FitRows.of(studyName, corpus, sub, "frontier", offset, List.of("E", "A", "alpha"), f1, n1)) {
        out.add(PER_CORPUS.toRow(new PerCorpus("fit", r, null)));
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

  /** Approach 3's fitter with the study's fit settings: the one every joint law of runs is fitted with. */
  static JointLawFitter jointLawFitter(Study study) {
    return JointLawFitter.defaults().withHuberDelta(study.fit().huberDelta())
        .withScreening(study.fit().approach3Screen())
        .withLbfgs(Lbfgs.defaults().withMaxIterations(study.fit().approach3MaxIterations()));
  }

  /**
   * A group's joint-law rows; Approach 2 for a corpus's overall runs. The overall joint law itself is
   * fitted on the driver ({@link #overallJointLaws}); a subgroup's joint law starts from its corpus's
   * overall law when there is one ({@link JointLawFitter#fit(JointLaw, double[], double[], double[],
   * double[])}: the warm start and the {@link JointLawFitter#WARM_KEEP} best profiled exponent pairs).
   */
  private static List<FitRow> jointLaw(Study study, JointLaw warm, String corpus, String studyName, String subgroup,
      List<RunObservation> rows) {
    RunPoints p = RunObservation.points(rows);
    int m = p.size();
    List<FitRow> out = new ArrayList<>();
    boolean overall = Study.OVERALL.equals(studyName) && Study.OVERALL.equals(subgroup);
    if (!overall) {
      out.addAll(FitRows.of(studyName, corpus, subgroup, "runs", jointFit(study, warm, p),
          List.of("E", "A", "alpha", "B", "beta")));
    }
    if (Study.OVERALL.equals(subgroup) && m >= 3) {
      Approach2.Result a2 = Approach2.defaults().fit(p.budget(), p.params(), p.tokens(), p.loss(), null);
      out.addAll(FitRows.allocation(studyName, corpus, subgroup, a2));
    }
    return out;
  }

  /** Approach 3 on a group's points, cold ({@code warm == null}) or warm-started; bad input → a failed fit. */
  private static Fit<? extends Law> jointFit(Study study, JointLaw warm, RunPoints p) {
    try {
      return jointLawFitter(study).fit(warm, p.params(), p.tokens(), p.loss(), null);
    } catch (IllegalArgumentException e) {
      return Fit.failed(FitFlag.DEGENERATE, p.size(), e.getMessage());
    }
  }
}
