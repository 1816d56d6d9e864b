package org.scalesweep.jobs.table;

/** A row of calibration_summary.parquet: the operating characteristics of one calibrated statistic over its replicates (command calibrate). */
public record CalibrationSummaryRow(
    String kind,
    String truth,
    String scheme,
    String study,
    String corpus,
    String statistic,
    @Nullable String baseline,
    @Nullable String treatment,
    int replicates,
    double trueValue,
    Double falsePositiveRate,
    Double ciLow,
    Double ciHigh,
    Double power,
    Double powerLow,
    Double powerHigh,
    long wrongSign,
    double coveragePercentile,
    double coveragePercentileLow,
    double coveragePercentileHigh,
    double coverageBca,
    double coverageBcaLow,
    double coverageBcaHigh,
    double coverageExpanded,
    double coverageExpandedLow,
    double coverageExpandedHigh,
    double bias,
    double spread,
    double meanStdError,
    double seRatio,
    double level,
    /** Root mean squared error of the estimate against the truth. */
    double rmse,
    /** Share of replicates whose lack-of-fit test rejected, with its exact interval; null when untested. */
    Double lackOfFitRate,
    Double lackOfFitLow,
    Double lackOfFitHigh,
    /** Monte Carlo 95% interval of the false-positive rate over whole replicates (null truth only). */
    Double fprMcLow,
    Double fprMcHigh,
    /** Monte Carlo 95% interval of percentile coverage over whole replicates. */
    double coveragePercentileMcLow,
    double coveragePercentileMcHigh,
    /** Exact size of the discrete two-sided sign test at this B and α, under a uniform count (Δβ, null truth). */
    Double exactSize) {}
