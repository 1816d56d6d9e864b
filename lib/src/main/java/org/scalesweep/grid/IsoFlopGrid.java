package org.scalesweep.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out IsoFLOP curves: for each budget, every width of the rules yields at most one model
 * configuration; widths whose batch would fall below the minimum or whose step count cannot meet
 * the budget within tolerance are dropped.
 */
public final class IsoFlopGrid {
  /** The suite's budgets (forward FLOPs): 85 configurations per corpus under {@link GridRules#suite()}. */
  public static final List<Double> SUITE_BUDGETS = List.of(1e18, 3e18, 6e18, 1e19, 3e19, 6e19, 1e20);

  private IsoFlopGrid() {}

  /** Configurations of the suite budgets under the suite rules. */
  public static List<ModelConfig> suite() {
    return configurations(SUITE_BUDGETS, GridRules.suite());
  }

  /** Configurations of all budgets, in budget order then width order. */
  public static List<ModelConfig> configurations(List<Double> budgets, GridRules rules) {
    if (budgets == null || budgets.isEmpty()) {
      throw new IllegalArgumentException("grid needs at least one budget, got " + budgets);
    }
    List<ModelConfig> all = new ArrayList<>();
    for (double b : budgets) {
      all.addAll(configurations(b, rules));
    }
    return List.copyOf(all);
  }

  /** Configurations of one budget, in width order. */
  public static List<ModelConfig> configurations(double budget, GridRules rules) {
    if (!(budget > 0) || Double.isInfinite(budget)) {
      throw new IllegalArgumentException("budget must be a positive finite FLOP count, got " + budget);
    }
    List<ModelConfig> out = new ArrayList<>();
    int step = rules.widthStep(budget);
    for (int d = rules.minWidth(); d <= rules.maxWidth(); d += step) {
      ModelConfig c = configure(budget, d, rules);
      if (c != null) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /** The configuration of width d at a budget, or null when the rules drop it. */
  static ModelConfig configure(double budget, int d, GridRules rules) {
    int depth = (int) Math.round(d / (rules.depthKappa() + rules.depthTheta() * log2(d)));
    int heads = d / rules.headSize();
    int ffn = rules.ffnMultiplier() * d;
    int s = rules.sequenceLength();
    double f = ComputeAccounting.forwardFlopsPerToken(d, depth, ffn, heads, s, rules.vocabulary());

    double ratio = budget / (f * Math.pow(2, rules.targetStepsLog2()) * s);
    long batch = ratio <= 1 ? 1 : 1L << (int) Math.ceil(log2(ratio));
    double lr = learningRate(rules, batch, d);
    while (lr > rules.learningRateCap() && batch > 1) {
      batch /= 2;
      lr = learningRate(rules, batch, d);
    }
    if (batch < rules.minBatch() || lr > rules.learningRateCap()) {
      return null;
    }
    long steps = Math.round(budget / (f * batch * s));
    double spent = f * batch * steps * s;
    if (steps < 1 || Math.abs(spent - budget) > rules.budgetTolerance() * budget) {
      return null;
    }
    long tokens = batch * steps * s;
    long params = ComputeAccounting.params(d, depth, ffn, rules.headSize(), rules.vocabulary());
    double beta2 = Math.pow(0.98, batch / 128.0);
    return new ModelConfig(budget, d, depth, heads, ffn, batch, steps, tokens, params, f, lr, beta2);
  }

  private static double learningRate(GridRules rules, long batch, int width) {
    return rules.learningRateBase() * Math.sqrt(batch) / width;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** Number of configurations per budget, in budget order. */
  public static int[] countsPerBudget(List<ModelConfig> configs, List<Double> budgets) {
    int[] counts = new int[budgets.size()];
    for (ModelConfig c : configs) {
      int i = budgets.indexOf(c.budget());
      if (i >= 0) {
        counts[i]++;
      }
    }
    return counts;
  }
}
