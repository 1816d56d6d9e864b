package org.scalesweep.jobs.stage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.scalesweep.advice.AdviceDesign;
import org.scalesweep.advice.Advisor;
import org.scalesweep.advice.Candidate;
import org.scalesweep.advice.CandidateKind;
import org.scalesweep.advice.Candidates;
import org.scalesweep.advice.FlagKind;
import org.scalesweep.advice.IngestedSuite;
import org.scalesweep.advice.SuiteFlag;
import org.scalesweep.advice.TrainedConfig;
import org.scalesweep.advice.GainModel;
import org.scalesweep.advice.GreedyPlan;
import org.scalesweep.advice.Objective;
import org.scalesweep.advice.PlanGrid;
import org.scalesweep.advice.ReplicateSweeps;
import org.scalesweep.advice.Scored;
import org.scalesweep.advice.SimulatedDesign;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.calib.BinomialInterval;
import org.scalesweep.calib.PowerStudy;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.jobs.config.Study;
import org.scalesweep.jobs.pipeline.Stage;
import org.scalesweep.jobs.pipeline.StageContext;
import org.scalesweep.jobs.report.AdviceReport;
import org.scalesweep.jobs.table.AdviceFlagRow;
import org.scalesweep.jobs.table.AdvicePlanRow;
import org.scalesweep.jobs.table.AdviceRow;
import org.scalesweep.jobs.table.GridRow;
import org.scalesweep.jobs.table.OutputTables;
import org.scalesweep.jobs.table.Outputs;
import org.scalesweep.sim.CorpusTruth;

/**
 * advise → advice.parquet, advice_plan.parquet, grid.parquet and report/: where the next FLOPs
 * should go. lib's {@link Advisor} decides; this stage only spreads its replicate simulations
 * ((design, replicate) units over {@code spark.range}, each a whole sweep simulated, fitted and
 * tested with {@link PowerStudy}, the {@code power} command's keyed streams) and writes the answer.
 */
public final class AdviseStage implements Stage {
  /** Candidates simulated per plan step after the first (the analytical screen's best). */
  static final int SCREEN = 3;
  /** Most plan steps. */
  static final int MAX_STEPS = 60;
  /** Most rungs of each uniform extension ladder. */
  static final int MAX_UNIFORM = 9;

  /**
   * @param caseStudy case study whose baseline the contrasts compare against
   * @param corpus corpus whose truth and grid are simulated
   * @param scheme bootstrap scheme of the test (the study's by default)
   * @param contrasts treatments of interest
   * @param effect stated Δβ for every contrast (null: each contrast's own truth)
   * @param budgetFlops most FLOPs the plan may add
   * @param target power each contrast should reach
   * @param objective what a gain measures
   * @param replicates simulated sweeps per design
   * @param resamples bootstrap resamples per sweep
   * @param maxSeeds most seed replicates per configuration
   * @param maxItems most items per subgroup
   */
  public record Options(String caseStudy, String corpus, ResampleScheme scheme, List<String> contrasts, Double effect,
      double budgetFlops, double target, Objective objective, int replicates, int resamples, int maxSeeds,
      int maxItems) implements java.io.Serializable {
    public Options {
      contrasts = List.copyOf(contrasts);
    }
  }

  private final Options options;

  /**
   * What the advisor works with, built the same way wherever it is needed.
   *
   * @param study the power study whose replicate sweeps score designs
   * @param effects Δβ per contrast of interest
   * @param base the study's design
   * @param greedy the plan's settings (its model not yet calibrated)
   */
  public record Setup(PowerStudy study, double[] effects, AdviceDesign base, GreedyPlan greedy) {}

  /**
   * An ingested suite's setup (fitted laws and estimated noise as the generating model; flags and their
   * "rerun / extend" candidates).
   *
   * @param setup the advisor's inputs
   * @param model the suite as fitted, its flags and noise
   */
  record IngestedSetup(Setup setup, IngestedAdvice.Model model) {}

