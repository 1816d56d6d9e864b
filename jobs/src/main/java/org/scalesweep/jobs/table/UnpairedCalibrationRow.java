package org.scalesweep.jobs.table;

/**
 * A row of calibration_unpaired.parquet (command {@code calibrate --unpaired}): the unpaired Δβ test's
 * rejection and coverage rates in one cell (case study, truth, grids, subgroup) over R replicate
 * pairs of separately simulated sweeps; subgroup {@code all} pools the cell's subgroups.
 */
public record UnpairedCalibrationRow(
    String study,
    /** Corpus whose truth both sweeps are simulated from. */
    String corpus,
    /** `null` (both sweeps share the truth) or `effect` (every subgroup's Δβ = the effect on the treatment sweep). */
    String truth,
    /** `equal` (both sweeps on the study's grid) or `different` (the treatment sweep on the thinned grid). */
    String grids,
    String subgroup,
    int replicates,
    /** Δβ of the noiseless pair of sweeps on these grids (NaN for `all`). */
    double trueDeltaBeta,
    /** Rejections of Δβ = 0 at alpha over the estimable contrasts: the false-positive rate under `null`, power under `effect`. */
    double rejectionRate,
    double rejectionLow,
    double rejectionHigh,
    /** Coverage of true_delta_beta by the t interval at level. */
    double coverage,
    double coverageLow,
    double coverageHigh,
    long notEstimable,
    double meanEstimate,
    double rmse,
    double meanStdError,
    /** Configurations of the baseline sweep's grid and of the treatment sweep's. */
    int configsBaseline,
    int configsTreatment,
    String scheme,
    double alpha,
    double level) {}
