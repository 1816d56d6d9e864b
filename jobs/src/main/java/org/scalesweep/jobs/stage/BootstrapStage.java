package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.Interval;
import org.scalesweep.boot.Multiplicity;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.Resampler;
import org.scalesweep.fit.FitFlag;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.table.CrossoverRow;
import org.scalesweep.jobs.table.DrawRow;
import org.scalesweep.jobs.table.FitRows;
import org.scalesweep.jobs.table.Nullable;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.jobs.table.PackedDoubles;
import org.scalesweep.jobs.table.SignificanceRow;
import org.scalesweep.jobs.table.Table;
import org.scalesweep.law.RelativeLaw;
import org.scalesweep.relative.Contrast;
import org.scalesweep.relative.ContrastVerdict;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.CrossoverSet;
import org.scalesweep.relative.Crossovers;
import org.scalesweep.relative.ItemLosses;
import org.scalesweep.relative.LackOfFit;
import org.scalesweep.relative.RelativeBootstrap;
import org.scalesweep.relative.RelativeScaling;
import org.scalesweep.relative.SimulatedCorpus;

/**
 * bootstrap → significance.parquet and crossovers.parquet (and boot/ draws on request).
 *
 * <p>Distributed as docs/ARCHITECTURE.md (Bootstrap) says: {@code spark.range(B)} of resample
 * indices over partitions; each task rebuilds resample b's weights from its keyed streams and recomputes every contrast
 * from broadcast inputs; rows are aggregated by contrast in the executors (no per-resample row
 * reaches the driver). The driver only prepares the inputs: run-level tables (and item matrices for
 * the item schemes), full-sample estimates and the jackknife for BCa.
 */
public final class BootstrapStage implements Stage {
  /**
   * What a partition hands to the aggregation: per (input, contrast or crossover) and run of
   * consecutive resample indices, the statistics of every resample of the run as packed doubles
   * ({@link PackedDoubles}). One row per partition and contrast instead of one per resample and
   * contrast: at B = 100k the flagship would otherwise shuffle 21 M rows. γ and the two β are kept
   * only when draws are written.
   */
  record Partial(String kind, String study, String corpus, String baseline, String treatment, int index, long first,
      int count, byte[] deltaBeta, @Nullable byte[] gamma, @Nullable byte[] betaBaseline,
      @Nullable byte[] betaTreatment) {}

  static final Table<Partial> PARTIAL = Table.of(Partial.class);

  /** Tagged union of the two summaries, split after one pass. */
  record Summary(String kind, SignificanceRow significance, CrossoverRow crossover) {}

  private static final Table<Summary> SUMMARY = Table.of(Summary.class);

