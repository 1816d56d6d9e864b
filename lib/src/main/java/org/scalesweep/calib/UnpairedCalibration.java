package org.scalesweep.calib;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.grid.ModelConfig;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.SimulatedCorpus;
import org.scalesweep.relative.UnpairedEstimate;
import org.scalesweep.relative.UnpairedScaling;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.Simulator;
import org.scalesweep.sim.Subgroup;
import org.scalesweep.sim.SubgroupTruth;

/**
 * Calibration of the unpaired Δβ test ({@link UnpairedScaling}) by simulation: replicate r is a pair
 * of separately trained sweeps, each simulated from its own keyed streams (seed, truth, grids, r,
 * sweep name), so the two share no run noise. Under {@link Truth#NULL} both sweeps have the same truth
 * (a rejection is a false positive); under {@link Truth#EFFECT} every subgroup of the treatment sweep
 * scales worse by {@code effect} (Δβ = effect: power). Coverage is scored against the Δβ the noiseless
 * pair of sweeps gives on the same grids (exactly 0 and the effect on equal grids; on different grids
 * the frontier parabolas sit on other configurations and the noiseless value says how far that moves
 * Δβ̂). Any replicate can be computed alone, anywhere, with the same values.
 */
public final class UnpairedCalibration implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final long SIMULATE = Keys.name("calibration-unpaired");
  static final String BASELINE = "baseline-sweep";
  static final String TREATMENT = "treatment-sweep";

  /** Which truth the treatment sweep is simulated from. */
  public enum Truth {
    /** The baseline's truth: every subgroup's Δβ is 0, rejections are false positives. */
    NULL,
    /** Every subgroup's loss exponent lowered by the effect on the treatment sweep: Δβ = effect. */
    EFFECT;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Which grid the treatment sweep is trained on. */
  public enum Grids {
    /** The baseline's configurations. */
    EQUAL,
    /**
     * Every second configuration of each budget of the baseline's grid (the middle one kept), and
     * not the largest budget: fewer, other configurations per curve and one budget less.
     */
    DIFFERENT;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One subgroup's outcome in one replicate. */
  public record Outcome(Truth truth, Grids grids, String subgroup, long replicate, double trueDeltaBeta,
      UnpairedEstimate estimate, boolean rejected, boolean covers) implements java.io.Serializable {}

  /**
   * A cell of the calibration table: the rejection and coverage rates of one (truth, grids) pooled
   * over subgroups, with Monte Carlo intervals over whole replicates ({@link ReplicateRate}), and the
   * replicates whose contrasts were not estimable.
   */
  public record Summary(Truth truth, Grids grids, String subgroup, double trueDeltaBeta, ReplicateRate rejection,
      ReplicateRate coverage, long notEstimable, double meanEstimate, double rmse, double meanStandardError)
      implements java.io.Serializable {}

  private final long seed;
  private final CorpusTruth truth;
  private final List<String> subgroups;
  private final String frontierSubgroup;
  private final List<ModelConfig> grid;
  private final List<ModelConfig> otherGrid;
  private final int seeds;
  private final NoiseModel noise;
  private final ClusterBy clusterBy;
  private final double effect;
  private final boolean weighted;
  private final double level;
  private final double alpha;
  /** [truth][grids][subgroup] Δβ of the noiseless pair. */
  private final double[][][] noiseless;

  /**
   * @param truth the baseline sweep's truth (relative subgroups against {@code frontierSubgroup})
   * @param subgroups subgroups compared (each one unpaired contrast per replicate)
   * @param grid the baseline sweep's configurations
   * @param seeds seed replicates per configuration (both sweeps)
   * @param effect Δβ of every subgroup under {@link Truth#EFFECT}
   * @param weighted budget-wls (true) or budget-t
   */
  public UnpairedCalibration(long seed, CorpusTruth truth, List<String> subgroups, String frontierSubgroup,
      List<ModelConfig> grid, int seeds, NoiseModel noise, ClusterBy clusterBy, double effect, boolean weighted,
      double level, double alpha) {
    if (subgroups.isEmpty()) {
      throw new IllegalArgumentException("unpaired calibration needs at least one subgroup");
    }
    for (String s : subgroups) {
      if (truth.indexOf(s) < 0) {
        throw new IllegalArgumentException("subgroup '" + s + "' is not in corpus " + truth.corpus() + "; allowed: "
            + truth.subgroups().stream().map(Subgroup::name).toList());
      }
    }
    if (!(effect > -1 && effect < 1) || effect == 0) {
      throw new IllegalArgumentException("unpaired calibration effect must be non-zero in (-1, 1), got " + effect);
    }
    this.seed = seed;
    this.truth = truth;
    this.subgroups = List.copyOf(subgroups);
    this.frontierSubgroup = frontierSubgroup;
    this.grid = List.copyOf(grid);
    this.otherGrid = thinned(grid);
    this.seeds = seeds;
    this.noise = noise;
    this.clusterBy = clusterBy;
    this.effect = effect;
    this.weighted = weighted;
    this.level = level;
    this.alpha = alpha;
    this.noiseless = new double[Truth.values().length][Grids.values().length][this.subgroups.size()];
    for (Truth t : Truth.values()) {
      for (Grids g : Grids.values()) {
        CorpusRuns b = SimulatedCorpus.noiseless(named(truth, BASELINE), grid, clusterBy, frontierSubgroup);
        CorpusRuns tr = SimulatedCorpus.noiseless(treatmentTruth(t), grid(g), clusterBy, frontierSubgroup);
        for (int s = 0; s < this.subgroups.size(); s++) {
          noiseless[t.ordinal()][g.ordinal()][s] = UnpairedScaling.estimate(b, tr, this.subgroups.get(s), weighted)
              .deltaBeta();
        }
      }
    }
  }

  /** The treatment sweep's grid: {@link Grids#DIFFERENT} thins the baseline's (see there). */
  static List<ModelConfig> thinned(List<ModelConfig> grid) {
    Map<Double, List<ModelConfig>> byBudget = new TreeMap<>();
    grid.forEach(c -> byBudget.computeIfAbsent(c.budget(), k -> new ArrayList<>()).add(c));
    List<ModelConfig> out = new ArrayList<>();
    double largest = byBudget.isEmpty() ? Double.NaN : ((TreeMap<Double, List<ModelConfig>>) byBudget).lastKey();
    byBudget.forEach((budget, configs) -> {
      if (budget == largest && byBudget.size() > 3) {
        return;
      }
      List<ModelConfig> sorted = new ArrayList<>(configs);
      sorted.sort(Comparator.comparingDouble(ModelConfig::params));
      int mid = sorted.size() / 2;
      for (int i = 0; i < sorted.size(); i++) {
        if ((i - mid) % 2 == 0 || sorted.size() < 6) {
          out.add(sorted.get(i));
        }
      }
    });
    return out;
  }

  public List<ModelConfig> grid(Grids g) {
    return g == Grids.EQUAL ? grid : otherGrid;
  }

  public List<String> subgroups() {
    return subgroups;
  }

  public double level() {
    return level;
  }

  /** The Δβ replicates are scored against: the noiseless pair's on the same grids. */
  public double trueDeltaBeta(Truth t, Grids g, int subgroup) {
    return noiseless[t.ordinal()][g.ordinal()][subgroup];
  }

  /** The treatment sweep's truth. */
  CorpusTruth treatmentTruth(Truth t) {
    CorpusTruth named = named(truth, TREATMENT);
    if (t == Truth.NULL) {
      return named;
    }
    List<Subgroup> list = new ArrayList<>();
    for (Subgroup s : named.subgroups()) {
      if (s.truth() instanceof SubgroupTruth.Relative r && subgroups.contains(s.name())) {
        list.add(new Subgroup(s.name(), new SubgroupTruth.Relative(r.baseline(), r.gamma(), r.deltaBeta() + effect,
            r.computeRef()), s.items(), s.accuracy(), s.questions()));
      } else if (subgroups.contains(s.name())) {
        throw new IllegalArgumentException("subgroup '" + s.name() + "' has an absolute truth; the effect truth "
            + "shifts relative subgroups only");
      } else {
        list.add(s);
      }
    }
    return new CorpusTruth(TREATMENT, list);
  }

  private static CorpusTruth named(CorpusTruth t, String name) {
    return new CorpusTruth(name, t.subgroups());
  }

  /** Replicate r of a (truth, grids) cell: both sweeps simulated, every subgroup's outcome. */
  public List<Outcome> replicate(Truth t, Grids g, long r) {
    Simulator sim = new Simulator(Keys.of(seed, SIMULATE, t.ordinal(), g.ordinal(), r), noise);
    CorpusRuns b = SimulatedCorpus.runs(sim, named(truth, BASELINE), grid, seeds, clusterBy, frontierSubgroup);
    CorpusRuns tr = SimulatedCorpus.runs(sim, treatmentTruth(t), grid(g), seeds, clusterBy, frontierSubgroup);
    List<Outcome> out = new ArrayList<>();
    for (int s = 0; s < subgroups.size(); s++) {
      UnpairedEstimate e = UnpairedScaling.estimate(b, tr, subgroups.get(s), weighted);
      double dt = trueDeltaBeta(t, g, s);
      boolean est = e.estimable();
      out.add(new Outcome(t, g, subgroups.get(s), r, dt, e, est && e.pValue() < alpha,
          est && e.low(level) <= dt && dt <= e.high(level)));
    }
    return out;
  }

  /** Replicates [0, replicates) of every cell in one loop: the in-memory reference of the distributed run. */
  public List<Outcome> run(int replicates) {
    List<Outcome> out = new ArrayList<>();
    for (Truth t : Truth.values()) {
      for (Grids g : Grids.values()) {
        for (long r = 0; r < replicates; r++) {
          out.addAll(replicate(t, g, r));
        }
      }
    }
    return out;
  }

  /**
   * The table: per (truth, grids), one row per subgroup and one pooled over subgroups ("all"), rates
   * over the estimable contrasts with intervals over whole replicates.
   */
  public List<Summary> summarize(List<Outcome> outcomes) {
    List<Summary> out = new ArrayList<>();
    for (Truth t : Truth.values()) {
      for (Grids g : Grids.values()) {
        List<Outcome> cell = outcomes.stream().filter(o -> o.truth() == t && o.grids() == g).toList();
        if (cell.isEmpty()) {
          continue;
        }
        for (int s = 0; s < subgroups.size(); s++) {
          String name = subgroups.get(s);
          out.add(summary(t, g, name, trueDeltaBeta(t, g, s), cell.stream().filter(o -> o.subgroup().equals(name))
              .toList()));
        }
        if (subgroups.size() > 1) {
          out.add(summary(t, g, "all", Double.NaN, cell));
        }
      }
    }
    return out;
  }

  private Summary summary(Truth t, Grids g, String subgroup, double trueDb, List<Outcome> list) {
    Map<Long, long[]> byRep = new TreeMap<>(); // replicate -> {rejections, covers, estimable}
    long notEstimable = 0;
    double sum = 0;
    double sum2 = 0;
    double sumSe = 0;
    int n = 0;
    for (Outcome o : list) {
      long[] c = byRep.computeIfAbsent(o.replicate(), k -> new long[3]);
      if (!o.estimate().estimable()) {
        notEstimable++;
        continue;
      }
      c[0] += o.rejected() ? 1 : 0;
      c[1] += o.covers() ? 1 : 0;
      c[2]++;
      double d = o.estimate().deltaBeta() - o.trueDeltaBeta();
      sum += o.estimate().deltaBeta();
      sum2 += d * d;
      sumSe += o.estimate().standardError();
      n++;
    }
    long[] rej = byRep.values().stream().mapToLong(c -> c[0]).toArray();
    long[] cov = byRep.values().stream().mapToLong(c -> c[1]).toArray();
    long[] trials = byRep.values().stream().mapToLong(c -> c[2]).toArray();
    return new Summary(t, g, subgroup, trueDb, ReplicateRate.of(rej, trials, level), ReplicateRate.of(cov, trials,
        level), notEstimable, n == 0 ? Double.NaN : sum / n, n == 0 ? Double.NaN : Math.sqrt(sum2 / n),
        n == 0 ? Double.NaN : sumSe / n);
  }
}
