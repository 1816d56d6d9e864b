package org.scalesweep.calib;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.Resampler;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.fit.Approach2;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.relative.Contrast;
import org.scalesweep.relative.RelativeBootstrap;
import org.scalesweep.relative.RelativeScaling;
import org.scalesweep.relative.SimulatedCorpus;
import org.scalesweep.relative.SimulatedSweep;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/**
 * Power of the Δβ sign test: the probability that a sweep of a given design declares the true sign
 * of a treatment-vs-baseline contrast at p &lt; α. Replicate r of every design is simulated from
 * the same keyed streams (common random numbers: a configuration, seed or item shared by two
 * designs has the same noise in both), so differences between designs are not drowned by
 * Monte Carlo noise.
 *
 * <p>Effects share a replicate's simulation: a treatment's loss at budget F is the baseline's times
 * γ·(F/F_ref)^Δβ, a constant on each IsoFLOP curve, so every parabola, E(F) and resampled Δβ* moves
 * by exactly Δβ (the estimator is translation-equivariant in Δβ; PowerStudyTest checks it against
 * explicit simulation). Rate subgroups (binomial counts) break that, and are simulated per effect.
 */
public final class PowerStudy implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final long SIMULATE = Keys.name("power-simulate");
  private static final long RESAMPLE = Keys.name("power-resample");
  /** Name of the simulated treatment subgroup. */
  public static final String TREATMENT = "power-treatment";

  private final long seed;
  private final CorpusTruth truth;
  private final String frontier;
  private final String baseline;
  private final List<ModelConfig> grid;
  private final NoiseModel noise;
  private final ClusterBy clusterBy;
  private final ResampleScheme scheme;
  private final WeightKind weights;
  private final int resamples;
  private final double level;
  private final double alpha;
  private final int block;

  /**
   * @param caseTruth a corpus truth holding the frontier subgroup and the baseline (other subgroups
   *     are ignored); the treatment is the baseline with a relative truth of chosen Δβ
   * @param grid every configuration the designs choose from (all budgets)
   */
  public PowerStudy(long seed, CorpusTruth caseTruth, String frontier, String baseline, List<ModelConfig> grid,
      NoiseModel noise, ClusterBy clusterBy, ResampleScheme scheme, WeightKind weights, int resamples, double level,
      double alpha, int block) {
    if (caseTruth.indexOf(frontier) < 0 || caseTruth.indexOf(baseline) < 0) {
      throw new IllegalArgumentException("corpus " + caseTruth.corpus() + " needs subgroups '" + frontier + "' and '"
          + baseline + "'; it has " + caseTruth.subgroups().stream().map(Subgroup::name).toList());
    }
    if (caseTruth.subgroups().get(caseTruth.indexOf(baseline)).truth() instanceof SubgroupTruth.Relative r
        && !r.baseline().equals(frontier)) {
      throw new IllegalArgumentException("baseline '" + baseline + "' must be absolute or relative to '" + frontier
          + "', not to '" + r.baseline() + "'");
    }
    if (frontier.equals(baseline)) {
      throw new IllegalArgumentException("the baseline '" + baseline + "' cannot be the frontier subgroup");
    }
    if (resamples < 1 || block < 1) {
      throw new IllegalArgumentException("resamples and block must be >= 1, got " + resamples + " and " + block);
    }
    this.seed = seed;
    this.truth = caseTruth;
    this.frontier = frontier;
    this.baseline = baseline;
    this.grid = List.copyOf(grid);
    this.noise = noise;
    this.clusterBy = clusterBy;
    this.scheme = scheme;
    this.weights = weights;
    this.resamples = resamples;
    this.level = level;
    this.alpha = alpha;
    this.block = block;
  }

  /** Distinct budgets of the grid, increasing. */
  public double[] budgets() {
    return grid.stream().mapToDouble(ModelConfig::budget).distinct().sorted().toArray();
  }

  /**
   * The design's configurations: {@code budgets} budgets evenly spread (by index) over the grid's,
   * both ends included, and on each {@code configsPerBudget} configurations evenly spread over its
   * widths, both ends included (all of them where it has fewer).
   */
  public List<ModelConfig> configs(PowerDesign d) {
    double[] all = budgets();
    if (d.budgets() > all.length) {
      throw new IllegalArgumentException("design asks for " + d.budgets() + " budgets; the grid has " + all.length);
    }
    List<ModelConfig> out = new ArrayList<>();
    for (int i : spread(all.length, d.budgets())) {
      List<ModelConfig> curve = grid.stream().filter(c -> c.budget() == all[i]).toList();
      for (int k : spread(curve.size(), Math.min(d.configsPerBudget(), curve.size()))) {
        out.add(curve.get(k));
      }
    }
    return out;
  }

  /** Training runs of a design: configurations × seeds. */
  public int runs(PowerDesign d) {
    return configs(d).size() * d.seeds();
  }

  /** The truth of a design: frontier, baseline and treatment (Δβ = effect), with the design's items. */
  public CorpusTruth truth(PowerDesign d, double effect) {
    return truth(d.items(), effect);
  }

  /** The truth with {@code itemsPerSubgroup} items per subgroup (ignored for rate subgroups): see {@link #truth(PowerDesign, double)}. */
  public CorpusTruth truth(int itemsPerSubgroup, double effect) {
    if (itemsPerSubgroup < 0) {
      throw new IllegalArgumentException("items per subgroup must be >= 0, got " + itemsPerSubgroup);
    }
    Subgroup front = truth.subgroups().get(truth.indexOf(frontier));
    Subgroup base = truth.subgroups().get(truth.indexOf(baseline));
    int items = base.questions() > 0 ? 0 : itemsPerSubgroup;
    Subgroup b = new Subgroup(baseline, base.truth(), items, base.accuracy(), base.questions());
    // the baseline's own law, with Δβ more: chained to its reference when it is relative (truths chain once)
    SubgroupTruth tt = base.truth() instanceof SubgroupTruth.Relative r
        ? new SubgroupTruth.Relative(r.baseline(), r.gamma(), r.deltaBeta() + effect, r.computeRef())
        : new SubgroupTruth.Relative(baseline, 1, effect, budgets()[0]);
    Subgroup t = new Subgroup(TREATMENT, tt, items, base.accuracy(), base.questions());
    return new CorpusTruth(truth.corpus(), List.of(front, b, t));
  }

  /** Whether effects may share a simulation (every subgroup is a loss, not a binomial rate). */
  public boolean equivariant() {
    return truth.subgroups().get(truth.indexOf(baseline)).questions() == 0;
  }

  /** Outcomes of replicate r of a design, one per effect. */
  public List<ReplicateOutcome> replicate(PowerDesign d, double[] effects, long r, Gemm gemm) {
    List<ModelConfig> configs = configs(d);
    int[] seeds = new int[configs.size()];
    java.util.Arrays.fill(seeds, d.seeds());
    return replicate(configs, seeds, d.items(), effects, r, gemm);
  }

  /** {estimate}, draws of replicate r under one effect, simulated and bootstrapped explicitly. */
  public double[][] estimateAndDraws(PowerDesign d, double effect, long r, Gemm gemm) {
    List<ModelConfig> configs = configs(d);
    int[] seeds = new int[configs.size()];
    java.util.Arrays.fill(seeds, d.seeds());
    return estimateAndDraws(configs, seeds, d.items(), effect, r, gemm);
  }

  /**
   * Outcomes of replicate r of an explicit design, one per effect: {@code configs} (any valid
   * configurations, not only the grid's) with {@code seeds[k]} seed replicates each and
   * {@code items} items per subgroup. Seed s of a configuration has the same draws in every design
   * of replicate r (common random numbers), so a design that extends another shares its noise.
   */
  public List<ReplicateOutcome> replicate(List<ModelConfig> configs, int[] seeds, int items, double[] effects, long r,
      Gemm gemm) {
    List<ReplicateOutcome> out = new ArrayList<>();
    if (equivariant()) {
      double[][] est = estimateAndDraws(configs, seeds, items, 0, r, gemm);
      for (double e : effects) {
        double[] shifted = est[1].clone();
        for (int b = 0; b < shifted.length; b++) {
          shifted[b] += e;
        }
        out.add(outcome(e, est[0][0] + e, shifted));
      }
      return out;
    }
    for (double e : effects) {
      double[][] est = estimateAndDraws(configs, seeds, items, e, r, gemm);
      out.add(outcome(e, est[0][0], est[1]));
    }
    return out;
  }

  /** Replicate r of an explicit design under one effect, simulated (no bootstrap). */
  private SimulatedSweep sweep(List<ModelConfig> configs, int[] seeds, int items, double effect, long r) {
    Simulator sim = new Simulator(Keys.of(seed, SIMULATE, r), noise);
    return SimulatedCorpus.sweep(sim, org.scalesweep.sim.StructuredNoise.NONE, truth(items, effect), configs, seeds,
        clusterBy, frontier, scheme.resamplesItems());
  }

  /**
   * The overall law's allocation exponents {a, b} (N* ∝ F^a, D* ∝ F^b) on replicate r of an explicit
   * design, estimated as the fit stage estimates them: Approach 2 (its default robust parabolas) on
   * the frontier subgroup's runs, each configuration's seed-averaged loss weighted by its seed count
   * (the weighted parabola of the means is the parabola of every seed's row). The same simulated
   * sweep as {@link #replicate(List, int[], int, double[], long, Gemm)}'s (the frontier does not
   * depend on the effect). NaN where Approach 2 gives no exponent.
   */
  public double[] allocation(List<ModelConfig> configs, int[] seeds, int items, long r) {
    SimulatedSweep data = sweep(configs, seeds, items, 0, r);
    org.scalesweep.relative.CorpusRuns runs = data.runs();
    double[] w = new double[seeds.length];
    for (int k = 0; k < w.length; k++) {
      w[k] = seeds[k];
    }
    try {
      Approach2.Result a2 = Approach2.defaults().fit(runs.budget(), runs.params(), runs.tokens(),
          runs.loss()[runs.subgroupIndex(frontier)], runs.runs() == w.length ? w : null);
      return new double[] {a2.params().exponent(), a2.tokens().exponent()};
    } catch (IllegalArgumentException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
  }

  /** {estimate}, draws of replicate r of an explicit design under one effect. */
  public double[][] estimateAndDraws(List<ModelConfig> configs, int[] seeds, int items, double effect, long r,
      Gemm gemm) {
    SimulatedSweep data = sweep(configs, seeds, items, effect, r);
    RelativeBootstrap boot = new RelativeBootstrap(new RelativeScaling(data.runs(), List.of(new Contrast(baseline,
        TREATMENT))), scheme, new Resampler(Keys.of(seed, RESAMPLE, r), weights), data.items(), gemm);
    double[] draws = new double[resamples];
    for (int k = 0; k < resamples; k += block) {
      int len = Math.min(block, resamples - k);
      double[][] vals = new double[len][boot.statistics()];
      boot.evaluate(k, len, vals);
      for (int j = 0; j < len; j++) {
        draws[k + j] = vals[j][0];
      }
    }
    return new double[][] {{boot.estimate()[0]}, draws};
  }

  private ReplicateOutcome outcome(double effect, double estimate, double[] draws) {
    return new ReplicateOutcome(effect, BootstrapSummary.of(estimate, draws, null, level), alpha);
  }

  /** Power per effect of a design over replicates [0, replicates), in one loop (tests; Spark spreads replicates). */
  public BinomialInterval[] power(PowerDesign d, double[] effects, int replicates, Gemm gemm) {
    long[] correct = new long[effects.length];
    for (int r = 0; r < replicates; r++) {
      List<ReplicateOutcome> o = replicate(d, effects, r, gemm);
      for (int e = 0; e < effects.length; e++) {
        correct[e] += o.get(e).correctSign() ? 1 : 0;
      }
    }
    BinomialInterval[] out = new BinomialInterval[effects.length];
    for (int e = 0; e < effects.length; e++) {
      out[e] = BinomialInterval.clopperPearson(correct[e], replicates, level);
    }
    return out;
  }

  /** k indices spread evenly over [0, n), both ends included (k ≤ n). */
  public static int[] spread(int n, int k) {
    if (k == 1) {
      return new int[] {0};
    }
    TreeMap<Integer, Integer> seen = new TreeMap<>();
    for (int i = 0; i < k; i++) {
      seen.put((int) Math.round(i * (n - 1) / (double) (k - 1)), i);
    }
    return seen.keySet().stream().mapToInt(Integer::intValue).toArray();
  }
}
