package org.scalesweep.jobs.table;

/**
 * A row of advice_plan.parquet: the base design, a step of the advisor's greedy plan or a rung of a
 * uniform extension, with what simulation expects of it for one contrast of interest (command advise).
 */
public record AdvicePlanRow(
    String plan,
    int step,
    @Nullable String candidate,
    String contrast,
    double effect,
    double flops,
    double cumulativeFlops,
    double totalFlops,
    String design,
    int runs,
    double expectedWidth,
    double expectedPower,
    double powerCounted,
    double powerLow,
    double powerHigh,
    double analyticPower,
    boolean reachesTarget,
    int replicates,
    Double allocationWidthA,
    Double allocationWidthB) {}
