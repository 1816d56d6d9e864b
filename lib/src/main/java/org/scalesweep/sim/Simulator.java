package org.scalesweep.sim;

import org.scalesweep.law.SigmoidCalibration;

/**
 * What a run measures, from a known truth and the noise model, every draw keyed (see {@link Keys}).
 *
 * <p>Identity of draws: item difficulty u_i depends on (subgroup, item) only, so every run sees the
 * same items; run noise η_rs on (corpus, run, replicate); subgroup noise η_rsg and item noise
 * ε_rsgi add the subgroup and item. Runs are identified by a caller-chosen {@code runKey} that is
 * stable under reordering (e.g. {@code Keys.of(budgetBits, width)}).
 */
public final class Simulator {
  private static final long DIFFICULTY = Keys.name("item-difficulty");
  private static final long RUN_NOISE = Keys.name("run-noise");
  private static final long SUBGROUP_NOISE = Keys.name("run-subgroup-noise");
  private static final long ITEM_NOISE = Keys.name("item-noise");
  private static final long CORRECT = Keys.name("item-correct");
  private static final long COUNT = Keys.name("binomial-count");

  private final long seed;
  private final NoiseModel noise;

  public Simulator(long seed, NoiseModel noise) {
    if (noise == null) {
      throw new IllegalArgumentException("simulator needs a noise model, got null");
    }
    this.seed = seed;
    this.noise = noise;
  }

  public long seed() {
    return seed;
  }

  public NoiseModel noise() {
    return noise;
  }

  /** τ·z_i, z_i ~ N(0, 1) fixed per (subgroup, item): an item's difficulty before its set is centred. */
  private double rawDifficulty(long subgroupKey, int item) {
    return noise.tauItem() * KeyedRandom.gaussian(Keys.of(seed, DIFFICULTY, subgroupKey, item));
  }

  /** Log-factor of a run replicate for one subgroup: η_rs + η_rsg. */
  public double runLogFactor(long corpusKey, long subgroupKey, long runKey, int replicate) {
    double eta = noise.sigmaRun() == 0 ? 0
        : noise.sigmaRun() * KeyedRandom.gaussian(Keys.of(seed, RUN_NOISE, corpusKey, runKey, replicate));
    double etaG = noise.sigmaRunSubgroup() == 0 ? 0
        : noise.sigmaRunSubgroup()
            * KeyedRandom.gaussian(Keys.of(seed, SUBGROUP_NOISE, corpusKey, subgroupKey, runKey, replicate));
    return eta + etaG;
  }

  /** Run-level observation of a subgroup without item simulation: L·exp(η_rs + η_rsg). */
  public double runLoss(double truthLoss, long corpusKey, long subgroupKey, long runKey, int replicate) {
    return truthLoss * Math.exp(runLogFactor(corpusKey, subgroupKey, runKey, replicate));
  }

