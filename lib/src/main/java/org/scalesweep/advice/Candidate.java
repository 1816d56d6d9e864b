package org.scalesweep.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalesweep.grid.ModelConfig;

/**
 * One candidate addition to a design.
 *
 * @param kind what it adds
 * @param budget the rung it changes or creates (NaN for {@link CandidateKind#ITEMS})
 * @param configs configurations it adds (new configurations, or a new rung's; the flagged configuration of a
 *     {@link CandidateKind#RERUN}); empty for seeds and items
 * @param amount seeds added ({@link CandidateKind#SEEDS}), seeds of the new rung (budget kinds), the
 *     new items per subgroup ({@link CandidateKind#ITEMS}); unused for configuration kinds
 */
public record Candidate(CandidateKind kind, double budget, List<ModelConfig> configs, int amount)
    implements java.io.Serializable {
  public Candidate {
    configs = List.copyOf(configs);
    if (amount < 0) {
      throw new IllegalArgumentException("a candidate's amount must be >= 0, got " + amount);
    }
  }

  /**
   * The design with this candidate added (configurations already present are not added twice; added
   * configurations get the rung's seed count).
   */
  public AdviceDesign applyTo(AdviceDesign d) {
    return switch (kind) {
      case SEEDS -> {
        Rung r = required(d);
        yield d.with(new Rung(r.budget(), r.configs(), r.seeds() + amount));
      }
      case CONFIGS_NARROW, CONFIGS_WIDE, RERUN, EXTEND -> {
        Rung r = required(d);
        List<ModelConfig> all = new ArrayList<>(r.configs());
        configs.stream().filter(c -> !r.has(c.width())).forEach(all::add);
        yield d.with(new Rung(r.budget(), all, r.seeds()));
      }
      case BUDGET_BELOW, BUDGET_ABOVE -> {
        Rung r = d.rung(budget);
        yield r != null ? new Candidate(CandidateKind.CONFIGS_WIDE, budget, configs, 0).applyTo(d)
            : d.with(new Rung(budget, configs, Math.max(1, amount)));
      }
      case ITEMS -> d.withItems(Math.max(d.items(), amount));
    };
  }

  private Rung required(AdviceDesign d) {
    Rung r = d.rung(budget);
    if (r == null) {
      throw new IllegalArgumentException(kind.key() + " candidate at budget " + budget + ": the design has no such rung; "
          + "budgets: " + java.util.Arrays.toString(d.budgets()));
    }
    return r;
  }

  /** e.g. {@code seeds +1 @ 1e+18}, {@code budget-below 1e+17 (9 configs x 1 seed)}, {@code items 400}. */
  public String label() {
    return switch (kind) {
      case SEEDS -> String.format(Locale.ROOT, "seeds +%d @ %.0e", amount, budget);
      case RERUN -> String.format(Locale.ROOT, "rerun %s", configs.isEmpty() ? "" : configs.get(0).id());
      case CONFIGS_NARROW, CONFIGS_WIDE, EXTEND -> String.format(Locale.ROOT, "%s +%d @ %.0e", kind.key(), configs.size(), budget);
      case BUDGET_BELOW, BUDGET_ABOVE -> String.format(Locale.ROOT, "%s %.0e (%d configs x %d seeds)", kind.key(), budget,
          configs.size(), Math.max(1, amount));
      case ITEMS -> "items " + amount;
    };
  }
}
