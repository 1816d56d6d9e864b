package org.scalesweep.fit;

import java.util.EnumSet;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.scalesweep.law.JointLaw;

/**
 * Chinchilla Approach 3: the joint law L = E + A/N^α + B/D^β fitted by minimising the summed Huber
 * loss of log-space residuals r = LSE(a − α·ln N, b − β·ln D, e) − ln L from a grid of starts with
 * L-BFGS, keeping the best converged start, then polishing it with Levenberg–Marquardt (L-BFGS alone
 * stops short of the optimum when residuals are tiny, see docs/ARCHITECTURE.md, Fitting). The starts come
 * from the grid itself ({@link Approach3Method#GRID}, the reference) or from its exponent pairs at their
 * profiled inner optimum ({@link Approach3Method#PROFILED}, variable projection, the default). Data
 * whose optimum is expected near a known law (a subgroup near its corpus's overall fit) can be fitted
 * from a warm start and only the best-ranked starts ({@link #fit(JointLaw, double[], double[], double[],
 * double[])}).
 */
public final class JointLawFitter {
  /** Exponents above this are treated as runaway (the start grid ends at 2). */
  static final double EXPONENT_LIMIT = 5;
  /** An irreducible term below this fraction of the smallest loss has collapsed to zero. */
  static final double FLOOR_COLLAPSE = 1e-6;
  /** ln of how far below the smallest loss a collapsed term is kept (e^−50 ≈ 2e-22). */
  static final double COLLAPSED_LOG_MARGIN = 50;
  /** With this many distinct (N, D) or fewer the five parameters interpolate the data: flagged. */
  private static final int FEW_CONFIGURATIONS = 5;
  /** Iteration cap of {@link RefitMethod#POLISH_FROM_WARM_START}'s Newton steps before it falls back. */
  static final int WARM_POLISH_ITERATIONS = 60;
  /** {@link RefitMethod#POLISH_FROM_WARM_START} accepts an end point with ‖∇f‖∞ at most this × f. */
  static final double WARM_POLISH_GRADIENT = 1e-6;
  /** ... or at most this (L-BFGS's default gradient tolerance), whichever is larger. */
  static final double WARM_POLISH_GRADIENT_FLOOR = 1e-12;
  /** In the note of a {@link RefitMethod#POLISH_FROM_WARM_START} refit that fell back to L-BFGS and polish. */
  public static final String FELL_BACK = "warm polish fell back to L-BFGS and polish";
  private static final NewtonLevenbergMarquardt WARM_POLISH = new NewtonLevenbergMarquardt(WARM_POLISH_ITERATIONS);

  private final RobustLoss loss;
  private final StartGrid starts;
  private final Lbfgs lbfgs;
  private final LevenbergMarquardt polish;
  private final int parallelism;
  private final int screenKeep;
  private final Approach3Method method;
  private final int warmKeep;

  /**
   * Starts run besides the warm start by {@link #fit(JointLaw, double[], double[], double[], double[])}
   * unless {@link #withWarmKeep(int)} says otherwise. Chosen on the flagship's 60 subgroup fits
   * warm-started from their corpus's overall fit (docs/PERFORMANCE.md, "7e. Warm starts across
   * subgroups"): the warm start alone reached the cold optimum in 55 of them, the warm start and the 2
   * best profiled pairs in 57, and 3 were needed for all 60; 5 keeps two ranks of margin.
   */
  public static final int WARM_KEEP = 5;

  private JointLawFitter(RobustLoss loss, StartGrid starts, Lbfgs lbfgs, LevenbergMarquardt polish,
      int parallelism, int screenKeep, Approach3Method method, int warmKeep) {
    this.loss = loss;
    this.starts = starts;
    this.lbfgs = lbfgs;
    this.polish = polish;
    this.parallelism = parallelism;
    this.screenKeep = screenKeep;
    this.method = method;
    this.warmKeep = warmKeep;
  }

  /**
   * Huber δ = 1e-3, the 4,500-start replication grid searched by variable projection
   * ({@link Approach3Method#PROFILED}: its 25 exponent pairs), sequential.
   */
  public static JointLawFitter defaults() {
    return new JointLawFitter(RobustLoss.huber(1e-3), StartGrid.replication(), Lbfgs.defaults(),
        LevenbergMarquardt.defaults(), 1, 0, Approach3Method.PROFILED, WARM_KEEP);
  }