  /**
   * The advisor's inputs for an ingested suite: its fitted joint laws (overall and baseline) and the
   * noise estimated from its data as the truth, the contrasts' current estimates (or {@code --effect})
   * as the effects, the suite without its off-curve configurations as the base design, and the flags'
   * "rerun / extend" candidates among the candidates.
   */
  static IngestedSetup setup(Study s, Options o, List<RunObservation> rows) {
    Study.CaseStudy cs = s.caseStudy(o.caseStudy());
    IngestedAdvice.Model m = IngestedAdvice.of(s, cs, o.corpus(), rows);
    double[] effects = new double[o.contrasts().size()];
    for (int e = 0; e < effects.length; e++) {
      String t = o.contrasts().get(e);
      double est = m.estimates().getOrDefault(t, Double.NaN);
      if (o.effect() == null && !Double.isFinite(est)) {
        throw new IllegalArgumentException("the contrast " + t + " has no estimate on the ingested runs; state "
            + "the effect to plan for with --effect");
      }
      effects[e] = o.effect() != null ? o.effect() : est;
    }
    Study.BootstrapSettings b = s.bootstrap();
    org.scalesweep.advice.IngestedSuite suite = m.suite();
    PowerStudy study = new PowerStudy(s.seed(), suite.truth(m.corpus(), Study.OVERALL, cs.baseline()), Study.OVERALL,
        cs.baseline(), suite.trained(), suite.noise().model(), b.clusterBy(), o.scheme(), b.weights(), o.resamples(),
        b.level(), b.alpha(), b.block());
    org.scalesweep.law.JointLaw law = suite.overall();
    ToDoubleFunction<ModelConfig> loss = c -> law.at(c.params(), c.tokens());
    GreedyPlan greedy = new GreedyPlan(new Candidates(s.rules(), o.maxSeeds(), 0, CONFIGS_PER_CANDIDATE,
        suite.candidates(s.rules(), CONFIGS_PER_CANDIDATE)), new GainModel(loss, suite.noise().model(), b.alpha(),
        b.level()), loss, effects, o.objective(), o.target(), cs.subgroups().size(), s.rules().sequenceLength());
    return new IngestedSetup(new Setup(study, effects, suite.base(), greedy), m);
  }

  /** Configurations a narrow, wide or extend candidate adds. */
  static final int CONFIGS_PER_CANDIDATE = 2;

  /** The advisor's inputs for a study and the command's options. */
  public static Setup setup(Study s, Options o) {
    Study.CaseStudy cs = s.caseStudy(o.caseStudy());
    double[] effects = o.contrasts().stream()
        .mapToDouble(t -> o.effect() != null ? o.effect() : cs.trueDeltaBeta(o.corpus(), t)).toArray();
    PowerStudy study = CalibrationSources.power(s, o.caseStudy(), o.corpus(), o.scheme(), o.resamples());
    CorpusTruth truth = cs.truth(s.corpus(o.corpus()));
    int overall = truth.indexOf(Study.OVERALL);
    ToDoubleFunction<ModelConfig> loss = c -> truth.loss(overall, c.params(), c.tokens(), c.budget());
    Study.BootstrapSettings b = s.bootstrap();
    int items = cs.subgroup(cs.baseline()).items();
    AdviceDesign base = AdviceDesign.uniform(GridStage.configs(s), s.replicates(), items);
    GreedyPlan greedy = new GreedyPlan(new Candidates(s.rules(), o.maxSeeds(), Math.max(items, o.maxItems()),
        CONFIGS_PER_CANDIDATE),
        new GainModel(loss, s.noise(), b.alpha(), b.level()), loss, effects, o.objective(), o.target(),
        cs.subgroups().size(), s.rules().sequenceLength());
    return new Setup(study, effects, base, greedy);
  }

