package org.scalesweep.jobs.table;

/** A row of backtest-summary.parquet: one backtested group of runs. */
public record BacktestSummaryRow(
    String study,
    String corpus,
    String subgroup,
    String law,
    String trainBudgets,
    String heldoutBudgets,
    int points,
    double meanAbsRelError,
    double maxAbsRelError,
    double coverage,
    double level,
    int resamples,
    int validResamples,
    String fit,
    String flags,
    String reason) {}
