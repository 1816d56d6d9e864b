package org.scalesweep.fit;

/**
 * A Cartesian grid of starting points for the log-space joint-law fit, in the fitter's parameter
 * order (a = ln A, b = ln B, e = ln E, α, β).
 */
public record StartGrid(double[] logA, double[] logB, double[] logE, double[] alpha, double[] beta) {

  public StartGrid {
    for (double[] axis : new double[][] {logA, logB, logE, alpha, beta}) {
      if (axis == null || axis.length == 0) {
        throw new IllegalArgumentException("every start-grid axis needs at least one value");
      }
    }
    logA = logA.clone();
    logB = logB.clone();
    logE = logE.clone();
    alpha = alpha.clone();
    beta = beta.clone();
  }

  /**
   * The replication standard (Besiroglu et al.'s Chinchilla replication): α, β ∈ {0, 0.5, …, 2},
   * e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}: 5·5·5·6·6 = 4,500 starts.
   */
  public static StartGrid replication() {
    double[] ab = {0, 5, 10, 15, 20, 25};
    double[] e = {-1, -0.5, 0, 0.5, 1};
    double[] ex = {0, 0.5, 1, 1.5, 2};
    return new StartGrid(ab, ab, e, ex, ex);
  }

  /** A single start (for warm-started refits). */
  public static StartGrid single(double[] start) {
    if (start.length != 5) {
      throw new IllegalArgumentException("a joint-law start has 5 values (a, b, e, alpha, beta), got " + start.length);
    }
    return new StartGrid(new double[] {start[0]}, new double[] {start[1]}, new double[] {start[2]},
        new double[] {start[3]}, new double[] {start[4]});
  }

  public int size() {
    return logA.length * logB.length * logE.length * alpha.length * beta.length;
  }

  /** Start number i (0 ≤ i &lt; size), as (a, b, e, α, β). */
  public double[] start(int i) {
    if (i < 0 || i >= size()) {
      throw new IllegalArgumentException("start index " + i + " outside [0, " + size() + ")");
    }
    int k = i;
    int ib = k % beta.length;
    k /= beta.length;
    int ia = k % alpha.length;
    k /= alpha.length;
    int ie = k % logE.length;
    k /= logE.length;
    int iB = k % logB.length;
    k /= logB.length;
    int iA = k;
    return new double[] {logA[iA], logB[iB], logE[ie], alpha[ia], beta[ib]};
  }

  @Override
  public double[] logA() {
    return logA.clone();
  }

  @Override
  public double[] logB() {
    return logB.clone();
  }

  @Override
  public double[] logE() {
    return logE.clone();
  }

  @Override
  public double[] alpha() {
    return alpha.clone();
  }

  @Override
  public double[] beta() {
    return beta.clone();
  }
}
