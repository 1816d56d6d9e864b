package org.scalesweep.jobs.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalesweep.grid.GridRules;
import org.scalesweep.grid.IsoFlopGrid;

/**
 * Checks across keys that no single key's range can express, run before any Spark job: the grid
 * has configurations and a size a machine can hold, every truth is a valid law, and the item tables
 * fit the memory of the stages that read them. Each problem names the keys and what is allowed.
 */
final class StudyChecks {
  /** Candidate widths over all budgets that the grid may try. */
  static final long MAX_CANDIDATES = 1_000_000;
  /** Rows of items.parquet: corpora x configurations x replicates x items. */
  static final double MAX_ITEM_ROWS = 1e9;
  /** Item losses the item-resampling bootstrap holds in the driver: corpora x configurations x items. */
  static final double MAX_ITEM_MATRIX = 1e8;

  private StudyChecks() {}

  static List<String> check(Study s, String origin) {
    List<String> problems = new ArrayList<>();
    GridRules r = s.rules();
    long candidates = 0;
    for (double b : s.budgets()) {
      candidates += (r.maxWidth() - r.minWidth()) / r.widthStep(b) + 1;
    }
    if (candidates > MAX_CANDIDATES) {
      problems.add(String.format(Locale.ROOT, "%s: keys 'grid.budgets' (%d budgets) and 'grid.rules.*' (widths %d..%d "
          + "in steps of %d/%d) ask for %d candidate widths; allowed: at most %d", origin, s.budgets().size(),
          r.minWidth(), r.maxWidth(), r.smallStep(), r.largeStep(), candidates, MAX_CANDIDATES));
      return problems;
    }
    int configs = IsoFlopGrid.configurations(s.budgets(), r).size();
    if (configs == 0) {
      problems.add(origin + ": keys 'grid.budgets' = " + s.budgets() + " and 'grid.rules.*' yield no model "
          + "configuration (a budget needs a width whose batch is at least grid.rules.min-batch and whose FLOPs come "
          + "within grid.rules.budget-tolerance of it); allowed: budgets and rules with at least one configuration");
    }
    for (Study.CaseStudy cs : s.caseStudies()) {
      Study.SubgroupSpec base = cs.subgroup(cs.baseline());
      for (Study.Corpus c : s.corpora()) {
        int before = problems.size();
        for (Study.SubgroupSpec g : cs.subgroups()) {
          double total = g == base ? base.deltaBetaFor(c.name())
              : base.deltaBetaFor(c.name()) + g.deltaBetaFor(c.name());
          if (Math.abs(total) > 1) {
            problems.add(String.format(Locale.ROOT, "%s: keys 'case-studies.%s.subgroups.%s.delta-beta' and its "
                + "baseline's add up to %.4g on corpus %s; allowed: a sum in [-1, 1]", origin, cs.name(), g.name(),
                total, c.name()));
          }
        }
        try {
          if (problems.size() == before) {
            cs.truth(c);
          }
        } catch (IllegalArgumentException e) {
          problems.add(origin + ": case study '" + cs.name() + "' on corpus '" + c.name() + "' has no valid truth: "
              + e.getMessage());
        }
      }
    }
    for (Study.Corpus c : s.corpora()) {
      if (!(c.overall().e() > 0 || c.overall().a() > 0 || c.overall().b() > 0)) {
        problems.add(origin + ": keys 'corpora." + c.name() + ".E', '.A' and '.B' are all 0: the loss would be 0; "
            + "allowed: at least one of them > 0");
      }
    }
    long items = s.caseStudies().stream().flatMap(cs -> cs.subgroups().stream()).mapToLong(Study.SubgroupSpec::items)
        .sum();
    double matrix = (double) s.corpora().size() * configs * items;
    if (matrix * s.replicates() > MAX_ITEM_ROWS) {
      problems.add(String.format(Locale.ROOT, "%s: keys 'case-studies.*.subgroups.*.items' (%d in all), "
          + "'replicates' (%d), the corpora (%d) and the grid (%d configurations) make %.3g item rows; allowed: at "
          + "most %.0e", origin, items, s.replicates(), s.corpora().size(), configs, matrix * s.replicates(),
          MAX_ITEM_ROWS));
    } else if (s.bootstrap().scheme().resamplesItems() && matrix > MAX_ITEM_MATRIX) {
      problems.add(String.format(Locale.ROOT, "%s: key 'bootstrap.scheme' = %s holds %.3g item losses in memory "
          + "(corpora x configurations x items); allowed: at most %.0e, or scheme cluster", origin,
          s.bootstrap().scheme().key(), matrix, MAX_ITEM_MATRIX));
    }
    return problems;
  }
}
