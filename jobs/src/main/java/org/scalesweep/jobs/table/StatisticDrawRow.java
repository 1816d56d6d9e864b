package org.scalesweep.jobs.table;

/** One resample's value of one statistic of a designed study (between the bootstrap stage's passes). */
public record StatisticDrawRow(
    String statistic,
    long resample,
    double value) {}
