package org.scalesweep.relative;

import java.util.Arrays;
import java.util.List;

/**
 * The run-level observations of one corpus, as parallel arrays: everything the frontier and the
 * relative fits need, small enough to broadcast. {@code loss[g][r]} is subgroup g's loss on run r,
 * averaged over seed replicates. Immutable (arrays are copied in and out).
 *
 * @param corpus corpus name
 * @param budget compute budget of each run (the F of E(F))
 * @param params parameters N of each run
 * @param tokens tokens D of each run
 * @param cluster bootstrap cluster key of each run (architecture or configuration)
 * @param subgroups subgroup names, index g of {@code loss}
 * @param frontierSubgroup the subgroup whose loss defines the compute-optimal point of each budget
 * @param loss [subgroup][run] losses, positive
 */
public record CorpusRuns(String corpus, double[] budget, double[] params, double[] tokens, long[] cluster,
    List<String> subgroups, String frontierSubgroup, double[][] loss) implements java.io.Serializable {

  public CorpusRuns {
    if (corpus == null || corpus.isBlank()) {
      throw new IllegalArgumentException("corpus name must be non-empty");
    }
    int n = budget.length;
    if (n == 0) {
      throw new IllegalArgumentException("corpus " + corpus + " has no runs");
    }
    if (params.length != n || tokens.length != n || cluster.length != n) {
      throw new IllegalArgumentException("corpus " + corpus + ": per-run arrays differ in length");
    }
    subgroups = List.copyOf(subgroups);
    if (!subgroups.contains(frontierSubgroup)) {
      throw new IllegalArgumentException("corpus " + corpus + ": frontier subgroup '" + frontierSubgroup
          + "' is not among " + subgroups);
    }
    if (loss.length != subgroups.size()) {
      throw new IllegalArgumentException("corpus " + corpus + ": " + loss.length + " loss rows for "
          + subgroups.size() + " subgroups");
    }
    for (int r = 0; r < n; r++) {
      check(corpus, "budget", r, budget[r]);
      check(corpus, "params", r, params[r]);
      check(corpus, "tokens", r, tokens[r]);
    }
    double[][] copy = new double[loss.length][];
    for (int g = 0; g < loss.length; g++) {
      if (loss[g].length != n) {
        throw new IllegalArgumentException("corpus " + corpus + " subgroup " + subgroups.get(g) + ": "
            + loss[g].length + " losses for " + n + " runs");
      }
      for (int r = 0; r < n; r++) {
        if (!(loss[g][r] > 0) || Double.isInfinite(loss[g][r])) {
          throw new IllegalArgumentException("corpus " + corpus + " subgroup " + subgroups.get(g) + " run " + r
              + ": loss = " + loss[g][r] + " must be a positive finite number");
        }
      }
      copy[g] = loss[g].clone();
    }
    budget = budget.clone();
    params = params.clone();
    tokens = tokens.clone();
    cluster = cluster.clone();
    loss = copy;
  }

  private static void check(String corpus, String what, int r, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("corpus " + corpus + " run " + r + ": " + what + " = " + v
          + " must be a positive finite number");
    }
  }

  public int runs() {
    return budget.length;
  }

  public int subgroupIndex(String name) {
    int i = subgroups.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("corpus " + corpus + " has no subgroup '" + name + "'; known: " + subgroups);
    }
    return i;
  }

  /** Distinct budgets in increasing order. */
  public double[] distinctBudgets() {
    return Arrays.stream(budget).distinct().sorted().toArray();
  }

  /** Distinct cluster keys in increasing order (the jackknife's leave-one-out units). */
  public long[] distinctClusters() {
    return Arrays.stream(cluster).distinct().sorted().toArray();
  }

  @Override
  public double[] budget() {
    return budget.clone();
  }

  @Override
  public double[] params() {
    return params.clone();
  }

  @Override
  public double[] tokens() {
    return tokens.clone();
  }

  @Override
  public long[] cluster() {
    return cluster.clone();
  }

  @Override
  public double[][] loss() {
    double[][] copy = new double[loss.length][];
    for (int g = 0; g < loss.length; g++) {
      copy[g] = loss[g].clone();
    }
    return copy;
  }

  /** Read-only view of subgroup g's losses for hot loops (do not modify). */
  double[] lossRow(int g) {
    return loss[g];
  }

  double budgetAt(int r) {
    return budget[r];
  }

  double tokensAt(int r) {
    return tokens[r];
  }

  double paramsAt(int r) {
    return params[r];
  }
}
