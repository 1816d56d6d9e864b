package org.scalesweep.fit;

/**
 * A loss ρ of one residual, summed (not averaged) over points. {@link #weight(double)} is the IRLS
 * weight ψ(r)/r, which makes a weighted least-squares step carry the exact gradient of Σρ.
 */
public interface RobustLoss {
  /** ρ(r). */
  double rho(double r);

  /** ψ(r) = ρ'(r). */
  double psi(double r);

  /** ψ(r)/r, with its limit at r = 0. */
  double weight(double r);

  /**
   * ρ''(r), the loss's own curvature (where ρ is twice differentiable; Huber's one-sided value at
   * |r| = δ is the quadratic side's). Unlike {@link #weight(double)} it is 0 where ρ is linear, so
   * it gives Newton-type steps rather than IRLS steps ({@link NewtonLevenbergMarquardt}).
   */
  double curvature(double r);

  /** ρ(r) = r²/2: ordinary least squares. */
  static RobustLoss squared() {
    return Squared.INSTANCE;
  }

  /**
   * Huber's loss with threshold δ: r²/2 for |r| ≤ δ, δ·(|r| − δ/2) beyond (scipy's {@code huber}).
   * The scaling-law replication standard uses δ = 1e-3 on log-space residuals.
   */
  static RobustLoss huber(double delta) {
    return new Huber(delta);
  }

  /** The squared loss. */
  final class Squared implements RobustLoss {
    static final Squared INSTANCE = new Squared();

    private Squared() {}

    @Override
    public double rho(double r) {
      return 0.5 * r * r;
    }

    @Override
    public double psi(double r) {
      return r;
    }

    @Override
    public double weight(double r) {
      return 1;
    }

    @Override
    public double curvature(double r) {
      return 1;
    }

    @Override
    public String toString() {
      return "squared";
    }
  }

  /** Huber's loss. */
  record Huber(double delta) implements RobustLoss {
    public Huber {
      if (!(delta > 0) || Double.isInfinite(delta)) {
        throw new IllegalArgumentException("Huber delta must be positive and finite, got " + delta);
      }
    }

    @Override
    public double rho(double r) {
      double a = Math.abs(r);
      return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    }

    @Override
    public double psi(double r) {
      return r > delta ? delta : (r < -delta ? -delta : r);
    }

    @Override
    public double weight(double r) {
      double a = Math.abs(r);
      return a <= delta ? 1 : delta / a;
    }

    @Override
    public double curvature(double r) {
      return Math.abs(r) <= delta ? 1 : 0;
    }
  }
}
