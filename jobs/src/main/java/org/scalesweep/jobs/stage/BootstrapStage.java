package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.Interval;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.SignTest;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.law.RelativeLaw;
import org.scalesweep.relative.Contrast;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.Crossovers;
import org.scalesweep.relative.ItemLosses;
import org.scalesweep.relative.RelativeBootstrap;
import org.scalesweep.relative.RelativeScaling;

/**
 * bootstrap → significance.parquet and crossovers.parquet (and boot/ draws on request).
 *
 * <p>Distributed as DESIGN.md says: {@code spark.range(B)} of resample indices over partitions;
 * each task rebuilds resample b's weights from its keyed streams and recomputes every contrast
 * from broadcast inputs; rows are aggregated by contrast in the executors (no per-resample row
 * reaches the driver). The driver only prepares the inputs: run-level tables (and item matrices for
 * the item schemes), full-sample estimates and the jackknife for BCa.
 */
public final class BootstrapStage implements Stage {
  static final StructType DRAWS_SCHEMA = new StructType()
      .add("kind", StringType, false)
      .add("study", StringType, false)
      .add("corpus", StringType, false)
      .add("baseline", StringType, false)
      .add("treatment", StringType, false)
      .add("index", IntegerType, false)
      .add("resample", LongType, false)
      .add("delta_beta", DoubleType, false)
      .add("gamma", DoubleType, false)
      .add("beta_baseline", DoubleType, false)
      .add("beta_treatment", DoubleType, false);

  public static final StructType SIGNIFICANCE_SCHEMA = new StructType()
      .add("study", StringType, false)
      .add("corpus", StringType, false)
      .add("baseline", StringType, false)
      .add("treatment", StringType, false)
      .add("delta_beta", DoubleType, false)
      .add("gamma", DoubleType, false)
      .add("beta_baseline", DoubleType, false)
      .add("beta_treatment", DoubleType, false)
      .add("change_per_decade", DoubleType, false)
      .add("ci_low", DoubleType, false)
      .add("ci_high", DoubleType, false)
      .add("ci_method", StringType, false)
      .add("pct_low", DoubleType, false)
      .add("pct_high", DoubleType, false)
      .add("bca_low", DoubleType, false)
      .add("bca_high", DoubleType, false)
      .add("std_error", DoubleType, false)
      .add("p_value", DoubleType, false)
      .add("significant", BooleanType, false)
      .add("alpha", DoubleType, false)
      .add("level", DoubleType, false)
      .add("resamples", IntegerType, false)
      .add("valid_resamples", IntegerType, false)
      .add("scheme", StringType, false)
      .add("cluster_by", StringType, false)
      .add("true_delta_beta", DoubleType, true)
      .add("covers_truth", BooleanType, true)
      .add("flags", StringType, false)
      .add("reason", StringType, false);

  public static final StructType CROSSOVER_SCHEMA = new StructType()
      .add("study", StringType, false)
      .add("corpus", StringType, false)
      .add("treatment_1", StringType, false)
      .add("treatment_2", StringType, false)
      .add("log10_crossover", DoubleType, false)
      .add("ci_low", DoubleType, false)
      .add("ci_high", DoubleType, false)
      .add("in_range", BooleanType, false)
      .add("resamples", IntegerType, false)
      .add("valid_resamples", IntegerType, false);

  /** Relative curve G(F) = γ·F^Δβ at each budget with its bootstrap band (quantiles of γ*·F^Δβ*). */
  public static final StructType BANDS_SCHEMA = new StructType()
      .add("study", StringType, false)
      .add("corpus", StringType, false)
      .add("baseline", StringType, false)
      .add("treatment", StringType, false)
      .add("budget", DoubleType, false)
      .add("g", DoubleType, false)
      .add("g_low", DoubleType, false)
      .add("g_high", DoubleType, false);

  private static final StructType SUMMARY = new StructType()
      .add("kind", StringType, false)
      .add("significance", SIGNIFICANCE_SCHEMA, true)
      .add("crossover", CROSSOVER_SCHEMA, true)
      .add("band", BANDS_SCHEMA, true);

