package org.scalesweep.jobs.table;

/** A row of power.parquet: the power of one design at one effect (stage power). */
public record PowerRow(
    String design,
    int configsPerBudget,
    int budgets,
    int items,
    int seeds,
    int runs,
    double effect,
    double changePerDecade,
    int replicates,
    double power,
    double powerLow,
    double powerHigh,
    double rejectionRate,
    long wrongSign,
    double meanEstimate,
    String scheme,
    double alpha) {}
