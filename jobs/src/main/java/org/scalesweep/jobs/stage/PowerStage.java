package org.scalesweep.jobs.stage;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.calib.BinomialInterval;
import org.scalesweep.calib.PowerDesign;
import org.scalesweep.calib.PowerPoint;
import org.scalesweep.calib.PowerStudy;
import org.scalesweep.calib.ReplicateOutcome;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.report.CalibrationReport;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.jobs.table.PowerDesignRow;
import org.scalesweep.jobs.table.PowerOutcomeRow;
import org.scalesweep.jobs.table.PowerRow;
import org.scalesweep.law.RelativeLaw;

/**
 * power → power.parquet, power_designs.parquet and report/: the probability that a sweep declares
 * the true sign of Δβ at p &lt; α, for every design of a grid (configurations per budget × budgets
 * × items × seeds) and every effect, on one case study's baseline and corpus. Units are (design,
 * replicate) over {@code spark.range}; replicate r of every design is simulated from the same keyed
 * streams (common random numbers); counts are aggregated per (design, effect) in the executors.
 */
public final class PowerStage implements Stage {
  static final String POWER = Outputs.POWER;
  static final String DESIGNS = Outputs.POWER_DESIGNS;

  /**
   * @param caseStudy case study whose baseline the treatment is compared with
   * @param corpus corpus whose truth and grid are simulated
   * @param scheme bootstrap scheme of the test
   * @param effects true Δβ values
   * @param designs designs to evaluate
   * @param replicates simulated sweeps per design
   * @param resamples bootstrap resamples per sweep
   * @param target power the smallest design must reach
   */
  public record Options(String caseStudy, String corpus, ResampleScheme scheme, double[] effects,
      List<PowerDesign> designs, int replicates, int resamples, double target, String extend)
      implements java.io.Serializable {
    public Options {
      designs = List.copyOf(designs);
      effects = effects.clone();
    }

    /** Options without an extension. */
    public Options(String caseStudy, String corpus, ResampleScheme scheme, double[] effects, List<PowerDesign> designs,
        int replicates, int resamples, double target) {
      this(caseStudy, corpus, scheme, effects, designs, replicates, resamples, target, null);
    }
  }

  /**
   * A design as simulated: its configurations with their seed counts (a grid design, plus the runs
   * of {@code --extend} when given).
   */
  record Explicit(String label, List<ModelConfig> configs, int[] seeds, int items) implements java.io.Serializable {
    int runs() {
      return java.util.Arrays.stream(seeds).sum();
    }
  }

  /** Every design with the extension's runs added (a run's seed K raises its configuration to K + 1 seeds). */
  static List<Explicit> explicit(PowerStudy study, Options opts, List<Row> extension, org.scalesweep.grid.GridRules rules) {
    List<Explicit> out = new ArrayList<>();
    for (PowerDesign d : opts.designs()) {
      java.util.TreeMap<String, ModelConfig> configs = new java.util.TreeMap<>();
      java.util.Map<String, Integer> seeds = new java.util.HashMap<>();
      for (ModelConfig c : study.configs(d)) {
        String k = key(c);
        configs.put(k, c);
        seeds.put(k, d.seeds());
      }
      for (Row r : extension) {
        double budget = r.getAs("budget");
        int width = r.getAs("width");
        String id = r.getAs("run_id");
        int seed = id.matches(".*/seed-\\d+") ? Integer.parseInt(id.substring(id.lastIndexOf("/seed-") + 6)) : 0;
        ModelConfig c = org.scalesweep.grid.IsoFlopGrid.configurations(budget, rules).stream()
            .filter(x -> x.width() == width).findFirst().orElseThrow(() -> new IllegalArgumentException("--extend: run "
                + id + " (budget " + budget + ", width " + width + ") is not a configuration of the grid rules"));
        configs.put(key(c), c);
        seeds.merge(key(c), seed + 1, Math::max);
      }
      List<ModelConfig> list = new ArrayList<>(configs.values());
      out.add(new Explicit(opts.extend() == null ? d.label() : d.label() + " + " + extension.size() + " runs of "
          + java.nio.file.Path.of(opts.extend()).getFileName(), list,
          list.stream().mapToInt(c -> seeds.get(key(c))).toArray(), d.items()));
    }
    return out;
  }

