package org.scalesweep.jobs.table;

/** A row of designs.parquet: the smallest design that reaches the target power at one effect (stage power); null design when none does. */
public record PowerDesignRow(
    double effect,
    double changePerDecade,
    double target,
    @Nullable String design,
    Integer runs,
    Double power,
    Double powerLow,
    Double powerHigh) {}
