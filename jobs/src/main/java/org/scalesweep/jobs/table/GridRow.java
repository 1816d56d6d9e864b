package org.scalesweep.jobs.table;

/** A row of grid.parquet: one model configuration of one corpus (stage grid). */
public record GridRow(
    String corpus,
    String runId,
    double budget,
    int width,
    int depth,
    int heads,
    int ffn,
    long batch,
    long steps,
    long tokens,
    long params,
    double flopsPerToken,
    double forwardFlops,
    double flops,
    double learningRate,
    double beta2,
    String architecture) {}
