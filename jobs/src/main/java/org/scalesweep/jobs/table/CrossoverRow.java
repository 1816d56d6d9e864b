package org.scalesweep.jobs.table;

/** A row of crossovers.parquet: where two treatments' relative curves cross (stage bootstrap). */
public record CrossoverRow(
    String study,
    String corpus,
    @Column("treatment_1") String treatment1,
    @Column("treatment_2") String treatment2,
    double log10Crossover,
    double ciLow,
    double ciHigh,
    /** Shape of the Fieller-type confidence set [ci_low, ci_high] (lib relative.CrossoverSet.Shape). */
    String ciShape,
    boolean inRange,
    int resamples,
    int validResamples,
    int failedResamples) {}
