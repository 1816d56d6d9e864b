package org.scalesweep.jobs.table;

/** A row of calibration.parquet: one loss → accuracy calibration fit of an item-level case study (stage fit). */
public record CalibrationRow(
    String study,
    String method,
    double floor,
    double a,
    double b,
    long items,
    int bins,
    double maxAbsDiffVsMllib,
    boolean converged,
    String flags) {}
