package org.scalesweep.jobs.table;

/** One simulated replicate's verdict of one design and effect (stage power, between its two passes). */
public record PowerOutcomeRow(
    int design,
    int effect,
    long replicate,
    boolean correctSign,
    boolean significant,
    boolean wrongSign,
    double estimate) {}
