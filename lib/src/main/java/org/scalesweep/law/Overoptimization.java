package org.scalesweep.law;

import java.util.List;

/**
 * Reward-model over-optimisation (Gao et al., seed 004): gold reward as a function of the distance
 * d = √KL(π‖π_init) from the initial policy.
 *
 * @param method best-of-n or RL, which fixes the decay term
 * @param alpha initial optimisation efficiency
 * @param beta severity of over-optimisation
 */
public record Overoptimization(Method method, double alpha, double beta) implements UnivariateLaw, java.io.Serializable {

  /** The optimisation method; each has its own functional form. */
  public enum Method {
    /** Best-of-n rejection sampling: R(d) = d·(α − β·d), quadratic decay. */
    BEST_OF_N,
    /** Reinforcement learning: R(d) = d·(α − β·ln d), logarithmic decay. */
    RL
  }

  public Overoptimization {
    if (method == null) {
      throw new IllegalArgumentException("method must be BEST_OF_N or RL, got null");
    }
    Checks.finite("alpha", alpha);
    Checks.finite("beta", beta);
  }

  /** d = √KL. */
  public static double distance(double kl) {
    return Math.sqrt(Checks.nonNegative("KL", kl));
  }

  /** KL divergence of best-of-n sampling: ln n − (n − 1)/n. */
  public static double bestOfNKl(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("best-of-n needs n >= 1, got " + n);
    }
    return Math.log(n) - (n - 1.0) / n;
  }

  @Override
  public double at(double d) {
    Checks.nonNegative("d", d);
    if (d == 0) {
      return 0;
    }
    return method == Method.BEST_OF_N ? d * (alpha - beta * d) : d * (alpha - beta * Math.log(d));
  }

  /** Distance of the peak gold reward: α/(2β) for best-of-n, exp(α/β − 1) for RL. */
  public double peakDistance() {
    return method == Method.BEST_OF_N ? alpha / (2 * beta) : Math.exp(alpha / beta - 1);
  }

  @Override
  public String name() {
    return method == Method.BEST_OF_N ? "rm-best-of-n" : "rm-rl";
  }

  @Override
  public String formula() {
    return method == Method.BEST_OF_N ? "d * (alpha - beta*d)" : "d * (alpha - beta*ln(d))";
  }

  @Override
  public List<String> parameterNames() {
    return List.of("alpha", "beta");
  }

  @Override
  public double[] parameters() {
    return new double[] {alpha, beta};
  }
}
