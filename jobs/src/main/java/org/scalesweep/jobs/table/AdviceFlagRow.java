package org.scalesweep.jobs.table;

/**
 * A row of advice_flags.parquet: one finding about an ingested suite (a run off its IsoFLOP curve,
 * a budget whose optimum its sizes do not bracket) and the candidate that answers it (command advise).
 */
public record AdviceFlagRow(
    String flag,
    @Nullable String runId,
    @Nullable String config,
    double budget,
    Double params,
    Double value,
    Double threshold,
    double sampledParamsLow,
    double sampledParamsHigh,
    @Nullable String side,
    @Nullable String candidate,
    Integer candidateRank,
    boolean inPlan,
    String reason) {}
