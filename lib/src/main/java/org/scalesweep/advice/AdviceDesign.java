package org.scalesweep.advice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.scalesweep.grid.ModelConfig;

/**
 * A sweep design the advisor reasons about: rungs (IsoFLOP curves, each with its own seed count)
 * and the items evaluated per subgroup.
 *
 * @param rungs rungs in budget order, distinct budgets (≥ 1)
 * @param items items per subgroup (0: run-level losses only)
 */
public record AdviceDesign(List<Rung> rungs, int items) implements java.io.Serializable {
  public AdviceDesign {
    if (rungs == null || rungs.isEmpty()) {
      throw new IllegalArgumentException("a design needs at least one rung");
    }
    if (items < 0) {
      throw new IllegalArgumentException("items per subgroup must be >= 0, got " + items);
    }
    rungs = rungs.stream().sorted(Comparator.comparingDouble(Rung::budget)).toList();
    for (int j = 1; j < rungs.size(); j++) {
      if (rungs.get(j).budget() == rungs.get(j - 1).budget()) {
        throw new IllegalArgumentException("two rungs at budget " + rungs.get(j).budget());
      }
    }
  }

  /** Every configuration with the same seed count: rungs grouped by budget. */
  public static AdviceDesign uniform(List<ModelConfig> configs, int seeds, int items) {
    List<Rung> out = new ArrayList<>();
    for (double b : configs.stream().mapToDouble(ModelConfig::budget).distinct().sorted().toArray()) {
      out.add(new Rung(b, configs.stream().filter(c -> c.budget() == b).toList(), seeds));
    }
    return new AdviceDesign(out, items);
  }

  /** Configurations of every rung, in budget then width order. */
  public List<ModelConfig> configs() {
    return rungs.stream().flatMap(r -> r.configs().stream()).toList();
  }

  /** Seed replicates of each configuration of {@link #configs()}. */
  public int[] seedsPerConfig() {
    return rungs.stream().flatMapToInt(r -> java.util.stream.IntStream.generate(r::seeds).limit(r.configs().size()))
        .toArray();
  }

  /** Budgets, increasing. */
  public double[] budgets() {
    return rungs.stream().mapToDouble(Rung::budget).toArray();
  }

  /** The rung at a budget, or null. */
  public Rung rung(double budget) {
    return rungs.stream().filter(r -> r.budget() == budget).findFirst().orElse(null);
  }

  /** This design with a rung added, or replacing the one at its budget. */
  public AdviceDesign with(Rung rung) {
    List<Rung> out = new ArrayList<>(rungs.stream().filter(r -> r.budget() != rung.budget()).toList());
    out.add(rung);
    return new AdviceDesign(out, items);
  }

  /** This design with another item count. */
  public AdviceDesign withItems(int n) {
    return new AdviceDesign(rungs, n);
  }

  /** Training FLOPs of every run (6ND, every seed). */
  public double trainingFlops() {
    return rungs.stream().mapToDouble(Rung::trainingFlops).sum();
  }

  /** Training runs. */
  public int runs() {
    return rungs.stream().mapToInt(Rung::runs).sum();
  }

  /**
   * Forward FLOPs of evaluating {@code items} items of {@code subgroups} subgroups on every run, at
   * {@code tokensPerItem} tokens an item: 2·N per token.
   */
  public double evaluationFlops(int subgroups, int tokensPerItem) {
    double perItem = 0;
    for (Rung r : rungs) {
      for (ModelConfig c : r.configs()) {
        perItem += r.seeds() * 2.0 * c.params() * tokensPerItem;
      }
    }
    return perItem * items * subgroups;
  }

  /** e.g. {@code 7 budgets 1e+18..1e+20 x 85 configs x 1-5 seeds x 200 items} (no commas: a CSV cell). */
  public String label() {
    int lo = rungs.stream().mapToInt(Rung::seeds).min().orElse(0);
    int hi = rungs.stream().mapToInt(Rung::seeds).max().orElse(0);
    return String.format(Locale.ROOT, "%d budgets %.0e..%.0e x %d configs x %s seeds x %d items", rungs.size(),
        rungs.get(0).budget(), rungs.get(rungs.size() - 1).budget(), configs().size(),
        lo == hi ? Integer.toString(lo) : lo + "-" + hi, items);
  }
}
