package org.scalesweep.jobs.table;

/** A row of fits.parquet: one fitted parameter (stage fit, and fit-runs); the bootstrap columns are null where the fit was not bootstrapped. */
public record FitRow(
    String study,
    String corpus,
    String subgroup,
    String law,
    String fitOn,
    String param,
    double estimate,
    double objective,
    double rSquared,
    boolean converged,
    int points,
    int starts,
    int startsConverged,
    int iterations,
    String flags,
    String reason,
    Double stdError,
    Double ciLow,
    Double ciHigh,
    Integer resamples,
    Integer validResamples,
    /** Resamples whose refit failed (counted, never dropped silently); null where not bootstrapped. */
    Integer failedResamples) {}
