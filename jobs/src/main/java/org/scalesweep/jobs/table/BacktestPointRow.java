package org.scalesweep.jobs.table;

/** A row of backtest.parquet: one held-out point, predicted and checked against its predictive interval. */
public record BacktestPointRow(
    String study,
    String corpus,
    String subgroup,
    String law,
    double budget,
    Double params,
    Double tokens,
    double observed,
    double predicted,
    double relativeError,
    double piLow,
    double piHigh,
    boolean inside,
    Double truth,
    Boolean truthInside) {}
