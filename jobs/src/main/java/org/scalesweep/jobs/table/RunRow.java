package org.scalesweep.jobs.table;

/** A row of runs.parquet: one run replicate of one subgroup (stage simulate or ingest); width and depth are null for ingested runs that do not state them. */
public record RunRow(
    String study,
    String corpus,
    String subgroup,
    String runId,
    int seed,
    double budget,
    Integer width,
    Integer depth,
    long params,
    long tokens,
    double flops,
    double loss,
    Double accuracy,
    int items) {}
