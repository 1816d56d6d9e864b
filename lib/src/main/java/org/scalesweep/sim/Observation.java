package org.scalesweep.sim;

/**
 * What one run replicate measures on one subgroup.
 *
 * @param loss mean loss over the subgroup's items (or the run-level draw when items are not simulated)
 * @param accuracy fraction of items answered correctly, NaN when accuracy is not simulated
 * @param items items behind the values (0 for a run-level draw)
 */
public record Observation(double loss, double accuracy, int items) {}