  @Override
  public String name() {
    return "bootstrap";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    if (ctx.study().isDesigned()) {
      return List.of(Outputs.INTERVALS);
    }
    List<String> out = new ArrayList<>(List.of(Outputs.SIGNIFICANCE, Outputs.CROSSOVERS));
    if (ctx.study().bootstrap().writeDraws()) {
      out.add(Outputs.DRAWS);
    }
    return out;
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    if (ctx.study().isDesigned()) {
      return DesignedStages.bootstrap(ctx);
    }
    Study study = ctx.study();
    Study.BootstrapSettings bs = study.bootstrap();
    ctx.begin(name(), "preparing inputs");
    Prepared prepared = prepare(ctx);
    List<BootstrapInput> inputs = prepared.inputs();
    Broadcast<List<BootstrapInput>> inBc = ctx.spark().sparkContext().broadcast(inputs,
        scala.reflect.ClassTag$.MODULE$.apply(List.class));
    Broadcast<Study> studyBc = ctx.spark().sparkContext().broadcast(study,
        scala.reflect.ClassTag$.MODULE$.apply(Study.class));
    int partitions = bs.partitions() > 0 ? bs.partitions()
        : (int) Math.max(1, Math.min(bs.resamples(), 4L * ctx.parallelism()));

    ctx.begin(name(), bs.resamples() + " resamples (" + bs.scheme().key() + ") over " + partitions + " partitions");
    boolean drawsOut = bs.writeDraws();
    Dataset<Row> partial = ctx.spark().range(0, bs.resamples(), 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> evaluate(studyBc.value(), inBc.value(), it, drawsOut),
            PARTIAL.encoder());
    Map<String, Long> rows = new LinkedHashMap<>();
    if (drawsOut) {
      partial = partial.persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> draws = partial.flatMap((FlatMapFunction<Row, Row>) BootstrapStage::drawRows,
          OutputTables.DRAWS.encoder());
      rows.put(Outputs.DRAWS, ctx.outputs().writeParquet(Outputs.DRAWS, draws, "kind", "study", "corpus", "treatment"));
    }
    Dataset<Row> summary = partial
        .groupByKey((MapFunction<Row, String>) r -> {
          Partial p = PARTIAL.fromRow(r);
          return p.kind() + "\u0001" + p.study() + "\u0001" + p.corpus() + "\u0001" + p.index();
        }, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (k, it) -> summarize(studyBc.value(), inBc.value(), k, it),
            SUMMARY.encoder())
        .persist(StorageLevel.MEMORY_AND_DISK());
    // a few hundred rows: one sorted partition, without orderBy's sampling job and shuffle
    List<SignificanceRow> tested = new ArrayList<>(OutputTables.SIGNIFICANCE.collect(
        summary.filter(col("kind").equalTo("contrast")).select("significance.*")));
    tested.addAll(prepared.notEstimable());
    tested.addAll(UnpairedRows.of(study, prepared.observations()));
    List<SignificanceRow> adjustedRows = adjusted(tested);
    survivors(adjustedRows, bs.alpha()).forEach(ctx.log()::println);
    Dataset<Row> significance = OutputTables.SIGNIFICANCE.frame(ctx.spark(), adjustedRows)
        .coalesce(1).sortWithinPartitions("study", "corpus", "treatment");
    Dataset<Row> crossovers = summary.filter(col("kind").equalTo("crossover")).select("crossover.*")
        .coalesce(1).sortWithinPartitions("study", "corpus", "treatment_1", "treatment_2");
    rows.put(Outputs.SIGNIFICANCE, ctx.outputs().writeParquet(Outputs.SIGNIFICANCE, significance));
    rows.put(Outputs.CROSSOVERS, ctx.outputs().writeParquet(Outputs.CROSSOVERS, crossovers));
    summary.unpersist();
    partial.unpersist();
    inBc.destroy();
    studyBc.destroy();
    Flagged.warn(ctx, Outputs.SIGNIFICANCE, List.of("study", "corpus", "treatment", "baseline"));
    return rows;
  }

