package org.scalesweep.sim;

/**
 * Noise with structure, on top of {@link NoiseModel}: what real sweeps have and the plain model
 * lacks. Every component is off at its zero value ({@link #NONE}), and then every draw and output
 * of the simulator is bit-identical to a simulator without it. An observation becomes
 * ℓ = L·exp(a_k + b_kg + c_j + d_jg + (s(C) − 1)·(η_rs + η_rsg))·m_r, and some run replicates go
 * missing, where
 *
 * <ul>
 *   <li>a_k ~ N(0, σ_arch²): an architecture effect, one per (corpus, architecture), shared by every
 *       subgroup, budget and seed of that architecture (cancels in a contrast's ratio);
 *   <li>b_kg ~ N(0, σ_arch,subgroup²): an architecture × subgroup effect, one per (corpus,
 *       architecture, subgroup), shared across budgets and seeds (does not cancel: runs of one
 *       architecture are correlated across budgets);
 *   <li>c_j ~ N(0, σ_budget²): a budget shock shared by every run and subgroup of a budget (cancels);
 *   <li>d_jg ~ N(0, σ_budget,subgroup²): a budget × subgroup shock (does not cancel: it moves a whole
 *       budget's log-ratio off the relative law, which is what the lack-of-fit test detects);
 *   <li>s(C) = (C/C_ref)^κ: heteroscedastic seed noise, the run's seed σ's scaled with its budget C
 *       (κ &lt; 0: larger runs are less noisy);
 *   <li>m_r = 1 + inflation for a mis-tuned configuration (Bernoulli(fraction) per corpus and
 *       configuration, all seeds and subgroups alike: a learning rate off for that rung), else 1;
 *   <li>a run replicate is missing (a failed job) with probability missing-fraction, per (corpus,
 *       configuration, seed).
 * </ul>
 *
 * Each component is drawn from its own keyed stream (see {@link Keys}), so turning one on does
 * not change the draws of any other and values do not depend on partitioning.
 *
 * @param sigmaArch σ_arch
 * @param sigmaArchSubgroup σ_arch,subgroup
 * @param sigmaBudget σ_budget
 * @param sigmaBudgetSubgroup σ_budget,subgroup
 * @param seedNoiseExponent κ of s(C) = (C/C_ref)^κ
 * @param seedNoiseComputeRef C_ref (forward FLOPs) at which the seed σ's are stated
 * @param mistunedFraction probability a configuration is mis-tuned
 * @param mistunedInflation relative loss inflation of a mis-tuned configuration
 * @param missingFraction probability a run replicate is missing
 */
