package org.scalesweep.jobs.table;

/** A row of boot/: one resample's statistics of one contrast or crossover (stage bootstrap, with bootstrap.write-draws). */
public record DrawRow(
    String kind,
    String study,
    String corpus,
    String baseline,
    String treatment,
    int index,
    long resample,
    double deltaBeta,
    double gamma,
    double betaBaseline,
    double betaTreatment) {}
