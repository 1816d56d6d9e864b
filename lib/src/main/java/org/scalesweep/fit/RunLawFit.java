package org.scalesweep.fit;

import java.util.ArrayList;
import java.util.List;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.Law;
import org.scalesweep.law.UnivariateLaw;

/**
 * One {@link RunLaw} on one group of runs (one corpus and subgroup): the full-sample fit, weighted
 * refits for the bootstrap, and predictions. The joint law is fitted to every run; the power and
 * offset-power laws to the frontier, i.e. per budget the loss at the minimum of Approach 2's IsoFLOP
 * parabola in log10 tokens (budgets whose minimum falls outside the sampled tokens are left out).
 */
public final class RunLawFit {
  private final RunLaw law;
  private final JointLawFitter joint;
  private final RunPoints runs;
  private final RefitMethod refitMethod;

  public RunLawFit(RunLaw law, JointLawFitter joint, RunPoints runs) {
    this(law, joint, runs, RefitMethod.LBFGS_THEN_POLISH);
  }

  private RunLawFit(RunLaw law, JointLawFitter joint, RunPoints runs, RefitMethod refitMethod) {
    this.law = law;
    this.joint = joint;
    this.runs = runs;
    this.refitMethod = refitMethod;
  }

  /**
   * How warm-started joint-law refits run ({@link JointLawFitter#refit(RefitMethod, JointLaw, double[],
   * double[], double[], double[])}); {@link RefitMethod#LBFGS_THEN_POLISH} unless set.
   */
  public RunLawFit withRefitMethod(RefitMethod m) {
    if (m == null) {
      throw new IllegalArgumentException(
          "refit method must be one of LBFGS_THEN_POLISH, POLISH_FROM_WARM_START, got null");
    }
    return new RunLawFit(law, joint, runs, m);
  }

  public RefitMethod refitMethod() {
    return refitMethod;
  }

  public RunLaw law() {
    return law;
  }

  public RunPoints runs() {
    return runs;
  }

  /** The full-sample fit. */
  public Fit<? extends Law> fit() {
    return refit(null, null);
  }

  /**
   * A fit under run weights (null: all 1). The joint law is warm-started at {@code start} when
   * given (a bootstrap resample), else fitted from the full start grid.
   */
  public Fit<? extends Law> refit(Law start, double[] weights) {
    try {
      if (law == RunLaw.CHINCHILLA) {
        return start instanceof JointLaw j && j.a() > 0 && j.b() > 0 && j.e() > 0
            ? joint.refit(refitMethod, j, runs.params(), runs.tokens(), runs.loss(), weights)
            : joint.fit(runs.params(), runs.tokens(), runs.loss(), weights);
      }
      RunPoints f = frontier(weights);
      if (law == RunLaw.POWER) {
        return f.size() < 2 ? Fit.failed(FitFlag.TOO_FEW_POINTS, f.size(), "power law needs 2 frontier budgets, got "
            + f.size()) : PowerLawFitter.fit(f.budget(), f.loss(), null);
      }
      return f.size() < 3 ? Fit.failed(FitFlag.TOO_FEW_POINTS, f.size(), "offset power law needs 3 frontier budgets, got "
          + f.size()) : OffsetPowerLawFitter.defaults().fit(f.budget(), f.loss(), null);
    } catch (IllegalArgumentException e) {
      return Fit.failed(FitFlag.DEGENERATE, runs.size(), e.getMessage());
    }
  }

  /** The points the law is fitted to under run weights: the runs, or the frontier. */
  public RunPoints points(double[] weights) {
    return law.alongFrontier() ? frontier(weights) : runs;
  }

  /** Per budget with an interior IsoFLOP minimum: (budget, loss there). */
  public RunPoints frontier(double[] weights) {
    List<IsoFlopOptimum> optima = Approach2.defaults().optima(runs.budget(), runs.tokens(), runs.loss(), weights);
    List<double[]> pts = new ArrayList<>();
    for (IsoFlopOptimum o : optima) {
      if (o.usable() && !o.flags().contains(FitFlag.EXTRAPOLATED) && o.lossAtOptimum() > 0) {
        pts.add(new double[] {o.budget(), o.lossAtOptimum()});
      }
    }
    double[] b = pts.stream().mapToDouble(p -> p[0]).toArray();
    double[] l = pts.stream().mapToDouble(p -> p[1]).toArray();
    double[] nan = new double[b.length];
    java.util.Arrays.fill(nan, Double.NaN);
    return new RunPoints(b, nan, nan.clone(), l);
  }

  /** The law's prediction at point i of {@code at}. */
  public double predict(Law fitted, RunPoints at, int i) {
    if (fitted instanceof JointLaw j) {
      return j.at(at.params()[i], at.tokens()[i]);
    }
    return ((UnivariateLaw) fitted).at(at.budget()[i]);
  }

  /**
   * Log residuals ln y − ln ŷ of the full-sample points, scaled by √(m/(m−p)) so that their spread
   * estimates the noise of a new observation rather than the (smaller) in-sample spread.
   */
  public double[] logResiduals(Law fitted) {
    RunPoints p = points(null);
    int m = p.size();
    int k = law.parameters().size();
    double inflate = m > k ? Math.sqrt((double) m / (m - k)) : 1;
    double[] r = new double[m];
    for (int i = 0; i < m; i++) {
      r[i] = inflate * (Math.log(p.loss()[i]) - Math.log(predict(fitted, p, i)));
    }
    return r;
  }
}
