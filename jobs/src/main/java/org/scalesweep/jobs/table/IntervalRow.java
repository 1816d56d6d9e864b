package org.scalesweep.jobs.table;

/** A row of intervals.parquet: one statistic of a designed study with its bootstrap interval (stage bootstrap). */
public record IntervalRow(
    String statistic,
    double estimate,
    double stdError,
    double ciLow,
    double ciHigh,
    String ciMethod,
    double truth,
    boolean coversTruth,
    Double published,
    int resamples,
    int validResamples) {}