  /** The search method; {@link Approach3Method#GRID} is the reference implementation. */
  public JointLawFitter withMethod(Approach3Method m) {
    if (m == null) {
      throw new IllegalArgumentException("Approach 3 method must be one of GRID, PROFILED, got null");
    }
    return new JointLawFitter(loss, starts, lbfgs, polish, parallelism, screenKeep, m, warmKeep);
  }

  public Approach3Method method() {
    return method;
  }

  public JointLawFitter withHuberDelta(double delta) {
    return new JointLawFitter(RobustLoss.huber(delta), starts, lbfgs, polish, parallelism, screenKeep, method, warmKeep);
  }

  public JointLawFitter withLoss(RobustLoss newLoss) {
    return new JointLawFitter(newLoss, starts, lbfgs, polish, parallelism, screenKeep, method, warmKeep);
  }

  public JointLawFitter withStarts(StartGrid grid) {
    return new JointLawFitter(loss, grid, lbfgs, polish, parallelism, screenKeep, method, warmKeep);
  }

  public JointLawFitter withLbfgs(Lbfgs optimizer) {
    return new JointLawFitter(loss, starts, optimizer, polish, parallelism, screenKeep, method, warmKeep);
  }

  /** The Levenberg–Marquardt polish of the best start (e.g. its {@link LinearSolve}). */
  public JointLawFitter withPolish(LevenbergMarquardt lm) {
    if (lm == null) {
      throw new IllegalArgumentException("Approach 3 polish must be a LevenbergMarquardt, got null");
    }
    return new JointLawFitter(loss, starts, lbfgs, lm, parallelism, screenKeep, method, warmKeep);
  }

  public LevenbergMarquardt polish() {
    return polish;
  }

