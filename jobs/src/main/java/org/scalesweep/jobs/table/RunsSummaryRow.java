package org.scalesweep.jobs.table;

/** A row of report/runs_summary.csv: one run of one subgroup, averaged over its seed replicates (stage report). */
public record RunsSummaryRow(
    String study,
    String corpus,
    String subgroup,
    String runId,
    double budget,
    long params,
    long tokens,
    double flops,
    Integer width,
    Integer depth,
    Integer heads,
    Long batch,
    Long steps,
    Double learningRate,
    double loss,
    Double lossSd,
    Double accuracy,
    int replicates) {}
