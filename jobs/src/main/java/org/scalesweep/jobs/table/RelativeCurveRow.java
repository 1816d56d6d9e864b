package org.scalesweep.jobs.table;

/** A row of report/relative_curves.csv: a contrast's relative curve at one compute, with its pointwise band (stage report). */
public record RelativeCurveRow(
    String study,
    String corpus,
    String baseline,
    String treatment,
    double flops,
    boolean atBudget,
    Double observed,
    Double fit,
    Double bandLow,
    Double bandHigh,
    double level,
    int resamples) {}
