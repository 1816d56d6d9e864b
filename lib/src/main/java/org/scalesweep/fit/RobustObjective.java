package org.scalesweep.fit;

/** f(x) = Σ w_i·ρ(r_i(x)) over a residual model, with its exact gradient Σ w_i·ψ(r_i)·∇r_i. */
public final class RobustObjective implements DifferentiableFunction {
  private final ResidualModel model;
  private final double[] weights;
  private final RobustLoss loss;
  private final double[] r;
  private final double[][] jac;

  public RobustObjective(ResidualModel model, double[] weights, RobustLoss loss) {
    if (weights != null && weights.length != model.size()) {
      throw new IllegalArgumentException(
          "weights have " + weights.length + " entries, model has " + model.size() + " points");
    }
    this.model = model;
    this.weights = weights;
    this.loss = loss;
    this.r = new double[model.size()];
    this.jac = new double[model.size()][model.parameters()];
  }

  @Override
  public int dimension() {
    return model.parameters();
  }

  @Override
  public double evaluate(double[] x, double[] gradient) {
    model.evaluate(x, r, gradient == null ? null : jac);
    double f = 0;
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0);
    }
    for (int i = 0; i < r.length; i++) {
      double w = weights == null ? 1 : weights[i];
      if (w == 0) {
        continue;
      }
      f += w * loss.rho(r[i]);
      if (gradient != null) {
        double p = w * loss.psi(r[i]);
        double[] row = jac[i];
        for (int j = 0; j < gradient.length; j++) {
          gradient[j] += p * row[j];
        }
      }
    }
    return f;
  }

  /** The objective value only. */
  public double value(double[] x) {
    return evaluate(x, null);
  }
}
