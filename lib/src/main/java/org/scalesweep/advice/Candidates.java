package org.scalesweep.advice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.scalesweep.grid.GridRules;
import org.scalesweep.grid.IsoFlopGrid;
import org.scalesweep.grid.ModelConfig;

/**
 * The candidate additions to a design: one more seed on each rung (and twice its seeds once it has
 * two or more), two configurations nearer
 * (narrow) or farther (wide) from each rung's optimum among the widths the grid rules allow, new
 * rungs at a half, a third and a tenth of the smallest budget and three times the largest (every
 * configuration the rules allow there, spread to the design's widest rung), and twice the items.
 * Every configuration comes from {@link IsoFlopGrid#configurations(double, GridRules)} (or, for a
 * rerun, is one the suite trained), so every candidate keeps the design a valid grid; then the
 * {@code fixed} candidates that still add something (replacing a generated candidate that adds the
 * same configurations to the same budget).
 *
 * @param rules the suite's grid rules
 * @param maxSeeds most seed replicates per configuration a candidate may reach
 * @param maxItems most items per subgroup (the design's own: no item candidate)
 * @param configsPerCandidate configurations a narrow or wide candidate adds
 * @param fixed candidates offered as long as they still add a configuration to the design: the
 *     "rerun / extend" answers to an ingested suite's flags ({@link SuiteFlags#candidates}); empty for
 *     a simulated study
 */
public record Candidates(GridRules rules, int maxSeeds, int maxItems, int configsPerCandidate, List<Candidate> fixed)
    implements java.io.Serializable {
  /** Factors of the smallest (below) and largest (above) budget where a new rung may go. */
  static final double[] BELOW = {1.0 / 2, 1.0 / 3, 1.0 / 10};
  static final double[] ABOVE = {3};
  /** Fewest configurations a rung needs (a parabola). */
  public static final int MIN_CONFIGS = 3;

  /** No fixed candidates. */
  public Candidates(GridRules rules, int maxSeeds, int maxItems, int configsPerCandidate) {
    this(rules, maxSeeds, maxItems, configsPerCandidate, List.of());
  }

  public Candidates {
    fixed = List.copyOf(fixed);
    if (maxSeeds < 1 || maxItems < 0 || configsPerCandidate < 1) {
      throw new IllegalArgumentException("max seeds >= 1, max items >= 0 and configurations per candidate >= 1, got "
          + maxSeeds + ", " + maxItems + ", " + configsPerCandidate);
    }
  }

  /**
   * Candidates for a design, in a fixed order (kind, then budget).
   *
   * @param loss the noiseless loss of a configuration (orders a rung's missing widths by their
   *     distance from its optimum)
   */
  public List<Candidate> of(AdviceDesign d, ToDoubleFunction<ModelConfig> loss) {
    List<Candidate> out = new ArrayList<>();
    for (Rung r : d.rungs()) {
      if (r.seeds() < maxSeeds) {
        out.add(new Candidate(CandidateKind.SEEDS, r.budget(), List.of(), 1));
      }
      if (r.seeds() >= 2 && r.seeds() + r.seeds() <= maxSeeds) {
        out.add(new Candidate(CandidateKind.SEEDS, r.budget(), List.of(), r.seeds())); // doubled: fewer, larger steps
      }
    }
    for (Rung r : d.rungs()) {
      List<ModelConfig> missing = IsoFlopGrid.configurations(r.budget(), rules).stream()
          .filter(c -> !r.has(c.width())).sorted(Comparator.comparingDouble(loss)
              .thenComparingInt(ModelConfig::width)).toList();
      if (missing.isEmpty()) {
        continue;
      }
      int k = Math.min(configsPerCandidate, missing.size());
      out.add(new Candidate(CandidateKind.CONFIGS_NARROW, r.budget(), missing.subList(0, k), 0));
      if (missing.size() > k) {
        out.add(new Candidate(CandidateKind.CONFIGS_WIDE, r.budget(), missing.subList(missing.size() - k,
            missing.size()), 0));
      }
    }
    double[] budgets = d.budgets();
    int widest = d.rungs().stream().mapToInt(r -> r.configs().size()).max().orElse(MIN_CONFIGS);
    int seeds = d.rungs().stream().mapToInt(Rung::seeds).min().orElse(1);
    for (double f : BELOW) {
      newRung(CandidateKind.BUDGET_BELOW, round(budgets[0] * f), d, widest, seeds, out);
    }
    for (double f : ABOVE) {
      newRung(CandidateKind.BUDGET_ABOVE, round(budgets[budgets.length - 1] * f), d, widest, seeds, out);
    }
    if (d.items() > 0 && d.items() < maxItems) {
      out.add(new Candidate(CandidateKind.ITEMS, Double.NaN, List.of(), Math.min(maxItems, 2 * d.items())));
    }
    for (Candidate c : fixed) {
      Rung r = d.rung(c.budget());
      if (r != null && c.configs().stream().anyMatch(x -> !r.has(x.width()))) {
        // the same configurations offered for a reason (an extend that is also the narrow candidate): once, as the fix
        out.removeIf(x -> x.budget() == c.budget() && x.configs().equals(c.configs()));
        out.add(c);
      }
    }
    return out;
  }

  private void newRung(CandidateKind kind, double budget, AdviceDesign d, int widest, int seeds, List<Candidate> out) {
    if (d.rung(budget) != null) {
      return;
    }
    List<ModelConfig> all = IsoFlopGrid.configurations(budget, rules);
    if (all.size() < MIN_CONFIGS) {
      return;
    }
    List<ModelConfig> chosen = new ArrayList<>();
    for (int i : org.scalesweep.calib.PowerStudy.spread(all.size(), Math.min(widest, all.size()))) {
      chosen.add(all.get(i));
    }
    out.add(new Candidate(kind, budget, chosen, seeds));
  }

  /** A budget rounded to one significant digit (3e17, not 3.33e17): the suite's spelling. */
  static double round(double budget) {
    return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.0e", budget));
  }
}
