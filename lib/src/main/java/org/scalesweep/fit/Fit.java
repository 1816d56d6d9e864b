package org.scalesweep.fit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.scalesweep.law.Law;

/**
 * A fitted law with everything needed to judge it. {@code law} is null only when no estimate could
 * be formed, and then {@code flags} says why; estimates are never silently NaN.
 *
 * @param law the estimate, or null
 * @param objective the minimised objective (summed robust loss, or residual sum of squares)
 * @param converged whether the optimiser met a convergence criterion (true for closed forms)
 * @param iterations optimiser iterations of the accepted run (0 for closed forms)
 * @param flags what is wrong, empty when nothing is
 * @param points points with positive weight
 * @param rSquared 1 − SS_res/SS_tot of the law's values against the data on its natural scale
 * @param starts starts tried (1 for single-start and closed-form fits)
 * @param startsConverged starts that converged
 * @param note human-readable reason for the flags, empty when there are none
 */
public record Fit<L extends Law>(
    L law,
    double objective,
    boolean converged,
    int iterations,
    Set<FitFlag> flags,
    int points,
    double rSquared,
    int starts,
    int startsConverged,
    String note) {

  public Fit {
    flags = flags.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    note = note == null ? "" : note;
    if (law == null && flags.isEmpty()) {
      throw new IllegalArgumentException("a fit without an estimate must carry a flag saying why");
    }
  }

  /** A fit that produced no estimate. */
  public static <L extends Law> Fit<L> failed(FitFlag flag, int points, String note) {
    return new Fit<>(null, Double.NaN, false, 0, EnumSet.of(flag), points, Double.NaN, 0, 0, note);
  }

  /** True when an estimate exists and no flag is raised. */
  public boolean ok() {
    return law != null && flags.isEmpty();
  }

  public boolean hasEstimate() {
    return law != null;
  }

  /** The parameters, or NaNs (with flags set) when there is no estimate. */
  public double[] parametersOrNaN(int count) {
    if (law != null) {
      return law.parameters();
    }
    double[] nan = new double[count];
    java.util.Arrays.fill(nan, Double.NaN);
    return nan;
  }

  /** Flags as a sorted, comma-separated string ("" when none), for tables. */
  public String flagString() {
    return FitFlags.join(flags);
  }
}
