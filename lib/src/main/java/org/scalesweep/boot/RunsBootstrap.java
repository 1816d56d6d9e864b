package org.scalesweep.boot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalesweep.fit.Approach2;
import org.scalesweep.fit.Fit;
import org.scalesweep.fit.IsoFlopOptimum;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.fit.RunLawFit;
import org.scalesweep.fit.RunPoints;
import org.scalesweep.law.Law;

/**
 * Bootstrap of the fits of one group of runs: resample b gives every run its unit's keyed weight
 * (Poisson(1) or multinomial, see {@link Resampler}), refits the law warm-started at the
 * full-sample estimate and, on IsoFLOP-shaped data, Approach 2's allocation exponents a (N*) and
 * b (D*). Any machine computing resample b gets the same numbers.
 */
public final class RunsBootstrap {
  /** Names of the allocation statistics appended after the law's parameters. */
  public static final List<String> ALLOCATION = List.of("a", "b");

  private final RunLawFit model;
  private final Law full;
  private final boolean allocation;
  private final long[] unitOfRun;
  private final Resampler resampler;
  private final long scopeKey;
  private final double[] budgets;

  /**
   * One resample: the refitted law (null when not estimable) and every statistic (NaN when not).
   *
   * @param refitFellBack whether the law's refit fell back from the warm polish to L-BFGS and polish
   *     ({@link org.scalesweep.fit.RefitMethod#POLISH_FROM_WARM_START}; always false under the default)
   */
  public record Draw(Law law, double[] statistics, boolean refitFellBack) {}

  /**
   * @param full the full-sample estimate of {@code model} (null when it has none: every draw is NaN)
   * @param allocation also bootstrap Approach 2's allocation exponents
   * @param unitOfRun resampling unit of each run (runs of a unit share its weight)
   * @param scopeKey key of this group, so groups draw independently
   */
  public RunsBootstrap(RunLawFit model, Law full, boolean allocation, long[] unitOfRun,
      Resampler resampler, long scopeKey) {
    if (unitOfRun.length != model.runs().size()) {
      throw new IllegalArgumentException("unit keys for " + unitOfRun.length + " of " + model.runs().size() + " runs");
    }
    this.model = model;
    this.full = full;
    this.allocation = allocation;
    this.unitOfRun = unitOfRun.clone();
    this.resampler = resampler;
    this.scopeKey = scopeKey;
    this.budgets = Arrays.stream(model.runs().budget()).distinct().sorted().toArray();
  }

  /**
   * Statistic names: the law's parameters, then, when allocation is on, a and b and each budget's
   * optimum: {@code log10_n_opt@BUDGET} for every budget in order, then {@code log10_d_opt@BUDGET}
   * ({@link #budgetLabel}).
   */
  public List<String> statistics() {
    List<String> s = new ArrayList<>(model.law().parameters());
    if (allocation) {
      s.addAll(ALLOCATION);
      for (String prefix : List.of(OPTIMUM_N, OPTIMUM_D)) {
        for (double c : budgets) {
          s.add(prefix + budgetLabel(c));
        }
      }
    }
    return s;
  }

  /** Prefix of the per-budget log10 N* statistics. */
  public static final String OPTIMUM_N = "log10_n_opt@";
  /** Prefix of the per-budget log10 D* statistics. */
  public static final String OPTIMUM_D = "log10_d_opt@";

  /** A budget as statistic names write it: three significant digits, no trailing zeros ({@code 1e18}, {@code 3.16e18}). */
  public static String budgetLabel(double budget) {
    String[] parts = String.format(java.util.Locale.ROOT, "%.2e", budget).split("e");
    String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
    return mantissa + "e" + Integer.parseInt(parts[1]);
  }

  /** Full-sample statistics. */
  public double[] estimate() {
    return statistics(full, null);
  }

  /** Resample b. */
  public Draw resample(long b) {
    double[] w = new double[unitOfRun.length];
    resampler.runWeights(scopeKey, unitOfRun, b, w);
    Fit<? extends Law> fit = full != null ? model.refit(full, w) : null;
    Law law = fit != null && fit.hasEstimate() && fit.converged() ? fit.law() : null;
    return new Draw(law, statistics(law, w), fit != null && JointLawFitter.fellBack(fit));
  }

  private double[] statistics(Law law, double[] w) {
    int k = model.law().parameters().size();
    double[] out = new double[k + (allocation ? 2 + 2 * budgets.length : 0)];
    Arrays.fill(out, Double.NaN);
    if (law != null) {
      System.arraycopy(law.parameters(), 0, out, 0, k);
    }
    if (allocation) {
      RunPoints r = model.runs();
      try {
        Approach2.Result a2 = Approach2.defaults().fit(r.budget(), r.params(), r.tokens(), r.loss(), w);
        out[k] = a2.params().exponent();
        out[k + 1] = a2.tokens().exponent();
        optima(a2.paramsOptima(), out, k + 2);
        optima(a2.tokensOptima(), out, k + 2 + budgets.length);
      } catch (IllegalArgumentException e) {
        // a resample with too few weighted runs: the exponents stay NaN and count as not estimable
      }
    }
    return out;
  }

  /** Interior optima (usable, not extrapolated) by budget; NaN elsewhere. */
  private void optima(List<IsoFlopOptimum> optima, double[] out, int from) {
    for (IsoFlopOptimum o : optima) {
      int j = Arrays.binarySearch(budgets, o.budget());
      if (j >= 0 && o.interior()) {
        out[from + j] = o.log10Optimum();
      }
    }
  }
}