  private static String key(ModelConfig c) {
    return String.format(java.util.Locale.ROOT, "%024.6f/%06d", c.budget(), c.width());
  }

  private final Options options;

  public PowerStage(Options options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "power";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    return List.of(POWER, DESIGNS, Outputs.REPORT);
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    Options opts = options;
    PowerStudy study = CalibrationSources.power(ctx.study(), opts.caseStudy(), opts.corpus(), opts.scheme(),
        opts.resamples());
    opts.designs().forEach(study::runs); // checks every design on the driver
    List<Row> extension = opts.extend() == null ? List.of()
        : ctx.spark().read().parquet(opts.extend()).select("budget", "width", "run_id").collectAsList();
    List<Explicit> explicit = explicit(study, opts, extension, ctx.study().rules());
    int[] runs = explicit.stream().mapToInt(Explicit::runs).toArray();
    Broadcast<PowerStudy> bc = ctx.spark().sparkContext().broadcast(study,
        scala.reflect.ClassTag$.MODULE$.apply(PowerStudy.class));
    long units = (long) opts.designs().size() * opts.replicates();
    int partitions = (int) Math.max(1, Math.min(units, 4L * ctx.parallelism()));
    ctx.begin(name(), opts.designs().size() + " designs x " + opts.replicates() + " replicates x " + opts.resamples()
        + " resamples (" + opts.scheme().key() + ") over " + partitions + " partitions");
    Dataset<Row> outcomes = ctx.spark().range(0, units, 1, partitions)
        .mapPartitions((MapPartitionsFunction<Long, Row>) it -> unitRows(bc.value(), opts, explicit, it), Encoders.row(OutputTables.POWER_OUTCOMES.schema()));
    double alpha = ctx.study().bootstrap().alpha();
    double level = ctx.study().bootstrap().level();
    Dataset<Row> power = outcomes
        .groupByKey((MapFunction<Row, String>) r -> {
          PowerOutcomeRow o = OutputTables.POWER_OUTCOMES.fromRow(r);
          return o.design() + "/" + o.effect();
        }, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (k, it) -> powerRow(opts, explicit, runs, k, it, alpha,
            level),
            Encoders.row(OutputTables.POWER.schema()))
        .orderBy("runs", "configs_per_budget", "budgets", "items", "seeds", "effect").coalesce(1);
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put(POWER, ctx.outputs().writeParquet(POWER, power));
    List<Row> table = ctx.outputs().readStaged(POWER).collectAsList();
    rows.put(DESIGNS, ctx.outputs().writeParquet(DESIGNS, ctx.spark().createDataFrame(smallest(opts, explicit, table, level),
        OutputTables.POWER_DESIGNS.schema()).coalesce(1)));
    List<Row> smallest = ctx.outputs().readStaged(DESIGNS).orderBy("effect").collectAsList();
    String subject = opts.caseStudy() + " baseline on " + opts.corpus() + " (" + opts.scheme().key() + " scheme)";
    rows.put(Outputs.REPORT, (long) CalibrationReport.power(ctx.outputs(), ctx.study(), subject, table, smallest, opts.target()));
    for (PowerDesignRow r : smallest.stream().map(OutputTables.POWER_DESIGNS::fromRow).toList()) {
      ctx.log().println(String.format(java.util.Locale.ROOT, "delta-beta %+.4f (%+.2f%% per 10x): %s", r.effect(),
          100 * r.changePerDecade(), r.design() == null ? "no design reaches " + opts.target() + " power"
              : String.format(java.util.Locale.ROOT, "smallest design %s (%d runs), power %.3f [%.3f, %.3f]",
                  r.design(), r.runs(), r.power(), r.powerLow(), r.powerHigh())));
    }
    bc.destroy();
    return rows;
  }