  /** Runs starts on up to {@code threads} threads; the result does not depend on it. */
  public JointLawFitter withParallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + threads);
    }
    return new JointLawFitter(loss, starts, lbfgs, polish, threads, screenKeep, method, warmKeep);
  }

  /**
   * Evaluates the objective at every start and runs L-BFGS only from the {@code keep} best
   * (0 = run every start). Benchmarks compare this against running all starts. Applies to
   * {@link Approach3Method#GRID} only: the profiled search has 25 starts, all run.
   */
  public JointLawFitter withScreening(int keep) {
    if (keep < 0) {
      throw new IllegalArgumentException("screening keep must be >= 0, got " + keep);
    }
    return new JointLawFitter(loss, starts, lbfgs, polish, parallelism, keep, method, warmKeep);
  }

  public StartGrid starts() {
    return starts;
  }

  /**
   * Fits the joint law.
   *
   * @throws IllegalArgumentException on non-positive or non-finite N, D, L, bad weights, or fewer
   *     than 5 points
   */
  public Fit<JointLaw> fit(double[] n, double[] d, double[] l, double[] weights) {
    return fit(null, n, d, l, weights);
  }

  /**
   * Starts besides the warm start of {@link #fit(JointLaw, double[], double[], double[], double[])}
   * (default {@value #WARM_KEEP}; 0 = the warm start alone). Does not change {@link #fit(double[],
   * double[], double[], double[])}.
   */
  public JointLawFitter withWarmKeep(int keep) {
    if (keep < 0) {
      throw new IllegalArgumentException("warm-start keep must be >= 0, got " + keep);
    }
    return new JointLawFitter(loss, starts, lbfgs, polish, parallelism, screenKeep, method, keep);
  }

  public int warmKeep() {
    return warmKeep;
  }

  /**
   * Fits the joint law by a warm-started multi-start, for data whose optimum is expected near a
   * known law (a subgroup near its corpus's overall fit): L-BFGS runs from the warm start plus only
   * the {@link #warmKeep()} best of the usual starts, ranked by the objective at the start (for
   * {@link Approach3Method#PROFILED} the profiled objective of each exponent pair; ties by start index,
   * so the choice is deterministic), then the best is polished as in the cold fit. The warm start is
   * the warm law's exponents (α, β) at this data's own profiled optimum over (a, b, e) (the warm law
   * itself if that inner problem has no finite optimum).
   *
   * <p>What it trades: L-BFGS from {@code warmKeep + 1} starts instead of every start (25 profiled
   * pairs; with {@link Approach3Method#GRID} the grid screened to {@code warmKeep}), for the risk that
   * the cold search's optimum lies in a basin that neither the warm start nor the best-ranked starts
   * reach; then this fit's objective is higher than the cold fit's. Every start is still profiled
   * (ranked), so the saving is the local searches only. With {@code warm == null} this is
   * {@link #fit(double[], double[], double[], double[])}.
   *
   * @throws IllegalArgumentException as the cold fit, or when the warm law has a non-positive A, B or E
   */
  public Fit<JointLaw> fit(JointLaw warm, double[] n, double[] d, double[] l, double[] weights) {
    double[] warmX = warm == null ? null : toX(warm);
    Fit<JointLaw> rejected = rejected(n, d, l, weights);
    if (rejected != null) {
      return rejected;
    }
    int active = Data.positiveWeights(weights, n.length);
    JointLawResiduals model = new JointLawResiduals(n, d, l);
    int[] order;
    IntFunction<double[]> start;
    if (warmX != null) {
      double[][] candidates = method == Approach3Method.PROFILED ? profiledStarts(model, weights) : null;
      int total = candidates == null ? starts.size() : candidates.length;
      IntFunction<double[]> candidate = candidates == null ? starts::start : k -> candidates[k];
      // the warm start is id `total`: after every candidate, so a candidate wins a tie with it
      double[] warmStart = warmStart(model, weights, warmX);
      int[] best = MultiStart.screen(model, weights, loss, total, candidate, Math.min(warmKeep, total), true);
      order = new int[best.length + 1];
      order[0] = total;
      System.arraycopy(best, 0, order, 1, best.length);
      start = k -> k == total ? warmStart : candidate.apply(k);
    } else if (method == Approach3Method.PROFILED && starts.size() > 1) {
      double[][] profiled = profiledStarts(model, weights);
      order = IntStream.range(0, profiled.length).toArray();
      start = k -> profiled[k];
    } else {
      order = MultiStart.screen(model, weights, loss, starts.size(), starts::start, screenKeep);
      start = starts::start;
    }
    MultiStart.Outcome out = MultiStart.run(model, weights, loss, order, start, lbfgs, polish, parallelism);
    if (out == null) {
      return Fit.failed(FitFlag.NOT_CONVERGED, active, "objective not finite at any of " + order.length + " starts");
    }
    return finish(model, weights, l, out, active, Data.distinctPairs(n, d, weights, FEW_CONFIGURATIONS + 1));
  }

  /**
   * Every (α, β) pair of the start grid at its profiled optimum over (a, b, e), pairs in grid order;
   * pairs whose inner problem has no finite optimum are left out.
   */
  private double[][] profiledStarts(JointLawResiduals model, double[] weights) {
    double[] alphas = starts.alpha();
    double[] betas = starts.beta();
    ExponentProfile profile = new ExponentProfile(model, weights, loss);
    java.util.List<double[]> out = new java.util.ArrayList<>();
    for (double alpha : alphas) {
      for (double beta : betas) {
        OptimizationResult r = profile.at(alpha, beta);
        if (Double.isFinite(r.value())) {
          out.add(r.point());
        }
      }
    }
    return out.toArray(new double[0][]);
  }

  /** The warm law's exponents at this data's profiled (a, b, e); the warm law itself if that fails. */
  private double[] warmStart(JointLawResiduals model, double[] weights, double[] warmX) {
    OptimizationResult r = new ExponentProfile(model, weights, loss).at(warmX[3], warmX[4]);
    return Double.isFinite(r.value()) ? r.point() : warmX;
  }

  /** Refit from one start (e.g. a bootstrap resample warm-started at the full-sample optimum). */
  public Fit<JointLaw> refit(JointLaw start, double[] n, double[] d, double[] l, double[] weights) {
    return withStarts(StartGrid.single(toX(start))).withScreening(0).fit(n, d, l, weights);
  }

  /** The fitter's parameter vector (a, b, e, α, β) of a law. */
  static double[] toX(JointLaw law) {
    if (!(law.a() > 0 && law.b() > 0 && law.e() > 0)) {
      throw new IllegalArgumentException("a warm start needs A, B, E > 0: " + law.describe());
    }
    return new double[] {Math.log(law.a()), Math.log(law.b()), Math.log(law.e()), law.alpha(), law.beta()};
  }

  /**
   * A collapsed term (a coefficient driven toward 0 along a flat direction of the objective) is
   * raised to where it is e^−{@value #COLLAPSED_LOG_MARGIN} of the smallest loss at every point: its
   * share of any prediction is then below 1e-21, invisible in double precision, so the objective is
   * unchanged, and the law keeps positive A, B, E (a warm start needs their logarithms).
   */
  private static double[] clampCollapsed(JointLawResiduals model, double[] weights, double[] x) {
    double[] lnN = model.lnN();
    double[] lnD = model.lnD();
    double[] lnL = model.lnL();
    double floorA = Double.POSITIVE_INFINITY;
    double floorB = Double.POSITIVE_INFINITY;
    double floorE = Double.POSITIVE_INFINITY;
    for (int i = 0; i < lnL.length; i++) {
      if (Data.weight(weights, i) > 0) {
        floorA = Math.min(floorA, lnL[i] + x[3] * lnN[i]);
        floorB = Math.min(floorB, lnL[i] + x[4] * lnD[i]);
        floorE = Math.min(floorE, lnL[i]);
      }
    }
    double[] out = x.clone();
    out[0] = Math.max(out[0], floorA - COLLAPSED_LOG_MARGIN);
    out[1] = Math.max(out[1], floorB - COLLAPSED_LOG_MARGIN);
    out[2] = Math.max(out[2], floorE - COLLAPSED_LOG_MARGIN);
    return out;
  }

  /**
   * Refit from one start by {@code how}: {@link RefitMethod#LBFGS_THEN_POLISH} is
   * {@link #refit(JointLaw, double[], double[], double[], double[])}; see {@link RefitMethod} for the other.
   */
  public Fit<JointLaw> refit(RefitMethod how, JointLaw start, double[] n, double[] d, double[] l, double[] weights) {
    if (how == null) {
      throw new IllegalArgumentException(
          "refit method must be one of LBFGS_THEN_POLISH, POLISH_FROM_WARM_START, got null");
    }
    if (how == RefitMethod.LBFGS_THEN_POLISH) {
      return refit(start, n, d, l, weights);
    }
    Fit<JointLaw> rejected = rejected(n, d, l, weights);
    if (rejected != null) {
      return rejected;
    }
    JointLawResiduals model = new JointLawResiduals(n, d, l);
    OptimizationResult r = WARM_POLISH.minimize(model, weights, loss, toX(start));
    String why;
    if (!r.converged()) {
      why = "Newton steps stopped by " + r.convergence();
    } else if (!Double.isFinite(r.value()) || !(r.gradientNorm() <= warmGradientBound(r.value()))) {
      why = "gradient " + r.gradientNorm() + " above " + warmGradientBound(r.value());
    } else {
      int active = Data.positiveWeights(weights, n.length);
      Fit<JointLaw> warm = finish(model, weights, l, new MultiStart.Outcome(r, r.iterations(), 1, 1, true), active,
          Data.distinctPairs(n, d, weights, FEW_CONFIGURATIONS + 1));
      if (warm.hasEstimate() && warm.flags().isEmpty()) {
        return warm;
      }
      why = "flagged " + warm.flagString();
    }
    Fit<JointLaw> old = refit(start, n, d, l, weights);
    String earlier = old.note().isEmpty() ? "" : old.note().endsWith(";") ? old.note() + " " : old.note() + "; ";
    String note = earlier + FELL_BACK + " (" + why + ")";
    return new Fit<>(old.law(), old.objective(), old.converged(), old.iterations(), old.flags(), old.points(),
        old.rSquared(), old.starts(), old.startsConverged(), note);
  }

  /**
   * The largest gradient ∞-norm {@link RefitMethod#POLISH_FROM_WARM_START} accepts at objective f:
   * {@value #WARM_POLISH_GRADIENT} × f, or L-BFGS's own gradient tolerance (1e-12) when larger, so that
   * a near-zero objective (noiseless data) is not held to a bound below rounding.
   */
  private static double warmGradientBound(double f) {
    return Math.max(WARM_POLISH_GRADIENT * f, WARM_POLISH_GRADIENT_FLOOR);
  }

  /** Whether a {@link RefitMethod#POLISH_FROM_WARM_START} refit fell back to L-BFGS and polish. */
  public static boolean fellBack(Fit<?> fit) {
    return fit.note().contains(FELL_BACK);
  }

  /**
   * The failed fit of data that cannot be fitted (too few weighted points, one N or D, equal losses),
   * else null: the checks {@link #fit(double[], double[], double[], double[])} makes first.
   *
   * @throws IllegalArgumentException on non-positive or non-finite N, D, L, bad weights, or fewer
   *     than 5 points
   */
  private static Fit<JointLaw> rejected(double[] n, double[] d, double[] l, double[] weights) {
    Data.sameLength("joint-law fit", n.length, d, l);
    Data.atLeast("joint-law fit (5 parameters)", n.length, 5);
    Data.positive("N", n);
    Data.positive("D", d);
    Data.positive("loss", l);
    Data.weights(weights, n.length);
    int active = Data.positiveWeights(weights, n.length);
    if (active < 5) {
      return Fit.failed(FitFlag.TOO_FEW_POINTS, active, "joint law needs 5 points with positive weight, got " + active);
    }
    if (Data.distinct(n, weights, 2) < 2 || Data.distinct(d, weights, 2) < 2) {
      return Fit.failed(FitFlag.DEGENERATE, active,
          "joint law needs at least 2 distinct N and 2 distinct D; got " + Data.distinct(n, weights) + " and "
              + Data.distinct(d, weights));
    }
    if (Data.distinct(l, weights, 2) < 2) {
      return Fit.failed(FitFlag.DEGENERATE, active, "every loss is equal: the law's A, alpha, B and beta are not identified");
    }
    return null;
  }

  private Fit<JointLaw> finish(JointLawResiduals model, double[] weights, double[] l, MultiStart.Outcome out,
      int active, int configurations) {
    double[] x = clampCollapsed(model, weights, out.best().point());
    EnumSet<FitFlag> flags = EnumSet.noneOf(FitFlag.class);
    StringBuilder note = new StringBuilder();
    if (!out.anyConverged()) {
      flags.add(FitFlag.NOT_CONVERGED);
      note.append("no start converged; ");
    }
    JointLaw law;
    try {
      law = JointLaw.fromLog(x[0], x[1], x[2], x[3], x[4]);
    } catch (IllegalArgumentException e) {
      return Fit.failed(FitFlag.NOT_CONVERGED, active, "optimum not finite: " + e.getMessage());
    }
    double minLoss = Double.POSITIVE_INFINITY;
    for (int i = 0; i < l.length; i++) {
      if (Data.weight(weights, i) > 0) {
        minLoss = Math.min(minLoss, l[i]);
      }
    }
    if (!(law.alpha() > 0) || !(law.beta() > 0)) {
      flags.add(FitFlag.BOUNDARY);
      note.append("non-positive exponent; ");
    }
    if (law.alpha() > EXPONENT_LIMIT || law.beta() > EXPONENT_LIMIT) {
      flags.add(FitFlag.BOUNDARY);
      note.append("exponent above ").append(EXPONENT_LIMIT).append("; ");
    }
    if (law.e() < FLOOR_COLLAPSE * minLoss) {
      flags.add(FitFlag.BOUNDARY);
      note.append("irreducible term collapsed to 0; ");
    }
    if (configurations <= FEW_CONFIGURATIONS) {
      // replicates repeat a configuration: with 5 distinct (N, D) the 5 parameters interpolate them exactly
      flags.add(FitFlag.TOO_FEW_POINTS);
      note.append(configurations).append(" distinct (N, D) configurations for 5 parameters; ");
    }
    double r2 = Data.rSquared(l, MultiStart.predictionsFromLogResiduals(model, x, l), weights);
    return new Fit<>(law, out.best().value(), out.anyConverged(), out.lbfgsIterations(), flags, active, r2,
        out.tried(), out.converged(), note.toString().strip());
  }
}
