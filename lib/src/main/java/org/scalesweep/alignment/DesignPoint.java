package org.scalesweep.alignment;

/**
 * One configuration of seed 000's experiments.
 *
 * @param experiment which experiment
 * @param id stable id (keys its random draws)
 * @param params model size N
 * @param tokens alignment data D (0 = none, evaluated at one token as the seed does)
 * @param compute training compute C = 6ND for frontier points, else 6N·D
 * @param postTrainingCompute C_pt for post-training points, NaN otherwise
 * @param mixture alignment fraction of pretraining tokens for mixture points, NaN otherwise
 */
public record DesignPoint(Experiment experiment, String id, double params, double tokens, double compute,
    double postTrainingCompute, double mixture) implements java.io.Serializable {}