  private static Iterator<Row> unitRows(PowerStudy study, Options opts, List<Explicit> designs, Iterator<Long> units) {
    List<Row> out = new ArrayList<>();
    Gemm gemm = Gemm.best();
    while (units.hasNext()) {
      long u = units.next();
      int d = (int) (u / opts.replicates());
      long r = u % opts.replicates();
      Explicit e0 = designs.get(d);
      List<ReplicateOutcome> o = study.replicate(e0.configs(), e0.seeds(), e0.items(), opts.effects(), r, gemm);
      for (int e = 0; e < o.size(); e++) {
        ReplicateOutcome x = o.get(e);
        out.add(OutputTables.POWER_OUTCOMES.toRow(new PowerOutcomeRow(d, e, r, x.correctSign(), x.significant(), x.wrongSign(), x.summary().estimate())));
      }
    }
    return out.iterator();
  }

  private static Iterator<Row> powerRow(Options opts, List<Explicit> designs, int[] runs, String key, Iterator<Row> it,
      double alpha, double level) {
    String[] k = key.split("/");
    int d = Integer.parseInt(k[0]);
    double effect = opts.effects()[Integer.parseInt(k[1])];
    long n = 0;
    long correct = 0;
    long rejected = 0;
    long wrong = 0;
    double sum = 0;
    while (it.hasNext()) {
      PowerOutcomeRow r = OutputTables.POWER_OUTCOMES.fromRow(it.next());
      n++;
      correct += r.correctSign() ? 1 : 0;
      rejected += r.significant() ? 1 : 0;
      wrong += r.wrongSign() ? 1 : 0;
      sum += r.estimate();
    }
    PowerDesign pd = opts.designs().get(d);
    BinomialInterval p = BinomialInterval.clopperPearson(correct, n, level);
    return List.of(OutputTables.POWER.toRow(new PowerRow(designs.get(d).label(), pd.configsPerBudget(), pd.budgets(), pd.items(), pd.seeds(), runs[d],
        effect, new RelativeLaw(1, effect).changePerDecade(), (int) n, p.rate(), p.low(), p.high(),
        (double) rejected / n, wrong, sum / n, opts.scheme().key(), alpha))).iterator();
  }

  /** Per effect, the cheapest design reaching the target (nulls when none does). */
  private static List<Row> smallest(Options opts, List<Explicit> explicit, List<Row> table, double level) {
    List<PowerPoint> points = new ArrayList<>();
    Map<String, PowerDesign> byLabel = new LinkedHashMap<>();
    Map<PowerDesign, String> labels = new java.util.HashMap<>();
    for (int i = 0; i < explicit.size(); i++) {
      byLabel.put(explicit.get(i).label(), opts.designs().get(i));
      labels.put(opts.designs().get(i), explicit.get(i).label());
    }
    for (Row r : table) {
      long k = Math.round(r.<Double>getAs("power") * r.<Integer>getAs("replicates"));
      points.add(new PowerPoint(byLabel.get(r.<String>getAs("design")), r.getAs("effect"), r.getAs("runs"),
          BinomialInterval.clopperPearson(k, r.<Integer>getAs("replicates"), level)));
    }
    List<Row> out = new ArrayList<>();
    for (double e : java.util.Arrays.stream(opts.effects()).distinct().sorted().toArray()) {
      Optional<PowerPoint> best = PowerPoint.smallest(points, e, opts.target());
      double change = new RelativeLaw(1, e).changePerDecade();
      out.add(best.map(p -> OutputTables.POWER_DESIGNS.toRow(new PowerDesignRow(e, change, opts.target(), labels.get(p.design()), p.runs(), p.power().rate(),
          p.power().low(), p.power().high()))).orElse(OutputTables.POWER_DESIGNS.toRow(new PowerDesignRow(e, change, opts.target(), null, null, null, null,
          null))));
    }
    return out;
  }
}