  /**
   * Significance rows with q_value (Benjamini–Hochberg) and p_holm (Holm) filled in per case study
   * (column {@code study}) and pairing, over every contrast in it (all its corpora together): paired
   * and unpaired contrasts answer different questions and are two families.
   */
  static List<SignificanceRow> adjusted(List<SignificanceRow> rows) {
    Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byStudy.computeIfAbsent(rows.get(i).study() + "\u0001" + rows.get(i).pairing(), k -> new ArrayList<>()).add(i);
    }
    List<SignificanceRow> out = new ArrayList<>(rows);
    for (List<Integer> family : byStudy.values()) {
      double[] p = family.stream().mapToDouble(i -> rows.get(i).pValue()).toArray();
      double[] q = Multiplicity.benjaminiHochberg(p);
      double[] h = Multiplicity.holm(p);
      for (int k = 0; k < family.size(); k++) {
        out.set(family.get(k), rows.get(family.get(k)).withAdjusted(q[k], h[k]));
      }
    }
    return out;
  }

  /** One run-summary line per case study: which contrasts survive BH (q &lt; α) and Holm (p_holm &lt; α). */
  static List<String> survivors(List<SignificanceRow> rows, double alpha) {
    Map<String, List<SignificanceRow>> byStudy = new TreeMap<>();
    rows.forEach(r -> byStudy.computeIfAbsent(r.study(), k -> new ArrayList<>()).add(r));
    List<String> out = new ArrayList<>();
    byStudy.forEach((cs, list) -> {
      List<String> raw = new ArrayList<>();
      List<String> bh = new ArrayList<>();
      List<String> holm = new ArrayList<>();
      for (SignificanceRow r : list) {
        String label = SignificanceRow.UNPAIRED.equals(r.pairing()) ? r.treatment() + " on " + r.corpus()
            : r.treatment() + " vs " + r.baseline() + " (" + r.corpus() + ")";
        if (r.significant()) {
          raw.add(label);
        }
        if (r.qValue() < alpha) {
          bh.add(label);
        }
        if (r.pHolm() < alpha) {
          holm.add(label);
        }
      }
      out.add(String.format(Locale.ROOT, "case study %s: %d of %d contrasts significant at p < %s; "
          + "%d survive Benjamini-Hochberg (q < %s)%s; %d survive Holm%s", cs, raw.size(), list.size(), alpha,
          bh.size(), alpha, bh.isEmpty() ? "" : ": " + String.join(", ", bh), holm.size(),
          holm.isEmpty() ? "" : ": " + String.join(", ", holm)));
    });
    return out;
  }

  /**
   * The driver's preparation, and the contrasts it cannot hand to the executors.
   *
   * @param inputs one per (corpus, case study) with at least one estimable contrast
   * @param notEstimable flagged significance rows of contrasts without the data to estimate them
   * @param observations the run observations by corpus (the unpaired contrasts' input)
   */
  record Prepared(List<BootstrapInput> inputs, List<SignificanceRow> notEstimable,
      Map<String, List<RunObservation>> observations) {}

  /**
   * The inputs of every (corpus, case study) with an estimable contrast. Public for the report's
   * relative-curve bands, which re-evaluate the same keyed resamples.
   */
  public static List<BootstrapInput> inputs(StageContext ctx) {
    return prepare(ctx).inputs();
  }

  /** Driver-side preparation: run tables, item matrices, estimates and jackknife per (corpus, case study). */
  static Prepared prepare(StageContext ctx) {
    Study study = ctx.study();
    RunsInput.Read read = RunsInput.read(ctx);
    List<RunObservation> obs = read.runs()
        .select("study", "corpus", "subgroup", "run_id", "seed", "budget", "width", "depth", "params", "tokens", "loss")
        .collectAsList().stream().map(RunObservation::of).toList();
    Map<String, List<RunObservation>> byCorpus = new HashMap<>();
    obs.forEach(o -> byCorpus.computeIfAbsent(o.corpus(), k -> new ArrayList<>()).add(o));
    boolean items = study.bootstrap().scheme().resamplesItems();
    Map<String, Map<String, double[]>> itemLosses = items ? ItemsInput.read(ctx) : Map.of();
    Gemm gemm = Gemm.best();
    Resampler resampler = new Resampler(study.seed(), study.bootstrap().weights());
    List<BootstrapInput> inputs = new ArrayList<>();
    List<SignificanceRow> notEstimable = new ArrayList<>();
    // the configured corpora when simulated (missing ones are flagged), whatever the input has when ingested
    java.util.SortedSet<String> corpora = new java.util.TreeSet<>(study.corpora().isEmpty() ? byCorpus.keySet()
        : study.corpora().stream().map(Study.Corpus::name).toList());
    for (String corpus : corpora) {
      for (Study.CaseStudy cs : study.caseStudies()) {
        RunTables.Table t = RunTables.corpusRuns(corpus, cs, byCorpus.getOrDefault(corpus, List.of()),
            study.bootstrap().clusterBy());
        List<Contrast> contrasts = new ArrayList<>();
        for (Contrast c : cs.contrasts()) {
          String why = t.absence(c.baseline()).isEmpty() ? t.absence(c.treatment()) : t.absence(c.baseline());
          if (why.isEmpty()) {
            contrasts.add(c);
          } else {
            notEstimable.add(notEstimable(study, cs.name(), corpus, c, FitFlag.NO_DATA, why));
          }
        }
        if (contrasts.isEmpty()) {
          continue;
        }
        List<ItemLosses> il = new ArrayList<>();
        for (Study.SubgroupSpec s : items ? cs.subgroups() : List.<Study.SubgroupSpec>of()) {
          if (s.items() > 0 && t.runs().subgroups().contains(s.name())) {
            ItemsInput.matrix(ctx, itemLosses.get(corpus + "\u0001" + cs.name() + "\u0001" + s.name()), t, s)
                .ifPresent(m -> il.add(new ItemLosses(s.name(), s.items(), m)));
          }
        }
        if (items && il.isEmpty()) {
          for (Contrast c : contrasts) {
            notEstimable.add(notEstimable(study, cs.name(), corpus, c, FitFlag.NO_ITEMS, "scheme '"
                + study.bootstrap().scheme().key() + "' resamples items, but case study " + cs.name()
                + " has no item-level data on corpus " + corpus));
          }
          continue;
        }
        RelativeBootstrap boot = new RelativeBootstrap(new RelativeScaling(t.runs(), contrasts),
            study.bootstrap().scheme(), resampler, il, gemm);
        List<int[]> pairs = new ArrayList<>();
        if (cs.crossovers()) {
          for (int i = 0; i < contrasts.size(); i++) {
            for (int j = i + 1; j < contrasts.size(); j++) {
              pairs.add(new int[] {i, j});
            }
          }
        }
        List<String> notes = contrasts.stream().map(c -> droppedNote(read, t, cs.name(), corpus, c)).toList();
        inputs.add(new BootstrapInput(cs.name(), corpus, t.runs(), contrasts, il, boot.estimate(),
            boot.jackknife(), pairs, notes));
      }
    }
    return new Prepared(inputs, notEstimable, byCorpus);
  }

  /** Why a contrast's data is incomplete (left-out runs or observations), or "". */
  private static String droppedNote(RunsInput.Read read, RunTables.Table t, String cs, String corpus, Contrast c) {
    List<String> lost = new ArrayList<>();
    for (List<String> k : List.of(List.of(Study.OVERALL, corpus, Study.OVERALL), List.of(cs, corpus, c.baseline()),
        List.of(cs, corpus, c.treatment()))) {
      if (read.dropped().containsKey(k)) {
        lost.add(k.get(2));
      }
    }
    String obs = lost.isEmpty() ? "" : RunsInput.NOTE + " (" + String.join(", ", lost) + ")";
    return FitRows.join(t.note(), obs, "; ");
  }

  /** A significance row for a contrast the data cannot estimate. */
  private static SignificanceRow notEstimable(Study study, String cs, String corpus, Contrast c, FitFlag flag,
      String reason) {
    Study.BootstrapSettings bs = study.bootstrap();
    double nan = Double.NaN;
    return new SignificanceRow(cs, corpus, c.baseline(), c.treatment(), nan, nan, nan, nan, nan, nan, nan,
        bs.interval().key(), nan, nan, nan, nan, nan, nan, false, bs.alpha(), bs.level(), bs.resamples(), 0,
        bs.resamples(), bs.scheme().key(), bs.clusterBy().key(), truth(study, cs, corpus, c), null, flag.key(), reason,
        nan, nan, nan, nan, SignificanceRow.PAIRED, corpus, corpus, 0);
  }

  /**
   * The true Δβ of a simulated contrast: the configured one, or for a treatment with its own joint
   * law the slope of the noiseless sweep (what Δβ̂ estimates on this design); null for ingested runs.
   */
  private static Double truth(Study study, String cs, String corpus, Contrast c) {
    if (!"simulate".equals(study.source())) {
      return null;
    }
    Study.CaseStudy caseStudy = study.caseStudy(cs);
    if (caseStudy.subgroup(c.treatment()).law() == null) {
      return caseStudy.trueDeltaBeta(corpus, c.treatment());
    }
    return new RelativeScaling(SimulatedCorpus.noiseless(caseStudy.truth(study.corpus(corpus)),
        GridStage.configs(study), study.bootstrap().clusterBy(), Study.OVERALL), List.of(c)).estimate().get(0)
        .deltaBeta();
  }

  /**
   * Partial rows of a partition's resamples (see {@link Partial}): statistics are kept in
   * primitive arrays per contrast while blocks of consecutive indices are evaluated, then packed
   * once per run of consecutive indices. γ and the two β are kept only when draws are written.
   */
  private static Iterator<Row> evaluate(Study study, List<BootstrapInput> inputs, Iterator<Long> it, boolean draws) {
    long[] bs = sortedIds(it);
    List<Row> out = new ArrayList<>();
    Resampler resampler = new Resampler(study.seed(), study.bootstrap().weights());
    Gemm gemm = Gemm.best();
    int block = study.bootstrap().block();
    int p = RelativeScaling.PER_CONTRAST;
    for (BootstrapInput in : inputs) {
      RelativeBootstrap boot = new RelativeBootstrap(new RelativeScaling(in.runs(), in.contrasts()),
          study.bootstrap().scheme(), resampler, in.items(), gemm);
      int stats = boot.statistics();
      // [statistic][position in bs]
      double[][] byStat = new double[stats][bs.length];
      double[][] vals = new double[Math.min(block, Math.max(1, bs.length))][stats];
      int k = 0;
      while (k < bs.length) {
        int len = 1;
        while (k + len < bs.length && len < block && bs[k + len] == bs[k] + len) {
          len++;
        }
        boot.evaluate(bs[k], len, vals);
        for (int j = 0; j < len; j++) {
          for (int v = 0; v < stats; v++) {
            byStat[v][k + j] = vals[j][v];
          }
        }
        k += len;
      }
      int pairs = in.crossovers().size();
      double[][] crossing = new double[pairs][bs.length];
      double[][] numer = new double[pairs][bs.length];
      double[][] denom = new double[pairs][bs.length];
      for (int x = 0; x < pairs; x++) {
        int[] pr = in.crossovers().get(x);
        for (int j = 0; j < bs.length; j++) {
          // raw Δβ* = β_b* − β_t* (the studentized schemes' Δβ column is a pseudo-draw)
          double d1 = byStat[pr[0] * p + 2][j] - byStat[pr[0] * p + 3][j];
          double d2 = byStat[pr[1] * p + 2][j] - byStat[pr[1] * p + 3][j];
          crossing[x][j] = Crossovers.log10Crossover(byStat[pr[0] * p + 1][j], d1, byStat[pr[1] * p + 1][j], d2);
          numer[x][j] = Crossovers.numerator(byStat[pr[0] * p + 1][j], byStat[pr[1] * p + 1][j]);
          denom[x][j] = d2 - d1;
        }
      }
      for (int from = 0; from < bs.length;) {
        int to = from + 1;
        while (to < bs.length && bs[to] == bs[to - 1] + 1) {
          to++;
        }
        for (int c = 0; c < in.contrasts().size(); c++) {
          Contrast ct = in.contrasts().get(c);
          out.add(PARTIAL.toRow(new Partial("contrast", in.study(), in.corpus(), ct.baseline(), ct.treatment(), c,
              bs[from], to - from, PackedDoubles.pack(byStat[c * p], from, to),
              draws ? PackedDoubles.pack(byStat[c * p + 1], from, to) : null,
              draws ? PackedDoubles.pack(byStat[c * p + 2], from, to) : null,
              draws ? PackedDoubles.pack(byStat[c * p + 3], from, to) : null)));
        }
        for (int x = 0; x < pairs; x++) {
          int[] pr = in.crossovers().get(x);
          out.add(PARTIAL.toRow(new Partial("crossover", in.study(), in.corpus(), in.contrasts().get(pr[0]).treatment(),
              in.contrasts().get(pr[1]).treatment(), x, bs[from], to - from,
              PackedDoubles.pack(crossing[x], from, to), PackedDoubles.pack(numer[x], from, to),
              PackedDoubles.pack(denom[x], from, to), null)));
        }
        from = to;
      }
    }
    return out.iterator();
  }

  private static long[] sortedIds(Iterator<Long> it) {
    long[] ids = new long[64];
    int n = 0;
    while (it.hasNext()) {
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, 2 * n);
      }
      ids[n++] = it.next();
    }
    ids = Arrays.copyOf(ids, n);
    Arrays.sort(ids);
    return ids;
  }

  /** One draw row per resample of a partial row (only when boot/ is written). */
  private static Iterator<Row> drawRows(Row row) {
    Partial r = PARTIAL.fromRow(row);
    double[] db = PackedDoubles.unpack(r.deltaBeta());
    boolean contrast = "contrast".equals(r.kind()); // crossover rows carry Fieller's a and d there
    double[] g = r.gamma() == null || !contrast ? null : PackedDoubles.unpack(r.gamma());
    double[] bb = r.betaBaseline() == null || !contrast ? null : PackedDoubles.unpack(r.betaBaseline());
    double[] bt = r.betaTreatment() == null ? null : PackedDoubles.unpack(r.betaTreatment());
    List<Row> out = new ArrayList<>(db.length);
    for (int j = 0; j < db.length; j++) {
      out.add(OutputTables.DRAWS.toRow(new DrawRow(r.kind(), r.study(), r.corpus(), r.baseline(), r.treatment(),
          r.index(), r.first() + j, db[j], g == null ? Double.NaN : g[j], bb == null ? Double.NaN : bb[j],
          bt == null ? Double.NaN : bt[j])));
    }
    return out.iterator();
  }

  /** The Fieller set of a crossover from the budget-level regression of the analytical schemes. */
  private static CrossoverSet analyticalCrossover(BootstrapInput in, int[] pair, Study.BootstrapSettings bs) {
    RelativeScaling stat = new RelativeScaling(in.runs(), in.contrasts());
    stat.evaluateInto(null, null, new double[stat.statistics()]);
    return stat.budgetCrossoverSet(pair[0], pair[1], bs.scheme() == ResampleScheme.BUDGET_WLS, bs.level());
  }

  private static Iterator<Row> summarize(Study study, List<BootstrapInput> inputs, String key, Iterator<Row> it) {
    String[] k = key.split("\u0001", -1);
    String kind = k[0];
    BootstrapInput in = inputs.stream().filter(i -> i.study().equals(k[1]) && i.corpus().equals(k[2])).findFirst()
        .orElseThrow();
    int index = Integer.parseInt(k[3]);
    Study.BootstrapSettings bs = study.bootstrap();
    // resample indices are exactly 0..B-1: each value goes to its index, in resample order
    double[] v1 = new double[bs.resamples()];
    boolean crossing = kind.equals("crossover");
    double[] va = crossing ? new double[bs.resamples()] : null;
    double[] vd = crossing ? new double[bs.resamples()] : null;
    int seen = 0;
    while (it.hasNext()) {
      Partial r = PARTIAL.fromRow(it.next());
      double[] v = PackedDoubles.unpack(r.deltaBeta());
      System.arraycopy(v, 0, v1, (int) r.first(), v.length);
      if (crossing) {
        System.arraycopy(PackedDoubles.unpack(r.gamma()), 0, va, (int) r.first(), v.length);
        System.arraycopy(PackedDoubles.unpack(r.betaBaseline()), 0, vd, (int) r.first(), v.length);
      }
      seen += v.length;
    }
    if (seen != v1.length) {
      throw new IllegalStateException("bootstrap of " + key.replace('\u0001', '/') + " got " + seen + " of "
          + v1.length + " resamples");
    }
    int p = RelativeScaling.PER_CONTRAST;
    if (kind.equals("crossover")) {
      int[] pr = in.crossovers().get(index);
      double est = Crossovers.log10Crossover(in.estimate()[pr[0] * p + 1], in.estimate()[pr[0] * p],
          in.estimate()[pr[1] * p + 1], in.estimate()[pr[1] * p]);
      BootstrapSummary s = BootstrapSummary.of(est, v1, null, bs.level());
      double a = Crossovers.numerator(in.estimate()[pr[0] * p + 1], in.estimate()[pr[1] * p + 1]);
      double d = (in.estimate()[pr[1] * p + 2] - in.estimate()[pr[1] * p + 3])
          - (in.estimate()[pr[0] * p + 2] - in.estimate()[pr[0] * p + 3]);
      // budget-t and budget-wls draw nothing but t quantiles: their set comes from the budget-level regression
      CrossoverSet set = bs.scheme().analytical() ? analyticalCrossover(in, pr, bs)
          : CrossoverSet.fieller(a, d, va, vd, bs.level());
      double[] budgets = in.runs().distinctBudgets();
      double lo = Math.log10(budgets[0]);
      double hi = Math.log10(budgets[budgets.length - 1]);
      CrossoverRow row = new CrossoverRow(in.study(), in.corpus(), in.contrasts().get(pr[0]).treatment(),
          in.contrasts().get(pr[1]).treatment(), est, set.low(), set.high(), set.shape().key(),
          Double.isFinite(est) && est >= lo && est <= hi, s.resamples(), s.valid(), s.failed());
      return List.of(SUMMARY.toRow(new Summary("crossover", null, row))).iterator();
    }
    Contrast ct = in.contrasts().get(index);
    double[] jackDb = column(in.jackknife(), index * p);
    double est = in.estimate()[index * p];
    double gamma = in.estimate()[index * p + 1];
    BootstrapSummary s = BootstrapSummary.of(est, v1, jackDb, bs.level(), 1); // expanded: clusters as units
    Interval chosen = s.interval(bs.interval());
    Double truth = truth(study, in.study(), in.corpus(), ct);
    LackOfFit lof = LackOfFit.of(in.runs(), ct);
    ContrastVerdict verdict = ContrastVerdict.of(s, chosen, bs.alpha(), in.notes().get(index), bs.scheme().key(),
        bs.scheme().resamplesItems(), in.items().stream().map(ItemLosses::subgroup).collect(Collectors.toSet()), ct,
        truth, lof);
    double changePerDecade = Double.isFinite(est) && gamma > 0 ? new RelativeLaw(gamma, est).changePerDecade() : Double.NaN;
    SignificanceRow row = new SignificanceRow(in.study(), in.corpus(), ct.baseline(), ct.treatment(), est, gamma,
        in.estimate()[index * p + 2], in.estimate()[index * p + 3], changePerDecade, chosen.low(), chosen.high(),
        chosen.method().key(), s.percentile().low(), s.percentile().high(), s.bca().low(), s.bca().high(),
        s.standardError(), Double.isFinite(s.pValue()) ? s.pValue() : Double.NaN, verdict.significant(), bs.alpha(),
        bs.level(), s.resamples(), s.valid(), s.failed(), bs.scheme().key(), bs.clusterBy().key(), truth,
        verdict.coversTruth(), verdict.flagKeys(), verdict.reason(), lof.statistic(), lof.pValue(), Double.NaN,
        Double.NaN, // q_value, p_holm: per case study, once every contrast is in
        SignificanceRow.PAIRED, in.corpus(), in.corpus(), commonBudgets(in, index));
    return List.of(SUMMARY.toRow(new Summary("contrast", row, null))).iterator();
  }

  /** Budgets usable by both subgroups of contrast {@code index} of an input, on the full sample. */
  private static int commonBudgets(BootstrapInput in, int index) {
    RelativeScaling stat = new RelativeScaling(in.runs(), in.contrasts());
    stat.evaluateInto(null, null, new double[stat.statistics()]);
    return stat.commonBudgets(index);
  }

  private static double[] column(double[][] m, int j) {
    return Arrays.stream(m).mapToDouble(r -> r[j]).toArray();
  }
}
