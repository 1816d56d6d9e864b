package org.scalesweep.fit;

/**
 * Exact maximum likelihood fit of the no-floor logistic p = σ(a − b·ln loss) over every item row
 * (not binned, not subsampled), by Newton's method (equivalently iteratively reweighted least
 * squares) on the log-likelihood. Each iterate costs one {@link LogisticPass}: the log-likelihood,
 * its gradient (2 sums) and the Fisher information (3 distinct sums), so the data stay where they
 * are and this class only drives the iterations.
 *
 * <p>From a start (typically the fit on binned items, already close), each iteration solves the 2×2
 * system H·δ = g (H the Fisher information, g the gradient) and steps to (a, b) + δ; a step that
 * lowers the log-likelihood (beyond 1e-13 relative, the sums' rounding) is halved, up to 40 times.
 * The log-likelihood is concave, so from any start the iterates converge quadratically to the
 * unique maximum when it exists. Stops at {@link ItemLogisticStatus#CONVERGED} (both tests in its
 * javadoc), or with a flag: {@link ItemLogisticStatus#SEPARATED}, {@link ItemLogisticStatus#DEGENERATE}
 * or {@link ItemLogisticStatus#NOT_CONVERGED} after {@code maxIterations} steps — never a silent
 * result.
 */
public final class ItemLogisticFitter {
  /** Converged when λ²/2 ≤ this × max(1, |ℓ|). */
  static final double DECREMENT_TOLERANCE = 1e-14;
  /** …and the last step changed ℓ by at most this × max(1, |ℓ|). */
  static final double CHANGE_TOLERANCE = 1e-12;
  /** A step may lower ℓ by this × max(1, |ℓ|) (rounding of the sums) without being halved. */
  static final double RISE_SLACK = 1e-13;
  static final int MAX_HALVINGS = 40;
  /** Fitted probabilities count as saturated when Σ p(1 − p) ≤ this × n. */
  static final double SATURATED = 1e-6;
  /** Singular information: det ≤ this × H_aa·H_bb. */
  static final double SINGULAR = 1e-13;

  private final int maxIterations;

  private ItemLogisticFitter(int maxIterations) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
    }
    this.maxIterations = maxIterations;
  }

  /** At most 50 Newton steps (from a binned start the fit takes 3–4). */
  public static ItemLogisticFitter defaults() {
    return new ItemLogisticFitter(50);
  }

  /** The same fitter with another limit on Newton steps (≥ 1). */
  public ItemLogisticFitter withMaxIterations(int n) {
    return new ItemLogisticFitter(n);
  }

  /**
   * @param pass one pass over the rows at given coefficients
   * @param a0 starting intercept (finite)
   * @param b0 starting slope (finite)
   */
  public ItemLogisticFit fit(LogisticPass pass, double a0, double b0) {
    if (!(Double.isFinite(a0) && Double.isFinite(b0))) {
      throw new IllegalArgumentException("start (a, b) must be finite, got (" + a0 + ", " + b0 + ")");
    }
    double a = a0;
    double b = b0;
    LogisticSums s = pass.at(a, b);
    int passes = 1;
    if (s.items() == 0) {
      return new ItemLogisticFit(a, b, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, passes,
          ItemLogisticStatus.DEGENERATE, "no rows");
    }
    if (s.positives() == 0 || s.positives() == s.items()) {
      return result(a, b, s, 0, passes, ItemLogisticStatus.SEPARATED,
          "every label is " + (s.positives() == 0 ? "0" : "1") + ": no finite estimate");
    }
    if (!s.finite()) {
      return result(a, b, s, 0, passes, ItemLogisticStatus.NOT_CONVERGED, "sums not finite at the start");
    }
    double lastChange = Double.NaN;
    for (int it = 0; ; it++) {
      double haa = s.sumW();
      double hab = -s.sumWX();
      double hbb = s.sumWXX();
      double det = haa * hbb - hab * hab;
      if (!(det > SINGULAR * haa * hbb) || !(haa > 0)) {
        return stopped(a, b, s, it, passes, "information matrix singular (det " + det + ")");
      }
      double ga = s.gradientA();
      double gb = s.gradientB();
      double da = (hbb * ga - hab * gb) / det;
      double db = (haa * gb - hab * ga) / det;
      double decrement = ga * da + gb * db;
      double scale = Math.max(1, Math.abs(s.logLikelihood()));
      boolean changeSmall = it > 0 && Math.abs(lastChange) <= CHANGE_TOLERANCE * scale;
      if (decrement / 2 <= DECREMENT_TOLERANCE * scale && (changeSmall || decrement == 0)) {
        if (s.sumW() <= SATURATED * s.items()) {
          return stopped(a, b, s, it, passes, "the gradient vanished only as the probabilities saturated");
        }
        return result(a, b, s, it, passes, ItemLogisticStatus.CONVERGED, "");
      }
      if (it == maxIterations) {
        return stopped(a, b, s, it, passes, maxIterations + " Newton steps without convergence (λ²/2 = "
            + decrement / 2 + ")");
      }
      double t = 1;
      LogisticSums next = null;
      for (int h = 0; h <= MAX_HALVINGS; h++, t /= 2) {
        LogisticSums trial = pass.at(a + t * da, b + t * db);
        passes++;
        if (trial.finite() && trial.logLikelihood() >= s.logLikelihood() - RISE_SLACK * scale) {
          next = trial;
          break;
        }
      }
      if (next == null) {
        return stopped(a, b, s, it, passes, "no step halving raised the likelihood");
      }
      a += t * da;
      b += t * db;
      lastChange = next.logLikelihood() - s.logLikelihood();
      s = next;
    }
  }

  /** An unconverged end: separated when the fitted probabilities are saturated. */
  private static ItemLogisticFit stopped(double a, double b, LogisticSums s, int it, int passes, String why) {
    if (s.sumW() <= SATURATED * s.items()) {
      return result(a, b, s, it, passes, ItemLogisticStatus.SEPARATED,
          why + "; fitted probabilities saturated (Σ p(1 − p) = " + s.sumW() + " over " + s.items()
              + " rows): the labels are separated by ln loss, no finite estimate");
    }
    boolean singular = why.startsWith("information matrix singular");
    return result(a, b, s, it, passes, singular ? ItemLogisticStatus.DEGENERATE : ItemLogisticStatus.NOT_CONVERGED,
        why);
  }

  private static ItemLogisticFit result(double a, double b, LogisticSums s, int it, int passes,
      ItemLogisticStatus status, String note) {
    double haa = s.sumW();
    double hab = -s.sumWX();
    double hbb = s.sumWXX();
    double det = haa * hbb - hab * hab;
    boolean ok = det > SINGULAR * haa * hbb && haa > 0;
    return new ItemLogisticFit(a, b, ok ? Math.sqrt(hbb / det) : Double.NaN, ok ? Math.sqrt(haa / det) : Double.NaN,
        s.logLikelihood(), s.items(), s.positives(), it, passes, status, note);
  }
}
