package org.scalesweep.jobs.table;

/** A row of calibration_replicates.parquet: one simulated replicate of one calibrated statistic (command calibrate). */
public record CalibrationReplicateRow(
    String kind,
    String truth,
    String scheme,
    String study,
    String corpus,
    String statistic,
    @Nullable String baseline,
    @Nullable String treatment,
    long replicate,
    double trueValue,
    double estimate,
    double stdError,
    double pValue,
    boolean significant,
    boolean correctSign,
    boolean wrongSign,
    double pctLow,
    double pctHigh,
    double bcaLow,
    double bcaHigh,
    double expLow,
    double expHigh,
    int resamples,
    int validResamples,
    double alpha,
    double level,
    /** The replicate's lack-of-fit p-value (lib relative.LackOfFit); null when untestable. */
    Double lackOfFitP) {}
