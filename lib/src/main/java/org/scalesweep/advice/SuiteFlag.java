package org.scalesweep.advice;

/**
 * One finding about an ingested suite (advice_flags.parquet).
 *
 * @param kind what is wrong
 * @param runId the flagged run (its configuration; null for a budget flag)
 * @param budget the budget (forward FLOPs)
 * @param params N of the flagged run (NaN for a budget flag)
 * @param value the residual r of an {@link FlagKind#OFF_CURVE} run; log10 N* of the vertex of an
 *     {@link FlagKind#OPTIMUM_OUTSIDE} budget (NaN when there is none)
 * @param threshold |r| beyond which a run is flagged (NaN for budget flags)
 * @param sampledLow smallest N trained on the budget
 * @param sampledHigh largest N trained on the budget
 * @param side for a budget flag, where the optimum lies: {@code above} (larger N than trained) or
 *     {@code below}; {@code ""} for a run flag
 * @param reason why, in words, with the numbers
 */
public record SuiteFlag(FlagKind kind, String runId, double budget, double params, double value, double threshold,
    double sampledLow, double sampledHigh, String side, String reason) implements java.io.Serializable {
  /** Side of a budget whose optimum lies at larger N than trained. */
  public static final String ABOVE = "above";
  /** Side of a budget whose optimum lies at smaller N than trained. */
  public static final String BELOW = "below";

  public SuiteFlag {
    if (kind == null || reason == null || side == null) {
      throw new IllegalArgumentException("a flag needs a kind, a side and a reason");
    }
    if (kind == FlagKind.OFF_CURVE && (runId == null || !side.isEmpty())) {
      throw new IllegalArgumentException("an off-curve flag names its run and no side, got " + runId + ", " + side);
    }
    if (kind != FlagKind.OFF_CURVE && !side.equals(ABOVE) && !side.equals(BELOW)) {
      throw new IllegalArgumentException("a budget flag's side is " + ABOVE + " or " + BELOW + ", got '" + side + "'");
    }
  }
}
