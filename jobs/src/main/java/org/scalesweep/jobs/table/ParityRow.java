package org.scalesweep.jobs.table;

/**
 * A row of report/parity.csv: the compute at which a treatment's relative curve reaches G = 1, with its
 * confidence set, and G at the ends of the studied budgets (stage report).
 */
public record ParityRow(
    String study,
    String corpus,
    String baseline,
    String treatment,
    double log10Parity,
    double ciLow,
    double ciHigh,
    String ciShape,
    boolean resolved,
    double budgetLow,
    double budgetHigh,
    double gAtLow,
    double gAtHigh,
    double level,
    int resamples) {}
