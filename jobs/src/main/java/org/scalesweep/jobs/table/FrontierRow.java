package org.scalesweep.jobs.table;

/** A row of frontier.parquet: the compute-optimal point of one budget and a subgroup's loss there (stage fit). */
public record FrontierRow(
    String study,
    String corpus,
    String subgroup,
    double budget,
    double tokensOpt,
    double paramsOpt,
    double lossOpt,
    boolean usable,
    boolean extrapolated) {}
