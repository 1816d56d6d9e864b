package org.scalesweep.grid;

/**
 * The hyperparameter rules of the IsoFLOP suite (seed 003, App. A, with the constants of the suite's
 * public sweep code). Every model configuration of a grid is an explicit function of its width and
 * budget under these rules.
 *
 * @param minWidth smallest hidden size d (inclusive)
 * @param maxWidth largest hidden size d (inclusive)
 * @param smallStep width increment for budgets up to {@code smallStepMaxBudget}
 * @param largeStep width increment above {@code smallStepMaxBudget}
 * @param smallStepMaxBudget largest budget (forward FLOPs) that uses {@code smallStep}
 * @param depthKappa κ in L = round(d / (κ + θ·log2 d)); the suite's 64 − 9 = 55
 * @param depthTheta θ in the depth rule
 * @param headSize dimensions per attention head (heads = d / headSize)
 * @param ffnMultiplier GLU intermediate size I = ffnMultiplier · d
 * @param sequenceLength tokens per sequence s
 * @param vocabulary vocabulary size V
 * @param targetStepsLog2 log2 of the target step count used to pick the batch size (2^16 steps)
 * @param learningRateBase η_base in η = η_base·√B/d
 * @param learningRateCap largest stable learning rate; the batch is halved until η ≤ cap
 * @param minBatch configurations whose batch falls below this are dropped
 * @param budgetTolerance relative tolerance |f·B·steps·s − budget| ≤ tol·budget
 */
public record GridRules(
    int minWidth,
    int maxWidth,
    int smallStep,
    int largeStep,
    double smallStepMaxBudget,
    double depthKappa,
    double depthTheta,
    int headSize,
    int ffnMultiplier,
    int sequenceLength,
    int vocabulary,
    int targetStepsLog2,
    double learningRateBase,
    double learningRateCap,
    int minBatch,
    double budgetTolerance) implements java.io.Serializable {

  public GridRules {
    require(minWidth > 0, "minWidth", minWidth, "> 0");
    require(maxWidth >= minWidth, "maxWidth", maxWidth, ">= minWidth (" + minWidth + ")");
    require(smallStep > 0, "smallStep", smallStep, "> 0");
    require(largeStep > 0, "largeStep", largeStep, "> 0");
    require(smallStepMaxBudget > 0, "smallStepMaxBudget", smallStepMaxBudget, "> 0");
    require(headSize > 0 && minWidth % headSize == 0, "headSize", headSize, "> 0 and dividing minWidth");
    require(ffnMultiplier > 0, "ffnMultiplier", ffnMultiplier, "> 0");
    require(sequenceLength > 0, "sequenceLength", sequenceLength, "> 0");
    require(vocabulary > 0, "vocabulary", vocabulary, "> 0");
    require(targetStepsLog2 >= 0 && targetStepsLog2 < 40, "targetStepsLog2", targetStepsLog2, "in [0, 40)");
    require(learningRateBase > 0, "learningRateBase", learningRateBase, "> 0");
    require(learningRateCap > 0, "learningRateCap", learningRateCap, "> 0");
    require(minBatch >= 1, "minBatch", minBatch, ">= 1");
    require(budgetTolerance > 0 && budgetTolerance < 1, "budgetTolerance", budgetTolerance, "in (0, 1)");
  }

  /** The suite's rules: d 512…4096, step 128 up to 9e18 then 256, s=4096, V=128,256, η cap 0.01. */
  public static GridRules suite() {
    return new GridRules(512, 4096, 128, 256, 9e18, 55.0, 4.0, 128, 4, 4096, 128_256, 16, 0.33, 0.01, 8, 0.01);
  }

  /** Width increment for a budget. */
  public int widthStep(double budget) {
    return budget <= smallStepMaxBudget ? smallStep : largeStep;
  }

  private static void require(boolean ok, String key, Object value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException("grid rule " + key + " = " + value + " is invalid; allowed: " + allowed);
    }
  }
}