  /**
   * Difficulties u_i of a subgroup's n items, fixed per item (callers compute them once and reuse
   * them): τ·z_i shifted so that the set's mean factor (1/n)·Σ exp(u_i) is exactly exp(τ²/2), its
   * population mean. Why: a subgroup's γ is the ratio of its mean loss over its own items to the
   * baseline's; left uncentred, 200 items of τ = 0.5 move each subgroup's level by about 4%, which
   * leaves Δβ alone but moves a crossover of two near-parallel curves by decades away from the
   * truth the study states.
   */
  public double[] itemDifficulties(long subgroupKey, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("item count must be >= 0, got " + n);
    }
    double[] u = new double[n];
    if (noise.tauItem() == 0 || n == 0) {
      return u;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      u[i] = rawDifficulty(subgroupKey, i);
      max = Math.max(max, u[i]);
    }
    double sum = 0;
    for (double v : u) {
      sum += Math.exp(v - max);
    }
    double shift = max + Math.log(sum / n) - noise.tauItem() * noise.tauItem() / 2;
    for (int i = 0; i < n; i++) {
      u[i] -= shift;
    }
    return u;
  }

  /**
   * Item losses L·exp(u_i + η_rs + η_rsg + ε_i) of one run replicate on items [from, from + out.length),
   * given their difficulties ({@code difficulties[k]} is item from + k's, from {@link #itemDifficulties}).
   * Any split of the item range gives the same values.
   */
  public void itemLosses(double truthLoss, long corpusKey, long subgroupKey, long runKey, int replicate, int from,
      double[] difficulties, double[] out) {
    double base = runLogFactor(corpusKey, subgroupKey, runKey, replicate);
    long unit = Keys.of(seed, ITEM_NOISE, corpusKey, subgroupKey, runKey, replicate);
    for (int k = 0; k < out.length; k++) {
      int i = from + k;
      double eps = noise.sigmaItem() == 0 ? 0 : noise.sigmaItem() * KeyedRandom.gaussian(Keys.extend(unit, i));
      out[k] = truthLoss * Math.exp(base + difficulties[k] + eps);
    }
  }

  /** Whether a run replicate answers an item correctly: Bernoulli(calibration(loss)). */
  public boolean itemCorrect(SigmoidCalibration calibration, double itemLoss, long corpusKey, long subgroupKey,
      long runKey, int replicate, int item) {
    return itemCorrect(calibration, itemLoss, correctKey(corpusKey, subgroupKey, runKey, replicate), item);
  }

  /** Key prefix of a run replicate's correctness draws on a subgroup (computed once, extended per item). */
  public long correctKey(long corpusKey, long subgroupKey, long runKey, int replicate) {
    return Keys.of(seed, CORRECT, corpusKey, subgroupKey, runKey, replicate);
  }

  /** Whether an item is answered correctly, from the run replicate's {@link #correctKey}: the same draw. */
  public boolean itemCorrect(SigmoidCalibration calibration, double itemLoss, long correctKey, int item) {
    double p = calibration.at(itemLoss);
    return KeyedRandom.bernoulli(Keys.extend(correctKey, item), p);
  }

  /**
   * What a run replicate measures on a subgroup: the mean of its simulated item losses (and the
   * fraction correct when it has a calibration), or a run-level draw when it has no items.
   */
  public Observation observe(Subgroup subgroup, double truthLoss, long corpusKey, long runKey, int replicate) {
    return observe(subgroup, truthLoss, corpusKey, runKey, replicate, null);
  }

  /**
   * {@link #observe(Subgroup, double, long, long, int)} with the subgroup's item difficulties
   * ({@link #itemDifficulties}) computed once by the caller; null computes them.
   */
  public Observation observe(Subgroup subgroup, double truthLoss, long corpusKey, long runKey, int replicate,
      double[] difficulties) {
    long subgroupKey = Keys.name(subgroup.name());
    if (subgroup.questions() > 0) {
      // a rate: the run's true rate (with its seed noise) observed through a binomial sample of questions
      int q = subgroup.questions();
      double p = Math.min(1, runLoss(truthLoss, corpusKey, subgroupKey, runKey, replicate));
      int count = binomialCount(q, p, corpusKey, subgroupKey, runKey, replicate);
      // half a count keeps log fits finite when no question is positive (continuity correction)
      return new Observation(count == 0 ? 0.5 / q : (double) count / q, Double.NaN, 0);
    }
    int n = subgroup.items();
    if (n == 0) {
      return new Observation(runLoss(truthLoss, corpusKey, subgroupKey, runKey, replicate), Double.NaN, 0);
    }
    double[] u = difficulties != null ? difficulties : itemDifficulties(subgroupKey, n);
    double[] losses = new double[n];
    itemLosses(truthLoss, corpusKey, subgroupKey, runKey, replicate, 0, u, losses);
    long correctKey = correctKey(corpusKey, subgroupKey, runKey, replicate);
    double sum = 0;
    int correct = 0;
    for (int i = 0; i < n; i++) {
      sum += losses[i];
      if (subgroup.accuracy() != null && itemCorrect(subgroup.accuracy(), losses[i], correctKey, i)) {
        correct++;
      }
    }
    return new Observation(sum / n, subgroup.accuracy() == null ? Double.NaN : (double) correct / n, n);
  }

  /** Count of positives among n binary items with rate p (e.g. misaligned answers on 4,174 questions). */
  public int binomialCount(int n, double p, long corpusKey, long subgroupKey, long runKey, int replicate) {
    return KeyedRandom.binomial(Keys.of(seed, COUNT, corpusKey, subgroupKey, runKey, replicate), n, p);
  }
}
