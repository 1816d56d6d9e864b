package org.scalesweep.calib;

import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Interval;
import org.scalesweep.boot.IntervalMethod;
import org.scalesweep.boot.SignTest;

/**
 * What the bootstrap decided about one statistic in one simulated replicate, beside the truth it
 * was simulated from.
 *
 * @param truth the true value
 * @param summary the bootstrap's estimate, intervals and sign p-value
 * @param alpha significance level of the sign test
 * @param lackOfFitP p-value of the relative law's lack-of-fit test on the replicate's full sample
 *     (see {@code relative.LackOfFit}); NaN when not tested
 */
public record ReplicateOutcome(double truth, BootstrapSummary summary, double alpha, double lackOfFitP)
    implements java.io.Serializable {

  /** An outcome without a lack-of-fit test. */
  public ReplicateOutcome(double truth, BootstrapSummary summary, double alpha) {
    this(truth, summary, alpha, Double.NaN);
  }

  /** Whether the lack-of-fit test rejected the relative law at α (never when untested). */
  public boolean lackOfFit() {
    return Double.isFinite(lackOfFitP) && lackOfFitP < alpha;
  }

  /** p &lt; α (a false positive when the truth is 0). */
  public boolean significant() {
    return Double.isFinite(summary.pValue()) && SignTest.significant(summary.pValue(), alpha);
  }

  /** Significant with the estimate's sign equal to the truth's (power's event; never for a zero truth). */
  public boolean correctSign() {
    return significant() && truth != 0 && Math.signum(summary.estimate()) == Math.signum(truth);
  }

  /** Significant with the opposite sign (a type S error). */
  public boolean wrongSign() {
    return significant() && truth != 0 && Math.signum(summary.estimate()) == -Math.signum(truth);
  }

  public boolean covers(IntervalMethod method) {
    Interval iv = summary.interval(method);
    return iv.contains(truth);
  }
}
