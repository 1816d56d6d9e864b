package org.scalesweep.jobs.table;

/** A row of fits.parquet of a designed study: one statistic on the observed data, its noiseless value and the source's figure. */
public record EstimateRow(
    String statistic,
    double estimate,
    double truth,
    Double published) {}
