package org.scalesweep.fit;

/**
 * How {@link JointLawFitter#refit(RefitMethod, org.scalesweep.law.JointLaw, double[], double[], double[],
 * double[])} (and {@link RunLawFit#withRefitMethod}) refits Approach 3 from one warm start (a bootstrap
 * resample started at the full-sample optimum). Both minimise the same summed-Huber log-space
 * objective from the same start; {@code WarmPolishRefitTest} compares them on the fit-runs benchmark's
 * resamples (the same optimum on all but one in 4,000, see {@link #POLISH_FROM_WARM_START}).
 */
public enum RefitMethod {
  /**
   * L-BFGS from the warm start, then the Levenberg–Marquardt polish ({@link LevenbergMarquardt},
   * IRLS steps) of its end point; the fit is converged when L-BFGS converged. The default, and the
   * path of every refit before this setting existed, so its callers' outputs are unchanged.
   */
  LBFGS_THEN_POLISH,
  /**
   * Levenberg–Marquardt directly from the warm start, on the loss's own curvature
   * ({@code NewtonLevenbergMarquardt}: about 20 steps instead of L-BFGS's 60–80 plus 8 polish
   * steps), at most {@value JointLawFitter#WARM_POLISH_ITERATIONS} iterations. Its end point is
   * accepted only when it reports convergence, its objective is finite, the gradient's ∞-norm is at
   * most {@value JointLawFitter#WARM_POLISH_GRADIENT} × the objective (or L-BFGS's gradient tolerance
   * {@value JointLawFitter#WARM_POLISH_GRADIENT_FLOOR}, whichever is larger), and the fit carries no flag
   * (no boundary, no collapsed term, enough configurations). Otherwise the refit falls back to
   * {@link #LBFGS_THEN_POLISH} from the same warm start and returns exactly that path's fit, with
   * {@link JointLawFitter#FELL_BACK} in its note ({@link JointLawFitter#fellBack(Fit)}), so flags,
   * {@code converged} and iteration counts keep their meaning; an accepted fit counts the Newton
   * iterations.
   *
   * <p>Like L-BFGS it is a local search: on a nearly piecewise-linear objective (most residuals beyond
   * Huber's δ) with a flat A–α valley the two can stop in different shallow local minima. On the
   * fit-runs benchmark's 4,000 resamples ({@code WarmPolishRefitTest}) it reached the old path's
   * objective within 1e-9 relative or a lower one in 3,999 and a local minimum 1.3e-6 above it in one
   * (where a cold profiled fit agrees with the old path); no check short of the old path's own work
   * detects that case, so it is not detected.
   */
  POLISH_FROM_WARM_START
}