public record StructuredNoise(double sigmaArch, double sigmaArchSubgroup, double sigmaBudget,
    double sigmaBudgetSubgroup, double seedNoiseExponent, double seedNoiseComputeRef, double mistunedFraction,
    double mistunedInflation, double missingFraction) implements java.io.Serializable {

  /** Every component off. */
  public static final StructuredNoise NONE = new StructuredNoise(0, 0, 0, 0, 0, 1e18, 0, 0, 0);

  /** Largest allowed missing fraction: at least some runs must survive. */
  public static final double MAX_MISSING = 0.9;

  private static final long ARCH = Keys.name("arch-effect");
  private static final long ARCH_SUBGROUP = Keys.name("arch-subgroup-effect");
  private static final long BUDGET = Keys.name("budget-shock");
  private static final long BUDGET_SUBGROUP = Keys.name("budget-subgroup-shock");
  private static final long MISTUNED = Keys.name("mistuned-configuration");
  private static final long MISSING = Keys.name("missing-run");

  public StructuredNoise {
    range("noise.sigma-arch", sigmaArch, 0, 5);
    range("noise.sigma-arch-subgroup", sigmaArchSubgroup, 0, 5);
    range("noise.sigma-budget", sigmaBudget, 0, 5);
    range("noise.sigma-budget-subgroup", sigmaBudgetSubgroup, 0, 5);
    range("noise.seed-noise-exponent", seedNoiseExponent, -2, 2);
    range("noise.seed-noise-compute-ref", seedNoiseComputeRef, 1, 1e35);
    range("noise.mistuned-fraction", mistunedFraction, 0, 1);
    range("noise.mistuned-inflation", mistunedInflation, 0, 10);
    range("noise.missing-fraction", missingFraction, 0, MAX_MISSING);
  }

  private static void range(String key, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) {
      throw new IllegalArgumentException(key + " = " + v + " is out of range; allowed: [" + lo + ", " + hi + "]");
    }
  }

  /** Whether every component is off (the simulator then behaves exactly as without it). */
  public boolean isOff() {
    return sigmaArch == 0 && sigmaArchSubgroup == 0 && sigmaBudget == 0 && sigmaBudgetSubgroup == 0
        && seedNoiseExponent == 0 && (mistunedFraction == 0 || mistunedInflation == 0) && missingFraction == 0;
  }

  /** s(C) = (C/C_ref)^κ, the factor on the seed σ's of a run of budget C (1 when κ = 0). */
  public double seedNoiseScale(double budget) {
    return seedNoiseExponent == 0 ? 1 : Math.pow(budget / seedNoiseComputeRef, seedNoiseExponent);
  }

  /** a_k: the architecture effect. */
  public double archEffect(long seed, long corpusKey, long architectureKey) {
    return sigmaArch == 0 ? 0 : sigmaArch * KeyedRandom.gaussian(Keys.of(seed, ARCH, corpusKey, architectureKey));
  }

  /** b_kg: the architecture × subgroup effect. */
  public double archSubgroupEffect(long seed, long corpusKey, long architectureKey, long subgroupKey) {
    return sigmaArchSubgroup == 0 ? 0
        : sigmaArchSubgroup * KeyedRandom.gaussian(Keys.of(seed, ARCH_SUBGROUP, corpusKey, architectureKey,
            subgroupKey));
  }

  /** c_j: the budget shock. */
  public double budgetShock(long seed, long corpusKey, double budget) {
    return sigmaBudget == 0 ? 0
        : sigmaBudget * KeyedRandom.gaussian(Keys.of(seed, BUDGET, corpusKey, Keys.value(budget)));
  }

  /** d_jg: the budget × subgroup shock. */
  public double budgetSubgroupShock(long seed, long corpusKey, double budget, long subgroupKey) {
    return sigmaBudgetSubgroup == 0 ? 0
        : sigmaBudgetSubgroup * KeyedRandom.gaussian(Keys.of(seed, BUDGET_SUBGROUP, corpusKey, Keys.value(budget),
            subgroupKey));
  }

  /** Whether a configuration (all its seeds) is mis-tuned. */
  public boolean mistuned(long seed, long corpusKey, long runKey) {
    return mistunedFraction > 0 && mistunedInflation > 0
        && KeyedRandom.bernoulli(Keys.of(seed, MISTUNED, corpusKey, runKey), mistunedFraction);
  }

  /** Whether a run replicate failed (its rows are absent). */
  public boolean missing(long seed, long corpusKey, long runKey, int replicate) {
    return missingFraction > 0 && KeyedRandom.bernoulli(Keys.of(seed, MISSING, corpusKey, runKey, replicate),
        missingFraction);
  }

  /**
   * The factor on a subgroup's noiseless loss for one run replicate, so that the simulator's plain
   * draws on top of it give the structured observation: exp of the effects and shocks, the mis-tuned
   * inflation and, for heteroscedastic seed noise, exp((s(C) − 1)·(η_rs + η_rsg)) with the
   * simulator's own seed draws (its log-factor is linear in its σ's, so this rescales them exactly).
   * Exactly 1 when every component is off.
   */
  public double factor(Simulator sim, long corpusKey, long subgroupKey, long runKey, long architectureKey,
      double budget, int replicate) {
    if (isOff()) {
      return 1;
    }
    long seed = sim.seed();
    double log = archEffect(seed, corpusKey, architectureKey)
        + archSubgroupEffect(seed, corpusKey, architectureKey, subgroupKey) + budgetShock(seed, corpusKey, budget)
        + budgetSubgroupShock(seed, corpusKey, budget, subgroupKey);
    double s = seedNoiseScale(budget);
    if (s != 1) {
      log += (s - 1) * sim.runLogFactor(corpusKey, subgroupKey, runKey, replicate);
    }
    double f = Math.exp(log);
    return mistuned(seed, corpusKey, runKey) ? f * (1 + mistunedInflation) : f;
  }
}
