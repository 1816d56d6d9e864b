package org.scalesweep.jobs.table;

/** A row of significance.parquet: one contrast of a case study on one corpus (stage bootstrap). */
public record SignificanceRow(
    String study,
    String corpus,
    String baseline,
    String treatment,
    double deltaBeta,
    double gamma,
    double betaBaseline,
    double betaTreatment,
    double changePerDecade,
    double ciLow,
    double ciHigh,
    String ciMethod,
    double pctLow,
    double pctHigh,
    double bcaLow,
    double bcaHigh,
    double stdError,
    double pValue,
    boolean significant,
    double alpha,
    double level,
    int resamples,
    int validResamples,
    int failedResamples,
    String scheme,
    String clusterBy,
    Double trueDeltaBeta,
    Boolean coversTruth,
    String flags,
    String reason,
    /** The relative law's lack-of-fit F statistic across budgets (lib relative.LackOfFit); NaN when untestable. */
    double lackOfFitF,
    /** Its p-value; NaN when untestable. */
    double lackOfFitP,
    /** Benjamini–Hochberg q-value within the case study (all its corpora); NaN until adjusted. */
    double qValue,
    /** Holm-adjusted p-value within the case study; NaN until adjusted. */
    double pHolm,
    /** `paired` (subgroups of the same models) or `unpaired` (one subgroup between separately trained sweeps). */
    String pairing,
    /** The sweep (corpus) of the baseline: the row's corpus when paired. */
    String baselineSweep,
    /** The sweep of the treatment: the row's corpus when paired. */
    String treatmentSweep,
    /** Budgets the test uses: usable by both subgroups (paired) or trained by both sweeps (unpaired). */
    int commonBudgets) {

  /** `paired`, the value of {@link #pairing} for contrasts between subgroups of the same models. */
  public static final String PAIRED = "paired";
  /** `unpaired`. */
  public static final String UNPAIRED = "unpaired";

  /** The same row with its multiplicity-adjusted p-values. */
  public SignificanceRow withAdjusted(double q, double holm) {
    return new SignificanceRow(study, corpus, baseline, treatment, deltaBeta, gamma, betaBaseline, betaTreatment,
        changePerDecade, ciLow, ciHigh, ciMethod, pctLow, pctHigh, bcaLow, bcaHigh, stdError, pValue, significant,
        alpha, level, resamples, validResamples, failedResamples, scheme, clusterBy, trueDeltaBeta, coversTruth, flags,
        reason, lackOfFitF, lackOfFitP, q, holm, pairing, baselineSweep, treatmentSweep, commonBudgets);
  }
}
