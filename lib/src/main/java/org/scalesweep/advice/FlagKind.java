package org.scalesweep.advice;

import java.util.Locale;

/** What is wrong with a part of an ingested suite, as {@link SuiteFlags} finds it. */
public enum FlagKind {
  /**
   * A configuration whose loss is off its IsoFLOP curve (possibly mis-tuned): its robust residual
   * from the overall loss's fitted joint law, r = ln ℓ̄ − ln L̂(N, D) − median(r), exceeds
   * {@link SuiteFlags#offCurveSigmas} (at least 3) standard deviations σ̂: the suite's residuals'
   * robust scale (1.4826·MAD) and the seed noise of the configuration's mean in quadrature (see
   * {@link SuiteFlags}).
   */
  OFF_CURVE,
  /**
   * A budget whose IsoFLOP parabola (the frontier's, as the fit stage places it) has its vertex
   * N* outside the sizes trained on that budget.
   */
  OPTIMUM_OUTSIDE,
  /**
   * A budget whose IsoFLOP parabola cannot place an optimum at all: fewer than 3 distinct sizes, or
   * a curve that is flat or opens downward.
   */
  OPTIMUM_UNPLACED;

  /** The spelling in advice_flags.parquet, e.g. {@code off-curve}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
