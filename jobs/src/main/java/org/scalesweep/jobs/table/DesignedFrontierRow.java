package org.scalesweep.jobs.table;

/** A row of frontier.parquet of alignment-pretraining: Experiment 3's Approach 2 optimum of one budget. */
public record DesignedFrontierRow(
    double budget,
    double paramsOpt,
    double tokensOpt,
    double lossOpt,
    String flags) {}
