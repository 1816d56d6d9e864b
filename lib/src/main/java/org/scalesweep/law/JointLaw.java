package org.scalesweep.law;

import java.util.List;

/**
 * The joint (Chinchilla) law L(N, D) = E + A/N^α + B/D^β. Seed 000's alignment-loss law is one
 * instance: {@link #SEED_000_TRUTH}.
 */
public record JointLaw(double e, double a, double alpha, double b, double beta) implements Law, java.io.Serializable {
  /** Seed 000's ground truth: E=0.0214 A=3.174 α=0.3524 B=2.487 β=0.3401. */
  public static final JointLaw SEED_000_TRUTH = new JointLaw(0.0214, 3.174, 0.3524, 2.487, 0.3401);

  public JointLaw {
    Checks.finite("E", e);
    Checks.finite("A", a);
    Checks.finite("alpha", alpha);
    Checks.finite("B", b);
    Checks.finite("beta", beta);
  }

  /** From log-space parameters (ln A, ln B, ln E, α, β), the parameterisation of Approach 3. */
  public static JointLaw fromLog(double lnA, double lnB, double lnE, double alpha, double beta) {
    return new JointLaw(Math.exp(lnE), Math.exp(lnA), alpha, Math.exp(lnB), beta);
  }

  /** Loss at N parameters and D tokens. */
  public double at(double n, double d) {
    Checks.positive("N", n);
    Checks.positive("D", d);
    return e + a * Math.pow(n, -alpha) + b * Math.pow(d, -beta);
  }

  /** Model-size term A/N^α. */
  public double modelTerm(double n) {
    return a * Math.pow(Checks.positive("N", n), -alpha);
  }

  /** Data term B/D^β. */
  public double dataTerm(double d) {
    return b * Math.pow(Checks.positive("D", d), -beta);
  }

  /** Allocation exponent a in N* ∝ C^a under C = 6ND: β/(α+β). */
  public double allocationExponentN() {
    return beta / (alpha + beta);
  }

  /** Allocation exponent b in D* ∝ C^b under C = 6ND: α/(α+β). */
  public double allocationExponentD() {
    return alpha / (alpha + beta);
  }

  /**
   * The compute-optimal model size under C = 6ND (minimises A/N^α + B/D^β with D = C/(6N)):
   * N* = G·(C/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)).
   */
  public double optimalParams(double compute) {
    Checks.positive("compute", compute);
    requirePositiveExponents();
    double g = Math.pow(alpha * a / (beta * b), 1.0 / (alpha + beta));
    return g * Math.pow(compute / 6.0, allocationExponentN());
  }

  /** The compute-optimal token count D* = C/(6N*). */
  public double optimalTokens(double compute) {
    return compute / (6.0 * optimalParams(compute));
  }

  /** The loss at the compute-optimal allocation of C. */
  public double optimalLoss(double compute) {
    double n = optimalParams(compute);
    return at(n, compute / (6.0 * n));
  }

  private void requirePositiveExponents() {
    if (!(alpha > 0 && beta > 0 && a > 0 && b > 0)) {
      throw new IllegalStateException("compute-optimal allocation needs A, B, alpha, beta > 0: " + describe());
    }
  }

  @Override
  public String name() {
    return "chinchilla";
  }

  @Override
  public String formula() {
    return "E + A/N^alpha + B/D^beta";
  }

  @Override
  public List<String> parameterNames() {
    return List.of("E", "A", "alpha", "B", "beta");
  }

  @Override
  public double[] parameters() {
    return new double[] {e, a, alpha, b, beta};
  }
}
