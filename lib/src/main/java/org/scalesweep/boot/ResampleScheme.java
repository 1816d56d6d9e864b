package org.scalesweep.boot;

import java.util.Locale;

/** What a bootstrap resample redraws. */
public enum ResampleScheme implements Keyed {
  /**
   * Blocks of runs (by architecture across budgets, or by single configuration), with all their
   * seed replicates and items: captures run-to-run noise and model-selection variability. The
   * published relative-scaling analysis did this. Conservative (rejects 1–2% of true nulls at a
   * nominal 5%).
   */
  CLUSTER("cluster"),
  /**
   * Evaluation items within each subgroup, runs held fixed: captures only which questions were
   * asked. Ignores run-to-run (seed) noise, so it is anti-conservative when that noise is present.
   */
  ITEMS("items"),
  /**
   * Clusters of runs and items together (product weights). Not "the most complete" scheme: a run
   * mean's item noise is already part of the run-to-run variation the cluster weights redraw, so
   * multiplying in item weights counts the run × item noise twice (standard errors about 1.8× the
   * actual spread, docs/CALIBRATION.md). Very conservative; kept for comparison.
   */
  TWO_WAY("two-way"),
  /**
   * Wild cluster bootstrap: every run keeps its configuration and weight; its loss is its IsoFLOP
   * parabola's fitted value plus its leverage-corrected (HC2) residual with a random sign shared by
   * its cluster (Rademacher). Captures all run-level noise (seed, subgroup and item) without
   * resampling the fixed design, which is what makes the cluster scheme conservative.
   */
  WILD("wild"),
  /**
   * Restricted wild cluster bootstrap-t: the wild scheme's resamples, drawn from the data with each
   * contrast's null (Δβ = 0) imposed on its treatment's fitted losses, Webb six-point signs when the
   * clusters are few, and every resample studentized by its own leave-one-cluster-out (CR3-type)
   * standard error. A resample's Δβ value is the pseudo-draw Δβ̂ − se(Δβ̂)·t*, so the sign p-value
   * is the equal-tailed bootstrap-t p-value and the percentile interval the bootstrap-t interval.
   * Calibrated to nominal size in docs/CALIBRATION.md.
   */
  WILD_T("wild-t"),
  /**
   * The analytical reference, no resampling: Δβ is the OLS slope of the per-budget log-ratios
   * ln E_t − ln E_b on ln F, so its t statistic over the slope's standard error has a t reference
   * with (budgets − 2) degrees of freedom when the budgets' errors are independent. Resample b's
   * value is the pseudo-draw Δβ̂ − se·q_b with q_b a keyed t draw, so the sign p-value is a Monte
   * Carlo t-test p-value and the percentile interval Δβ̂ ± t·se. Sees only the scatter of the
   * log-ratios about their line: not item-sampling noise common to every budget's runs.
   */
  BUDGET_T("budget-t"),
  /**
   * The default: the weighted analytical budget-level t, no resampling. Δβ is tested by the
   * weighted least-squares slope of the per-budget log-ratios ln E_t − ln E_b on ln F, each budget
   * weighted by the inverse of its log-ratio's delta-method variance (the residual variance of the
   * per-run loss ratios about the budget's IsoFLOP parabola times the parabola's variance factor at
   * the frontier vertex), with the scale re-estimated from the weighted residuals and a t reference
   * with (budgets − 2) degrees of freedom. The weights take out the heteroscedasticity that makes
   * {@link #BUDGET_T} over-reject (the smallest budget, with the fewest configurations and the
   * most leverage). Resample b's value is the pseudo-draw Δβ̂_w − se_w·q_b with q_b a keyed t draw;
   * the percentile interval is Δβ̂_w ± t·se_w, centred on the weighted slope.
   */
  BUDGET_WLS("budget-wls");

  private final String key;

  ResampleScheme(String key) {
    this.key = key;
  }

  /** The configuration spelling ({@code cluster}, {@code items}, {@code two-way}, {@code wild}, {@code wild-t}, …). */
  @Override
  public String key() {
    return key;
  }

  /** Whether resamples reweight clusters of runs. */
  public boolean resamplesRuns() {
    return this == CLUSTER || this == TWO_WAY;
  }

  /** Whether resamples reweight items within subgroups. */
  public boolean resamplesItems() {
    return this == ITEMS || this == TWO_WAY;
  }

  /** Whether resamples flip the signs of run residuals by cluster. */
  public boolean flipsResiduals() {
    return this == WILD || this == WILD_T;
  }

  /**
   * Whether a resample's Δβ is a studentized pseudo-draw Δβ̂ − se·t* rather than a draw of Δβ
   * itself (its γ and β are the restricted resample's values under wild-t, the estimates under
   * budget-t; raw Δβ* = β_b* − β_t*).
   */
  public boolean studentized() {
    return this == WILD_T || analytical();
  }

  /**
   * Whether the scheme draws nothing from the data: its resamples are keyed t quantiles around an
   * analytical standard error, so there is no joint resampling law (e.g. of two contrasts, for a
   * crossover set).
   */
  public boolean analytical() {
    return this == BUDGET_T || this == BUDGET_WLS;
  }

  /** Parses the configuration spelling; the message lists the allowed values. */
  public static ResampleScheme parse(String s) {
    return Keyed.parse(ResampleScheme.class, s, "bootstrap scheme");
  }

  @Override
  public String toString() {
    return key.toLowerCase(Locale.ROOT);
  }
}
