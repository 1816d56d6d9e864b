package org.scalesweep.published;

/**
 * One published statement a preset can speak to, as data: where it is, what it says, the quantity
 * of the preset's truth that answers it, and the published value as a range.
 *
 * <p>The range is the published figure with the precision it was printed at (a value printed as
 * −29% spans [−29.5, −28.5]), or the published range itself ("0.3–0.5%"), widened by the stated
 * tolerance. A statement is <em>encoded</em> when the preset was meant to put it into its truth:
 * then the noiseless truth must lie in the range, and a test fails when it does not.
 *
 * @param id short unique key, e.g. {@code s003-ice-sg-ng-crossover}
 * @param seed the seed paper, e.g. {@code 003}
 * @param where where in the paper, e.g. {@code §4.2}
 * @param quote the statement, quoted briefly
 * @param preset the preset's config file under {@code conf/}, or empty
 * @param quantity what is computed from the preset's truth (see the evaluator), or {@code none}
 * @param published the published figure as printed
 * @param low lower end of the published range (NaN: no computable value)
 * @param high upper end of the published range
 * @param provenance whether the published figure was an input of the truth
 * @param encoded whether the preset is meant to encode this statement (then its truth must agree)
 * @param estimate our estimate from running the preset (NaN: none)
 * @param estimateLow lower end of its 95% interval (NaN: none)
 * @param estimateHigh upper end of its 95% interval (NaN: none)
 * @param note what was done, or why a disagreement stays
 */
public record PublishedStatement(String id, String seed, String where, String quote, String preset, String quantity,
    String published, double low, double high, Provenance provenance, boolean encoded, double estimate,
    double estimateLow, double estimateHigh, String note) {

  public PublishedStatement {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("statement id must be lower-case words joined by '-', got '" + id + "'");
    }
    if (seed == null || !seed.matches("\\d{3}")) {
      throw new IllegalArgumentException("statement " + id + ": seed must be three digits, got '" + seed + "'");
    }
    if (provenance == null) {
      throw new IllegalArgumentException("statement " + id + ": provenance is required; allowed: recovered, reproduced");
    }
    if (!Double.isNaN(low) && !(low <= high)) {
      throw new IllegalArgumentException("statement " + id + ": published range needs low <= high, got [" + low + ", "
          + high + "]");
    }
    if (encoded && (Double.isNaN(low) || "none".equals(quantity))) {
      throw new IllegalArgumentException("statement " + id + " is marked encoded but has no computable quantity and "
          + "range; an encoded statement must be checkable against the truth");
    }
    if (Double.isNaN(estimateLow) != Double.isNaN(estimateHigh)) {
      throw new IllegalArgumentException("statement " + id + ": give both ends of the estimate's interval or neither");
    }
  }

  /** Whether the statement has a value the preset's truth can be compared with. */
  public boolean computable() {
    return !Double.isNaN(low) && !"none".equals(quantity);
  }

  /** Whether a value (the noiseless truth) lies in the published range. */
  public boolean agrees(double value) {
    return value >= low && value <= high;
  }

  /** Whether our estimate's 95% interval overlaps the published range (false when there is none). */
  public boolean estimateAgrees() {
    return !Double.isNaN(estimateLow) && estimateHigh >= low && estimateLow <= high;
  }
}