  /** The advisor of a setup with a simulation. */
  public static Advisor advisor(Setup setup, java.util.function.Function<List<AdviceDesign>, List<SimulatedDesign>> sim,
      Study s) {
    // the screen has no model of the allocation exponents: under that objective every candidate is simulated
    int screen = setup.greedy().objective() == Objective.ALLOCATION ? Integer.MAX_VALUE : SCREEN;
    return new Advisor(setup.greedy(), sim, screen, MAX_STEPS, MAX_UNIFORM, s.bootstrap().alpha(), s.bootstrap().level());
  }

  public AdviseStage(Options options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "advise";
  }

  @Override
  public List<String> outputs(StageContext ctx) {
    return ctx.study().ingested() ? List.of(Outputs.ADVICE, Outputs.ADVICE_PLAN, Outputs.ADVICE_FLAGS, Outputs.GRID,
        Outputs.REPORT) : List.of(Outputs.ADVICE, Outputs.ADVICE_PLAN, Outputs.GRID, Outputs.REPORT);
  }

  @Override
  public Map<String, Long> run(StageContext ctx) {
    Options o = options;
    Study s = ctx.study();
    IngestedSetup ingested = s.ingested() ? setup(s, o, RunsInput.read(ctx).runs().collectAsList().stream()
        .map(RunObservation::of).toList()) : null;
    Setup setup = ingested != null ? ingested.setup() : setup(s, o);
    String corpus = ingested != null ? ingested.model().corpus() : o.corpus();
    double[] effects = setup.effects();
    PowerStudy study = setup.study();
    GreedyPlan greedy = setup.greedy();
    AdviceDesign base = setup.base();
    Study.BootstrapSettings b = s.bootstrap();
    Broadcast<PowerStudy> bc = ctx.spark().sparkContext().broadcast(study,
        scala.reflect.ClassTag$.MODULE$.apply(PowerStudy.class));
    ctx.begin(name(), "designs x " + o.replicates() + " replicates x " + o.resamples() + " resamples ("
        + o.scheme().key() + ")");
    int[] simulated = {0};
    Advisor advisor = advisor(setup, designs -> {
      simulated[0] += designs.size();
      return simulate(ctx, bc, designs, effects, o.replicates());
    }, s);
    Advisor.Result result = advisor.advise(base, o.budgetFlops());
    bc.destroy();

    Map<String, Long> rows = new LinkedHashMap<>();
    List<Row> advice = new ArrayList<>();
    for (Scored c : result.candidates()) {
      for (int e = 0; e < effects.length; e++) {
        BinomialInterval p = c.simulated().power(e, b.level());
        advice.add(OutputTables.ADVICE.toRow(new AdviceRow(c.candidate().label(), c.candidate().kind().key(),
            Double.isNaN(c.candidate().budget()) ? null : c.candidate().budget(), o.contrasts().get(e), effects[e],
            c.flops(), c.expectedWidth(), c.expectedPower()[e], p.rate(), p.low(), p.high(), c.gainPerFlop(), c.rank(),
            c.analyticWidth(), c.analyticPower()[e], c.design().label(), c.design().runs(), c.simulated().replicates(),
            c.simulated().failed(), finite(c.simulated().allocationWidth(0, b.level())),
            finite(c.simulated().allocationWidth(1, b.level())), c.simulated().allocationFailed())));
      }
    }
    advice.sort(java.util.Comparator.comparingInt((Row r) -> r.getAs("rank")));
    rows.put(Outputs.ADVICE, ctx.outputs().writeParquet(Outputs.ADVICE,
        ctx.spark().createDataFrame(advice, OutputTables.ADVICE.schema()).coalesce(1)));
    List<Scored> all = new ArrayList<>();
    all.add(result.base());
    all.addAll(result.plan());
    all.addAll(result.uniform());
    double baseFlops = greedy.cost(base);
    List<Row> plan = new ArrayList<>();
    for (Scored r : all) {
      for (int e = 0; e < effects.length; e++) {
        BinomialInterval p = r.simulated().power(e, b.level());
        plan.add(OutputTables.ADVICE_PLAN.toRow(new AdvicePlanRow(r.plan(), r.step(),
            r.candidate() == null ? null : r.candidate().label(), o.contrasts().get(e), effects[e], r.flops(),
            r.cumulativeFlops(), baseFlops + r.cumulativeFlops(), r.design().label(), r.design().runs(),
            r.expectedWidth(), r.expectedPower()[e], p.rate(), p.low(), p.high(), r.analyticPower()[e],
            advisor.reached(r), r.simulated().replicates(), finite(r.simulated().allocationWidth(0, b.level())),
            finite(r.simulated().allocationWidth(1, b.level())))));
      }
    }
    rows.put(Outputs.ADVICE_PLAN, ctx.outputs().writeParquet(Outputs.ADVICE_PLAN,
        ctx.spark().createDataFrame(plan, OutputTables.ADVICE_PLAN.schema()).coalesce(1)));
    AdviceDesign last = result.last().design();
    List<ModelConfig> trained = ingested != null ? ingested.model().suite().trained() : List.of();
    List<String> problems = PlanGrid.problems(last, s.rules(), trained);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the plan is not a valid grid: " + problems);
    }
    List<Row> grid = new ArrayList<>();
    for (PlanGrid.Run run : PlanGrid.added(base, last)) {
      ModelConfig c = run.config();
      grid.add(OutputTables.GRID.toRow(new GridRow(corpus, runId(ingested, corpus, run),
          c.budget(), c.width(), c.depth(), c.heads(), c.ffn(), c.batch(), c.steps(), c.tokens(), c.params(),
          c.flopsPerToken(), c.forwardFlops(), c.sixND(), c.learningRate(), c.beta2(), "d" + c.width() + "-L" + c.depth())));
    }
    rows.put(Outputs.GRID, ctx.outputs().writeParquet(Outputs.GRID,
        ctx.spark().createDataFrame(grid, OutputTables.GRID.schema()).coalesce(1)));
    List<Row> flagRows = new ArrayList<>();
    if (ingested != null) {
      flagRows = flagRows(ingested.model().suite(), result);
      rows.put(Outputs.ADVICE_FLAGS, ctx.outputs().writeParquet(Outputs.ADVICE_FLAGS,
          ctx.spark().createDataFrame(flagRows, OutputTables.ADVICE_FLAGS.schema()).coalesce(1)));
    }
    String subject = o.caseStudy() + " on " + corpus + " (" + o.scheme().key() + " scheme, " + o.objective().key()
        + " objective, target " + o.target() + ")";
    String noise = ingested == null ? null : "Generating model: the suite's fitted joint laws (overall and "
        + s.caseStudy(o.caseStudy()).baseline() + "), noise " + ingested.model().suite().noise().describe() + ".";
    rows.put(Outputs.REPORT, (long) AdviceReport.write(ctx.outputs(), s, subject, plan, advice, o.target(),
        ingested == null ? null : flagRows, noise));
    ctx.log().println(summary(result, advisor, baseFlops, o, simulated[0]));
    if (ingested != null) {
      ctx.log().println(flagSummary(ingested.model().suite()) + " " + noise);
    }
    return rows;
  }

  /** A value, or null where it is not finite. */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** grid.parquet's run_id of an added run: a rerun continues the suite's run_id and seeds, the rest as the grid stage names them. */
  private static String runId(IngestedSetup ingested, String corpus, PlanGrid.Run run) {
    if (ingested != null) {
      AdviceDesign base = ingested.setup().base();
      for (TrainedConfig t : ingested.model().suite().configs()) {
        if (t.config().equals(run.config())) {
          // the k-th new seed of a trained configuration is numbered after the suite's seeds of it
          org.scalesweep.advice.Rung r = base.rung(t.config().budget());
          int had = r != null && r.has(t.config().width()) ? r.seeds() : 0;
          return t.runId() + "/seed-" + (t.seeds() + run.seed() - had);
        }
      }
    }
    return GridStage.runId(corpus, run.config()) + "/seed-" + run.seed();
  }

  /** advice_flags.parquet: every flag with the candidate answering it (and whether the plan took it). */
  static List<Row> flagRows(IngestedSuite suite, Advisor.Result result) {
    List<Row> out = new ArrayList<>();
    for (SuiteFlag f : suite.flags()) {
      Scored answer = result.candidates().stream().filter(c -> answers(c.candidate(), f)).findFirst().orElse(null);
      boolean planned = result.plan().stream().anyMatch(p -> answers(p.candidate(), f));
      TrainedConfig t = f.runId() == null ? null : suite.config(f.runId());
      out.add(OutputTables.ADVICE_FLAGS.toRow(new AdviceFlagRow(f.kind().key(), f.runId(),
          t == null ? null : t.config().id(), f.budget(), Double.isNaN(f.params()) ? null : f.params(),
          Double.isNaN(f.value()) ? null : f.value(), Double.isNaN(f.threshold()) ? null : f.threshold(),
          f.sampledLow(), f.sampledHigh(), f.side().isEmpty() ? null : f.side(),
          answer == null ? null : answer.candidate().label(), answer == null ? null : answer.rank(), planned,
          f.reason())));
    }
    return out;
  }

  private static boolean answers(Candidate c, SuiteFlag f) {
    return c != null && c.budget() == f.budget() && (f.kind() == FlagKind.OFF_CURVE
        ? c.kind() == CandidateKind.RERUN : c.kind() == CandidateKind.EXTEND);
  }

  /** The flags in one line, as the command prints it. */
  static String flagSummary(IngestedSuite suite) {
    long off = suite.flags().stream().filter(f -> f.kind() == FlagKind.OFF_CURVE).count();
    long budgets = suite.flags().size() - off;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Flags: %d run(s) off their IsoFLOP curve, %d "
        + "budget(s) whose optimum is not bracketed (advice_flags.parquet)", off, budgets));
    for (SuiteFlag f : suite.flags()) {
      b.append(String.format(Locale.ROOT, "; %s %s", f.kind().key(), f.runId() != null ? f.runId()
          : String.format(Locale.ROOT, "budget %.3g (%s)", f.budget(), f.side())));
    }
    return b.append('.').toString();
  }

  /** The plan beside the cheapest uniform extensions reaching the target, as the command prints it. */
  static String summary(Advisor.Result r, Advisor a, double baseFlops, Options o, int designs) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%d designs simulated x %d replicates. Base design %s: %.3e training FLOPs.%n",
        designs, o.replicates(), r.base().design().label(), baseFlops));
    Scored plan = r.last();
    Scored seeds = Advisor.cheapestReaching(r.uniform(), "uniform-seeds", a);
    Scored configs = Advisor.cheapestReaching(r.uniform(), "uniform-configs", a);
    b.append(line("advisor plan (" + r.plan().size() + " steps)", a.reached(plan) ? plan : null, plan, o));
    b.append(line("uniform: more seeds everywhere", seeds, null, o));
    b.append(r.uniform().stream().anyMatch(u -> u.plan().equals("uniform-configs"))
        ? line("uniform: more configurations per budget", configs, null, o)
        : String.format(Locale.ROOT, "%-42s not possible: every budget already has every configuration the grid "
            + "rules allow%n", "uniform: more configurations per budget"));
    if (o.objective() == Objective.ALLOCATION) {
      b.append(allocationLine(r, a.level()));
    }
    Scored bestUniform = seeds == null ? configs : configs == null ? seeds
        : seeds.cumulativeFlops() <= configs.cumulativeFlops() ? seeds : configs;
    if (bestUniform != null && a.reached(plan) && bestUniform.cumulativeFlops() > 0) {
      b.append(String.format(Locale.ROOT, "The plan adds %.1f%% of the best uniform extension's FLOPs.%n",
          100 * plan.cumulativeFlops() / bestUniform.cumulativeFlops()));
    }
    return b.toString();
  }

  /** The allocation exponents' widths: base, plan, and the cheapest uniform rung at least as narrow as the plan. */
  private static String allocationLine(Advisor.Result r, double level) {
    Scored plan = r.last();
    double wp = plan.simulated().allocationWidth(level);
    Scored match = r.uniform().stream().filter(u -> u.simulated().allocationWidth(level) <= wp)
        .min(java.util.Comparator.comparingDouble(Scored::cumulativeFlops)).orElse(null);
    return String.format(Locale.ROOT, "Allocation exponents (interval widths, Approach 2 over the replicates): base a %.4f, "
        + "b %.4f; plan a %.4f, b %.4f for +%.3e FLOPs; %s%n", r.base().simulated().allocationWidth(0, level),
        r.base().simulated().allocationWidth(1, level), plan.simulated().allocationWidth(0, level),
        plan.simulated().allocationWidth(1, level), plan.cumulativeFlops(), match == null
            ? "no uniform rung is as narrow" : String.format(Locale.ROOT, "the cheapest uniform rung as narrow (%s %d) "
                + "adds %.3e FLOPs (the plan: %.1f%% of it)", match.plan(), match.step(), match.cumulativeFlops(),
                100 * plan.cumulativeFlops() / match.cumulativeFlops()));
  }

  private static String line(String what, Scored s, Scored fallback, Options o) {
    if (s == null) {
      return fallback == null ? String.format(Locale.ROOT, "%-42s does not reach %.2f power in its ladder%n", what,
          o.target()) : String.format(Locale.ROOT, "%-42s does not reach %.2f power within the budget: %s%n", what,
          o.target(), powers(fallback));
    }
    return String.format(Locale.ROOT, "%-42s +%.3e FLOPs, %s, %s%n", what, s.cumulativeFlops(), s.design().label(),
        powers(s));
  }

  private static String powers(Scored s) {
    StringBuilder b = new StringBuilder("power");
    for (int e = 0; e < s.expectedPower().length; e++) {
      b.append(String.format(Locale.ROOT, " %.3f (counted %.3f)", s.expectedPower()[e],
          (double) s.simulated().correct()[e] / s.simulated().replicates()));
    }
    return b.append(String.format(Locale.ROOT, ", width %.5f", s.expectedWidth())).toString();
  }

  /** R replicate sweeps of each design on the executors, aggregated on the driver in (design, replicate) order. */
  private static List<SimulatedDesign> simulate(StageContext ctx, Broadcast<PowerStudy> bc, List<AdviceDesign> designs,
      double[] effects, int replicates) {
    if (designs.isEmpty()) {
      return List.of();
    }
    long units = (long) designs.size() * replicates;
    int partitions = (int) Math.max(1, Math.min(units, 4L * ctx.parallelism()));
    List<AdviceDesign> ds = List.copyOf(designs);
    List<double[]> out = ctx.spark().range(0, units, 1, partitions).javaRDD()
        .mapPartitions((FlatMapFunction<Iterator<Long>, double[]>) it -> {
          List<double[]> rows = new ArrayList<>();
          Gemm gemm = Gemm.best();
          PowerStudy p = bc.value();
          while (it.hasNext()) {
            long u = it.next();
            int d = (int) (u / replicates);
            rows.add(ReplicateSweeps.row(p, d, ds.get(d), effects, u % replicates, gemm));
          }
          return rows.iterator();
        }).collect();
    return ReplicateSweeps.aggregate(out, ds.size(), replicates, effects.length);
  }
}
