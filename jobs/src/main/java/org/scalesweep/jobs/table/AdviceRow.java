package org.scalesweep.jobs.table;

/**
 * A row of advice.parquet: one candidate addition to the study's design and one contrast of
 * interest, scored by simulation (command advise).
 */
public record AdviceRow(
    String candidate,
    String kind,
    Double budget,
    String contrast,
    double effect,
    double flops,
    double expectedWidth,
    double expectedPower,
    double powerCounted,
    double powerLow,
    double powerHigh,
    double gainPerFlop,
    int rank,
    double analyticWidth,
    double analyticPower,
    String design,
    int runs,
    int replicates,
    int failedReplicates,
    Double allocationWidthA,
    Double allocationWidthB,
    int failedAllocation) {}