  @Override
  public String name() {
    return "bootstrap";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    if (ctx.study().isAlignment()) {
      return List.of(Outputs.INTERVALS);
    }
    List<String> out = new ArrayList<>(List.of(Outputs.SIGNIFICANCE, Outputs.CROSSOVERS, Outputs.BANDS));
    if (ctx.study().bootstrap().writeDraws()) {
      out.add(Outputs.DRAWS);
    }
    return out;
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    if (ctx.study().isAlignment()) {
      return AlignmentStages.bootstrap(ctx);
    }
    Study study = ctx.study();
    Study.BootstrapSettings bs = study.bootstrap();
    ctx.begin(name(), "preparing inputs");
    List<BootstrapInput> inputs = inputs(ctx);
    Broadcast<List<BootstrapInput>> inBc = ctx.spark().sparkContext().broadcast(inputs,
        scala.reflect.ClassTag$.MODULE$.apply(List.class));
    Broadcast<Study> studyBc = ctx.spark().sparkContext().broadcast(study,
        scala.reflect.ClassTag$.MODULE$.apply(Study.class));
    int partitions = bs.partitions() > 0 ? bs.partitions()
        : (int) Math.max(1, Math.min(bs.resamples(), 4L * ctx.parallelism()));

    ctx.begin(name(), bs.resamples() + " resamples (" + bs.scheme().key() + ") over " + partitions + " partitions");
    Dataset<Row> draws = ctx.spark().range(0, bs.resamples(), 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> evaluate(studyBc.value(), inBc.value(), it),
            Encoders.row(DRAWS_SCHEMA));
    Map<String, Long> rows = new LinkedHashMap<>();
    if (bs.writeDraws()) {
      draws = draws.persist(StorageLevel.MEMORY_AND_DISK());
      rows.put(Outputs.DRAWS, ctx.outputs().writeParquet(Outputs.DRAWS, draws, "kind", "study", "corpus", "treatment"));
    }
    Dataset<Row> summary = draws
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0) + "\u0001" + r.getString(1) + "\u0001"
            + r.getString(2) + "\u0001" + r.getInt(5), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (k, it) -> summarize(studyBc.value(), inBc.value(), k, it),
            Encoders.row(SUMMARY))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> significance = summary.filter(col("kind").equalTo("contrast")).select("significance.*")
        .orderBy("study", "corpus", "treatment").coalesce(1);
    Dataset<Row> crossovers = summary.filter(col("kind").equalTo("crossover")).select("crossover.*")
        .orderBy("study", "corpus", "treatment_1", "treatment_2").coalesce(1);
    Dataset<Row> bands = summary.filter(col("kind").equalTo("band")).select("band.*")
        .orderBy("study", "corpus", "treatment", "budget").coalesce(1);
    rows.put(Outputs.SIGNIFICANCE, ctx.outputs().writeParquet(Outputs.SIGNIFICANCE, significance));
    rows.put(Outputs.BANDS, ctx.outputs().writeParquet(Outputs.BANDS, bands));
    rows.put(Outputs.CROSSOVERS, ctx.outputs().writeParquet(Outputs.CROSSOVERS, crossovers));
    summary.unpersist();
    draws.unpersist();
    inBc.destroy();
    studyBc.destroy();
    return rows;
  }

  /** Driver-side preparation: run tables, item matrices, estimates and jackknife per (corpus, case study). */
  private static List<BootstrapInput> inputs(StageContext ctx) {
    Study study = ctx.study();
    List<RunObservation> obs = ctx.outputs().readParquet(Outputs.RUNS)
        .select("study", "corpus", "subgroup", "run_id", "seed", "budget", "width", "depth", "params", "tokens", "loss")
        .collectAsList().stream().map(RunObservation::of).toList();
    Map<String, List<RunObservation>> byCorpus = new HashMap<>();
    obs.forEach(o -> byCorpus.computeIfAbsent(o.corpus(), k -> new ArrayList<>()).add(o));
    Map<String, double[]> itemMatrices = study.bootstrap().scheme().resamplesItems() ? itemMatrices(ctx) : Map.of();
    Gemm gemm = Gemm.best();
    Resampler resampler = new Resampler(study.seed(), study.bootstrap().weights());
    List<BootstrapInput> inputs = new ArrayList<>();
    for (Study.Corpus corpus : study.corpora()) {
      for (Study.CaseStudy cs : study.caseStudies()) {
        CorpusRuns runs = RunTables.corpusRuns(corpus.name(), cs, byCorpus.getOrDefault(corpus.name(), List.of()),
            study.bootstrap().clusterBy());
        List<Contrast> contrasts = cs.contrasts();
        List<ItemLosses> items = new ArrayList<>();
        if (study.bootstrap().scheme().resamplesItems()) {
          for (Study.SubgroupSpec s : cs.subgroups()) {
            if (s.items() > 0) {
              double[] m = itemMatrices.get(corpus.name() + "\u0001" + cs.name() + "\u0001" + s.name());
              if (m == null) {
                throw new IllegalStateException("items.parquet has no items for corpus " + corpus.name() + ", "
                    + cs.name() + "/" + s.name() + "; rerun simulate");
              }
              items.add(new ItemLosses(s.name(), s.items(), m));
            }
          }
        }
        if (study.bootstrap().scheme().resamplesItems() && items.isEmpty()) {
          continue; // no item-level subgroup in this case study: nothing to resample under the item scheme
        }
        RelativeBootstrap boot = new RelativeBootstrap(new RelativeScaling(runs, contrasts), study.bootstrap().scheme(),
            resampler, items, gemm);
        List<int[]> pairs = new ArrayList<>();
        if (cs.crossovers()) {
          for (int i = 0; i < contrasts.size(); i++) {
            for (int j = i + 1; j < contrasts.size(); j++) {
              pairs.add(new int[] {i, j});
            }
          }
        }
        inputs.add(new BootstrapInput(cs.name(), corpus.name(), runs, contrasts, items, boot.estimate(),
            boot.jackknife(), pairs));
      }
    }
    return inputs;
  }

  /** Replicate-averaged item losses, runs in run_id order, as one runs × items matrix per subgroup. */
  private static Map<String, double[]> itemMatrices(StageContext ctx) {
    List<Row> rows = ctx.outputs().readParquet(Outputs.ITEMS)
        .groupBy("corpus", "study", "subgroup", "run_id", "item").agg(avg("loss").alias("loss"))
        .orderBy("corpus", "study", "subgroup", "run_id", "item").collectAsList();
    Map<String, List<Double>> acc = new LinkedHashMap<>();
    for (Row r : rows) {
      String key = r.getString(0) + "\u0001" + r.getString(1) + "\u0001" + r.getString(2);
      acc.computeIfAbsent(key, k -> new ArrayList<>()).add(r.getDouble(5));
    }
    Map<String, double[]> out = new HashMap<>();
    acc.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  /** Draw rows of a partition's resamples, blocks of consecutive indices at a time. */
  private static Iterator<Row> evaluate(Study study, List<BootstrapInput> inputs, Iterator<Long> it) {
    List<Long> ids = new ArrayList<>();
    it.forEachRemaining(ids::add);
    long[] bs = ids.stream().mapToLong(Long::longValue).sorted().toArray();
    List<Row> out = new ArrayList<>();
    Resampler resampler = new Resampler(study.seed(), study.bootstrap().weights());
    Gemm gemm = Gemm.best();
    int block = study.bootstrap().block();
    for (BootstrapInput in : inputs) {
      RelativeBootstrap boot = new RelativeBootstrap(new RelativeScaling(in.runs(), in.contrasts()),
          study.bootstrap().scheme(), resampler, in.items(), gemm);
      int k = 0;
      while (k < bs.length) {
        int len = 1;
        while (k + len < bs.length && len < block && bs[k + len] == bs[k] + len) {
          len++;
        }
        double[][] vals = new double[len][boot.statistics()];
        boot.evaluate(bs[k], len, vals);
        for (int j = 0; j < len; j++) {
          emit(in, bs[k + j], vals[j], out);
        }
        k += len;
      }
    }
    return out.iterator();
  }

  private static void emit(BootstrapInput in, long b, double[] v, List<Row> out) {
    int p = RelativeScaling.PER_CONTRAST;
    for (int c = 0; c < in.contrasts().size(); c++) {
      Contrast ct = in.contrasts().get(c);
      out.add(RowFactory.create("contrast", in.study(), in.corpus(), ct.baseline(), ct.treatment(), c, b, v[c * p],
          v[c * p + 1], v[c * p + 2], v[c * p + 3]));
    }
    for (int x = 0; x < in.crossovers().size(); x++) {
      int[] pr = in.crossovers().get(x);
      double lc = Crossovers.log10Crossover(v[pr[0] * p + 1], v[pr[0] * p], v[pr[1] * p + 1], v[pr[1] * p]);
      out.add(RowFactory.create("crossover", in.study(), in.corpus(), in.contrasts().get(pr[0]).treatment(),
          in.contrasts().get(pr[1]).treatment(), x, b, lc, Double.NaN, Double.NaN, Double.NaN));
    }
  }

  private static Iterator<Row> summarize(Study study, List<BootstrapInput> inputs, String key, Iterator<Row> it) {
    String[] k = key.split("\u0001", -1);
    String kind = k[0];
    BootstrapInput in = inputs.stream().filter(i -> i.study().equals(k[1]) && i.corpus().equals(k[2])).findFirst()
        .orElseThrow();
    int index = Integer.parseInt(k[3]);
    List<double[]> vals = new ArrayList<>();
    // positions of DRAWS_SCHEMA: 6 resample, 7 delta_beta (or log10 crossover), 8 gamma
    it.forEachRemaining(r -> vals.add(new double[] {r.getLong(6), r.getDouble(7), r.getDouble(8)}));
    vals.sort((a, b) -> Double.compare(a[0], b[0]));
    double[] v1 = vals.stream().mapToDouble(a -> a[1]).toArray();
    Study.BootstrapSettings bs = study.bootstrap();
    int p = RelativeScaling.PER_CONTRAST;
    if (kind.equals("crossover")) {
      int[] pr = in.crossovers().get(index);
      double est = Crossovers.log10Crossover(in.estimate()[pr[0] * p + 1], in.estimate()[pr[0] * p],
          in.estimate()[pr[1] * p + 1], in.estimate()[pr[1] * p]);
      BootstrapSummary s = BootstrapSummary.of(est, v1, null, bs.level());
      double lo = Math.log10(study.budgets().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
      double hi = Math.log10(study.budgets().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
      Row row = RowFactory.create(in.study(), in.corpus(), in.contrasts().get(pr[0]).treatment(),
          in.contrasts().get(pr[1]).treatment(), est, s.percentile().low(), s.percentile().high(),
          Double.isFinite(est) && est >= lo && est <= hi, s.resamples(), s.valid());
      return List.of(RowFactory.create("crossover", null, row, null)).iterator();
    }
    Contrast ct = in.contrasts().get(index);
    double[] jackDb = column(in.jackknife(), index * p);
    double est = in.estimate()[index * p];
    double gamma = in.estimate()[index * p + 1];
    BootstrapSummary s = BootstrapSummary.of(est, v1, jackDb, bs.level(), 1); // expanded: clusters as units
    Interval chosen = s.interval(bs.interval());
    Study.CaseStudy cs = study.caseStudy(in.study());
    Double truth = "simulate".equals(study.source()) ? cs.trueDeltaBeta(in.corpus(), ct.treatment()) : null;
    List<String> flags = new ArrayList<>();
    StringBuilder reason = new StringBuilder();
    if (!Double.isFinite(est)) {
      flags.add("not_estimable");
      reason.append("full-sample delta-beta is not estimable; ");
    }
    if (s.valid() < 0.9 * s.resamples()) {
      flags.add("unstable");
      reason.append(s.resamples() - s.valid()).append(" of ").append(s.resamples())
          .append(" resamples not estimable; ");
    }
    boolean significant = Double.isFinite(s.pValue()) && SignTest.significant(s.pValue(), bs.alpha());
    double changePerDecade = Double.isFinite(est) && gamma > 0 ? new RelativeLaw(gamma, est).changePerDecade() : Double.NaN;
    Row row = RowFactory.create(in.study(), in.corpus(), ct.baseline(), ct.treatment(), est, gamma,
        in.estimate()[index * p + 2], in.estimate()[index * p + 3], changePerDecade, chosen.low(), chosen.high(),
        chosen.method().key(), s.percentile().low(), s.percentile().high(), s.bca().low(), s.bca().high(),
        s.standardError(), Double.isFinite(s.pValue()) ? s.pValue() : Double.NaN, significant, bs.alpha(), bs.level(),
        s.resamples(), s.valid(), bs.scheme().key(), bs.clusterBy().key(), truth,
        truth == null ? null : chosen.contains(truth), String.join(",", flags), reason.toString().strip());
    List<Row> out = new ArrayList<>();
    out.add(RowFactory.create("contrast", row, null, null));
    double[] v2 = vals.stream().mapToDouble(a -> a[2]).toArray();
    for (double f : study.budgets().stream().mapToDouble(Double::doubleValue).sorted().toArray()) {
      double[] g = new double[v1.length];
      for (int i = 0; i < g.length; i++) {
        g[i] = v2[i] * Math.pow(f, v1[i]);
      }
      Interval band = BootstrapSummary.of(gamma * Math.pow(f, est), g, null, bs.level()).percentile();
      out.add(RowFactory.create("band", null, null, RowFactory.create(in.study(), in.corpus(), ct.baseline(),
          ct.treatment(), f, gamma * Math.pow(f, est), band.low(), band.high())));
    }
    return out.iterator();
  }

  private static double[] column(double[][] m, int j) {
    return Arrays.stream(m).mapToDouble(r -> r[j]).toArray();
  }
}
