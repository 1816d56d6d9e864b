package org.scalesweep.jobs.table;

/**
 * One value of a designed study's analysis, between the fit stage's executor task and the driver:
 * kind {@code estimate} (observed data), {@code truth} (noiseless data) or {@code frontier:<budget>}
 * (an Approach 2 optimum of alignment-pretraining's Experiment 3, statistic params_opt, tokens_opt
 * or loss_opt).
 */
public record DesignedAnalysisRow(
    String kind,
    String statistic,
    double value) {}
