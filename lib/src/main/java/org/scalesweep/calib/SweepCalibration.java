package org.scalesweep.calib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Gemm;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.Resampler;
import org.scalesweep.relative.Contrast;
import org.scalesweep.relative.CorpusRuns;
import org.scalesweep.relative.Frontier;
import org.scalesweep.relative.LackOfFit;
import org.scalesweep.relative.RelativeBootstrap;
import org.scalesweep.relative.RelativeScaling;
import org.scalesweep.relative.SimulatedCorpus;
import org.scalesweep.relative.SimulatedSweep;
import org.scalesweep.sim.CorpusTruth;
import org.scalesweep.sim.Keys;
import org.scalesweep.sim.Simulator;

/**
 * Calibration of the Δβ sign test by simulation: replicate r of a truth is a whole sweep simulated
 * from its own keyed streams (seed, truth, r), fitted and bootstrapped under each scheme with
 * resample weights keyed by (seed, truth, r). Any (replicate, block of resamples) can therefore be
 * computed alone, anywhere, with the same values: Spark spreads them; {@link #run} is the same
 * computation in one loop. Schemes of one replicate share its data and its weight streams, so they
 * are compared on paired draws.
 */
public final class SweepCalibration implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final long SIMULATE = Keys.name("calibration-simulate");
  private static final long RESAMPLE = Keys.name("calibration-resample");

  /** Which truth replicates are simulated from. */
  public enum Truth {
    /** Every contrast's Δβ set to 0, everything else as in the study: rejections are false positives. */
    NULL,
    /** The study's own truths: intervals should cover them. */
    STUDY;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Δβ draws of a block of resamples of one scope under one scheme, [contrast][resample]. */
  public record Draws(int scope, ResampleScheme scheme, double[][] deltaBeta) {}

  /**
   * Full-sample Δβ of one scope per contrast, its leave-one-cluster-out values [contrast][cluster]
   * and the p-value of each contrast's lack-of-fit test (see {@link LackOfFit}).
   */
  public record Estimates(double[] deltaBeta, double[][] jackknife, double[] lackOfFitP)
      implements java.io.Serializable {}

  /** One cell of the calibration table. */
  public record Cell(Truth truth, ResampleScheme scheme, int scope, int contrast) {}

  private final long seed;
  private final List<SweepScope> scopes;
  private final SweepDesign design;
  private final List<ResampleScheme> schemes;
  private final int block;
  /** [scope][contrast] true Δβ: exact for proportional truths, else the noiseless sweep's slope. */
  private final double[][] trueDeltaBeta;
  /** Per scope, the truth with every contrast's Δβ set to 0. */
  private final List<CorpusTruth> nullTruths;

  /**
   * @param block resamples evaluated together (one item matrix product each)
   */
  public SweepCalibration(long seed, List<SweepScope> scopes, SweepDesign design, List<ResampleScheme> schemes,
      int block) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one (case study, corpus) scope");
    }
    if (schemes.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one bootstrap scheme");
    }
    if (block < 1) {
      throw new IllegalArgumentException("block must be >= 1, got " + block);
    }
    this.seed = seed;
    this.scopes = List.copyOf(scopes);
    this.design = design;
    this.schemes = List.copyOf(schemes);
    this.block = block;
    this.trueDeltaBeta = new double[this.scopes.size()][];
    this.nullTruths = new ArrayList<>();
    for (int k = 0; k < this.scopes.size(); k++) {
      SweepScope s = this.scopes.get(k);
      List<Contrast> contrasts = s.contrasts();
      trueDeltaBeta[k] = new double[contrasts.size()];
      Frontier noiseless = null;
      double[] slope = null;
      CorpusTruth nulled = s.truth();
      for (int c = 0; c < contrasts.size(); c++) {
        Contrast ct = contrasts.get(c);
        if (ContrastTruths.isFixed(s.truth(), ct)) {
          trueDeltaBeta[k][c] = ContrastTruths.deltaBeta(s.truth(), ct);
          nulled = ContrastTruths.withDeltaBeta(nulled, ct, 0);
          continue;
        }
        if (noiseless == null) {
          RelativeScaling fit = new RelativeScaling(SimulatedCorpus.noiseless(s.truth(), design.configs(),
              design.clusterBy(), s.frontierSubgroup()), contrasts);
          noiseless = fit.frontier();
          double[] est = new double[fit.statistics()];
          fit.evaluateInto(null, null, est);
          slope = est;
        }
        trueDeltaBeta[k][c] = slope[c * RelativeScaling.PER_CONTRAST];
        nulled = ContrastTruths.proportionalNull(nulled, ct, meanRatio(noiseless, ct));
      }
      nullTruths.add(nulled);
    }
  }

  /** exp(mean over usable budgets of ln(E_t/E_b)) on a frontier: the level of a null that keeps the contrast's gap. */
  private static double meanRatio(Frontier f, Contrast c) {
    int b = f.subgroups().indexOf(c.baseline());
    int t = f.subgroups().indexOf(c.treatment());
    double sum = 0;
    int n = 0;
    for (int j = 0; j < f.budgets().length; j++) {
      double r = Math.log(f.lossAtOptimum()[t][j] / f.lossAtOptimum()[b][j]);
      if (f.usable()[j] && Double.isFinite(r)) {
        sum += r;
        n++;
      }
    }
    return n == 0 ? 1 : Math.exp(sum / n);
  }

  public List<SweepScope> scopes() {
    return scopes;
  }

  public SweepDesign design() {
    return design;
  }

  public List<ResampleScheme> schemes() {
    return schemes;
  }

  /** The truth of a scope that replicates of {@code truth} are simulated from. */
  public CorpusTruth truth(Truth truth, int scope) {
    return truth == Truth.NULL ? nullTruths.get(scope) : scopes.get(scope).truth();
  }

  /**
   * The Δβ replicates of a truth are scored against: 0 under the null; under the study's truth the
   * configured Δβ of a proportional truth, else the slope the noiseless sweep gives on this design
   * (what Δβ̂ estimates when the relative curve is not a power law: its average log-slope along the
   * frontier over the studied budgets).
   */
  public double trueDeltaBeta(Truth truth, int scope, int contrast) {
    return truth == Truth.NULL ? 0 : trueDeltaBeta[scope][contrast];
  }

  /** Replicate r's sweep of every scope (item matrices only when a scheme resamples items). */
  public List<SimulatedSweep> simulate(Truth truth, long replicate) {
    Simulator sim = new Simulator(Keys.of(seed, SIMULATE, truth.ordinal(), replicate), design.noise());
    boolean items = schemes.stream().anyMatch(ResampleScheme::resamplesItems);
    List<SimulatedSweep> out = new ArrayList<>();
    for (int s = 0; s < scopes.size(); s++) {
      out.add(SimulatedCorpus.sweep(sim, design.structure(), truth(truth, s), design.configs(), design.seeds(),
          design.clusterBy(), scopes.get(s).frontierSubgroup(), items));
    }
    return out;
  }

  /** Full-sample estimates and jackknife of every scope of a replicate. */
  public List<Estimates> estimates(List<SimulatedSweep> data) {
    List<Estimates> out = new ArrayList<>();
    for (int s = 0; s < scopes.size(); s++) {
      RelativeBootstrap boot = bootstrap(data.get(s), s, ResampleScheme.CLUSTER, new Resampler(0, design.weights()),
          null);
      int contrasts = scopes.get(s).contrasts().size();
      double[] est = boot.estimate();
      double[][] jack = boot.jackknife();
      double[] db = new double[contrasts];
      double[][] jk = new double[contrasts][jack.length];
      for (int k = 0; k < contrasts; k++) {
        db[k] = est[k * RelativeScaling.PER_CONTRAST];
        for (int c = 0; c < jack.length; c++) {
          jk[k][c] = jack[c][k * RelativeScaling.PER_CONTRAST];
        }
      }
      Frontier frontier = boot.statistic().frontier();
      double[] lof = new double[contrasts];
      for (int k = 0; k < contrasts; k++) {
        lof[k] = LackOfFit.of(data.get(s).runs(), scopes.get(s).contrasts().get(k), frontier).pValue();
      }
      out.add(new Estimates(db, jk, lof));
    }
    return out;
  }

  /**
   * Δβ of resamples [first, first + count) of replicate r, for every scope and scheme whose data
   * allows it (the item schemes skip scopes without item-level subgroups, as the pipeline does).
   * Resamples are evaluated in chunks that start at multiples of the block size, so a native
   * matrix product sees the same shapes however the range is split: ranges that start at such
   * multiples (see {@link #chunkStart}) give results identical to the last bit.
   */
  public List<Draws> resample(List<SimulatedSweep> data, Truth truth, long replicate, long first, int count,
      Gemm gemm) {
    Resampler resampler = new Resampler(Keys.of(seed, RESAMPLE, truth.ordinal(), replicate), design.weights());
    List<Draws> out = new ArrayList<>();
    for (int s = 0; s < scopes.size(); s++) {
      for (ResampleScheme scheme : schemes) {
        if (scheme.resamplesItems() && data.get(s).items().isEmpty()) {
          continue;
        }
        RelativeBootstrap boot = bootstrap(data.get(s), s, scheme, resampler, gemm);
        int contrasts = scopes.get(s).contrasts().size();
        double[][] db = new double[contrasts][count];
        for (int k = 0; k < count; ) {
          long b = first + k;
          int len = (int) Math.min((b / block + 1) * block - b, count - k);
          double[][] vals = new double[len][boot.statistics()];
          boot.evaluate(b, len, vals);
          for (int j = 0; j < len; j++) {
            for (int c = 0; c < contrasts; c++) {
              db[c][k + j] = vals[j][c * RelativeScaling.PER_CONTRAST];
            }
          }
          k += len;
        }
        out.add(new Draws(s, scheme, db));
      }
    }
    return out;
  }

  /**
   * First resample of unit k of {@code units} that split a replicate's resamples: whole chunks of
   * the block size spread evenly over the units (k = units gives the end).
   */
  public long chunkStart(int k, int units) {
    long chunks = (design.resamples() + block - 1) / block;
    return Math.min(design.resamples(), k * chunks / units * block);
  }

  /**
   * The outcome of one contrast in one replicate from its estimates and all its draws. The expanded
   * interval counts the clusters as units and Δβ as one parameter (Hesterberg's original form).
   */
  public ReplicateOutcome outcome(Truth truth, int scope, int contrast, Estimates est, double[] draws) {
    return outcome(truth, scope, contrast, est.deltaBeta()[contrast], est.jackknife()[contrast],
        est.lackOfFitP()[contrast], draws);
  }

  /** As above, from one contrast's estimate, jackknife and lack-of-fit p-value. */
  public ReplicateOutcome outcome(Truth truth, int scope, int contrast, double estimate, double[] jackknife,
      double lackOfFitP, double[] draws) {
    BootstrapSummary s = BootstrapSummary.of(estimate, draws, jackknife, design.level(), 1);
    return new ReplicateOutcome(trueDeltaBeta(truth, scope, contrast), s, design.alpha(), lackOfFitP);
  }

  /**
   * Replicates [0, replicates) of a truth in one loop, every resample in one block: the in-memory
   * reference of the distributed computation (same keys, same values).
   */
  public Map<Cell, List<ReplicateOutcome>> run(Truth truth, int replicates, Gemm gemm) {
    Map<Cell, List<ReplicateOutcome>> out = new LinkedHashMap<>();
    for (int r = 0; r < replicates; r++) {
      List<SimulatedSweep> data = simulate(truth, r);
      List<Estimates> est = estimates(data);
      for (Draws d : resample(data, truth, r, 0, design.resamples(), gemm)) {
        for (int c = 0; c < d.deltaBeta().length; c++) {
          out.computeIfAbsent(new Cell(truth, d.scheme(), d.scope(), c), k -> new ArrayList<>())
              .add(outcome(truth, d.scope(), c, est.get(d.scope()), d.deltaBeta()[c]));
        }
      }
    }
    return out;
  }

  private RelativeBootstrap bootstrap(SimulatedSweep data, int scope, ResampleScheme scheme, Resampler resampler,
      Gemm gemm) {
    CorpusRuns runs = data.runs();
    return new RelativeBootstrap(new RelativeScaling(runs, scopes.get(scope).contrasts()), scheme, resampler,
        scheme.resamplesItems() ? data.items() : List.of(), gemm);
  }
}
