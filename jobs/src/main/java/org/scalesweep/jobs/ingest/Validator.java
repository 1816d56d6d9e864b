package org.scalesweep.jobs.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.scalesweep.grid.BudgetGrid;
import org.scalesweep.grid.BudgetGroups;
import org.scalesweep.grid.FlopsConsistency;
import org.scalesweep.jobs.config.Study;

/**
 * Checks input tables against the canonical schema and turns them into {@link RunRecord}s: every
 * column problem (missing, unknown mapping) and every row problem (mistyped or empty value,
 * non-positive size, non-finite or non-positive loss, accuracy outside [0, 1], flops off 6ND by more
 * than the tolerance, duplicate key, a run_id whose sizes differ between rows) is collected before
 * anything is thrown, so the report lists them all.
 */
final class Validator {
  private final IngestOptions options;
  private final List<String> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, String> seen = new HashMap<>();
  private final Map<String, RunRecord> runs = new HashMap<>();
  private List<BudgetGroups.Group> budgetGroups = List.of();

  private Validator(IngestOptions options) {
    this.options = options;
  }

  static Ingested validate(String source, List<InputTable> tables, IngestOptions options) {
    return new Validator(options).run(source, tables);
  }

  private Ingested run(String source, List<InputTable> tables) {
    List<RunRecord> rows = new ArrayList<>();
    boolean flopsGiven = true;
    boolean budgetGiven = true;
    Boolean itemLevel = null;
    for (InputTable t : tables) {
      problems.addAll(t.parseProblems());
      Map<Canonical, Integer> idx = columns(t);
      if (idx == null) {
        continue;
      }
      flopsGiven &= idx.containsKey(Canonical.FLOPS);
      budgetGiven &= idx.containsKey(Canonical.BUDGET);
      boolean items = idx.containsKey(Canonical.ITEM_ID)
          && t.rows().stream().anyMatch(r -> !empty(r[idx.get(Canonical.ITEM_ID)]));
      if (itemLevel != null && itemLevel != items) {
        problems.add(t.source() + ": item-level and run-level files are mixed; give item_id in every file or in none");
      }
      itemLevel = items;
      for (int r = 0; r < t.rows().size(); r++) {
        RunRecord rec = row(t.rows().get(r), t.where().get(r), idx, items);
        if (rec != null) {
          rows.add(rec);
        }
      }
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(source + ": no rows");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(source, problems);
    }
    if (!flopsGiven) {
      notes.add("flops: not in the input; derived as 6*params*tokens");
    } else {
      checkFlops();
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(source, problems);
    }
    if (!budgetGiven) {
      rows = options.budgetRule() == BudgetRule.DATA ? groupBudgets(rows) : deriveBudgets(rows);
    }
    boolean byItem = Boolean.TRUE.equals(itemLevel);
    return new Ingested(source, byItem ? Ingested.aggregate(rows) : rows, byItem ? rows : List.of(), notes, !flopsGiven,
        !budgetGiven, budgetGroups, options);
  }

  /** Canonical column → index in the table, or null (with problems) when a column is missing. */
  private Map<Canonical, Integer> columns(InputTable t) {
    Map<Canonical, Integer> idx = new EnumMap<>(Canonical.class);
    boolean ok = true;
    List<String> used = new ArrayList<>();
    for (Canonical c : Canonical.values()) {
      String name = options.columns().source(c);
      int i = t.columns().indexOf(name);
      boolean mapped = options.columns().sources().containsKey(c);
      if (i >= 0) {
        idx.put(c, i);
        used.add(name);
      } else if (mapped) {
        problems.add(t.source() + ": --map " + c.column() + "=" + name + " names column '" + name
            + "', which the input does not have; columns: " + t.columns());
        ok = false;
      } else if (c.required()) {
        problems.add(t.source() + ": missing column '" + c.column() + "' (required; map another column with --map "
            + c.column() + "=NAME); columns: " + t.columns());
        ok = false;
      }
    }
    List<String> ignored = t.columns().stream().filter(n -> !used.contains(n) && !Canonical.PIPELINE_EXTRAS.contains(n))
        .toList();
    if (!ignored.isEmpty()) {
      notes.add(t.source() + ": ignored columns " + ignored);
    }
    return ok ? idx : null;
  }

  private RunRecord row(Object[] cells, String where, Map<Canonical, Integer> idx, boolean items) {
    int before = problems.size();
    Cells c = new Cells(cells, where, idx);
    long params = c.size(Canonical.PARAMS);
    long tokens = c.size(Canonical.TOKENS);
    Double loss = c.number(Canonical.LOSS);
    if (loss != null && (!(loss > 0) || loss.isInfinite())) {
      c.problem("loss = " + c.raw(Canonical.LOSS) + " must be a positive finite number");
    }
    Double accuracy = c.optionalNumber(Canonical.ACCURACY);
    if (accuracy != null && !(accuracy >= 0 && accuracy <= 1)) {
      c.problem("accuracy = " + c.raw(Canonical.ACCURACY) + " must lie in [0, 1]");
    } else if (accuracy != null && items && accuracy != 0 && accuracy != 1) {
      c.problem("accuracy = " + c.raw(Canonical.ACCURACY) + " of an item row must be 0 or 1 (wrong or correct)");
    }
    boolean flopsGiven = idx.containsKey(Canonical.FLOPS);
    double flops = flopsGiven ? c.positive(Canonical.FLOPS) : 6.0 * params * tokens;
    double budget = idx.containsKey(Canonical.BUDGET) ? c.positive(Canonical.BUDGET) : Double.NaN;
    Integer width = c.integer(Canonical.WIDTH, true);
    Integer depth = c.integer(Canonical.DEPTH, true);
    Integer seed = c.integer(Canonical.SEED, false);
    String subgroup = c.text(Canonical.SUBGROUP, Canonical.ALL);
    if (subgroup.equals(Canonical.ALL)) {
      subgroup = Study.OVERALL;
    }
    String corpus = c.text(Canonical.CORPUS, Canonical.DEFAULT_CORPUS);
    String recipe = c.text(Canonical.RECIPE, null);
    String condition = c.text(Canonical.CONDITION, null);
    if (recipe != null && condition != null) {
      c.problem("both 'recipe' (" + recipe + ") and 'condition' (" + condition + ") are set; allowed: one column "
          + "naming the run's sweep");
    }
    String sweep = recipe != null ? recipe : condition;
    if (sweep != null) {
      corpus = idx.containsKey(Canonical.CORPUS) ? corpus + "-" + sweep : sweep;
    }
    String runId = c.text(Canonical.RUN_ID, "N" + params + "-D" + tokens);
    String study = c.text(Canonical.STUDY, subgroup.equals(Study.OVERALL) ? Study.OVERALL : Canonical.INGESTED_STUDY);
    String item = items ? c.text(Canonical.ITEM_ID, null) : null;
    if (items && item == null) {
      c.problem("missing value of 'item_id' (the input is item-level)");
    }
    if (problems.size() > before) {
      return null;
    }
    RunRecord rec = new RunRecord(study, corpus, subgroup, runId, seed == null ? 0 : seed, budget, width, depth, params,
        tokens, flops, loss, accuracy, item, items ? 1 : 0, where);
    String first = seen.putIfAbsent(rec.replicateKey() + "\u0001" + item, where);
    if (first != null) {
      c.problem("duplicate of " + first + " (same study, corpus, subgroup, run_id, seed" + (items ? ", item_id" : "")
          + ")");
      return null;
    }
    RunRecord run = runs.putIfAbsent(corpus + "\u0001" + runId, rec);
    if (run != null) {
      consistent(c, "params", run.params(), params, run);
      consistent(c, "tokens", run.tokens(), tokens, run);
      if (idx.containsKey(Canonical.BUDGET)) {
        consistent(c, "budget", run.budget(), budget, run);
      }
      if (problems.size() > before) {
        return null;
      }
    }
    return rec;
  }

  private static void consistent(Cells c, String what, double first, double here, RunRecord firstRow) {
    if (first != here) {
      c.problem("run_id '" + firstRow.runId() + "' has " + what + " = " + fmt(here) + " here but " + fmt(first) + " at "
          + firstRow.where());
    }
  }

  /**
   * Logged FLOPs checked against each other ({@link FlopsConsistency}), one point per run: a run
   * off what the other runs predict at its size is an error; FLOPs that all follow another
   * convention than 6·N·D are a note.
   */
  private void checkFlops() {
    List<RunRecord> distinct = runs.values().stream().sorted(java.util.Comparator.comparing(RunRecord::where)).toList();
    double[] n = distinct.stream().mapToDouble(RunRecord::params).toArray();
    double[] d = distinct.stream().mapToDouble(RunRecord::tokens).toArray();
    double[] f = distinct.stream().mapToDouble(RunRecord::flops).toArray();
    if (distinct.isEmpty()) {
      return;
    }
    double tol = options.flopsTolerance();
    FlopsConsistency.Result r = new FlopsConsistency(tol).check(n, d, f);
    for (int i : r.inconsistent()) {
      RunRecord rec = distinct.get(i);
      problems.add(String.format(Locale.ROOT, "%s: flops = %s is inconsistent with the other runs: "
          + "flops/(6*params*tokens) = %.3f here, %.3f expected at params = %s from the other runs (off by %.1f%%, "
          + "tolerance %.1f%%; see --flops-tolerance)", rec.where(), fmt(rec.flops()).replace('E', 'e'), r.ratio()[i], r.expected()[i],
          fmt(rec.params()), 100 * Math.abs(r.deviation(i)), 100 * tol));
    }
    if (r.inconsistent().isEmpty() && r.otherConvention(tol)) {
      String why = switch (options.paramsEmbeddings()) {
        case INCLUDED -> "as expected when params include embeddings and the FLOP count does not";
        case EXCLUDED -> "although params are declared without embeddings; check the FLOP count's convention";
        case UNKNOWN -> "probably another convention (e.g. params include embeddings, the FLOP count does not; "
            + "declare it with --params-embeddings)";
      };
      notes.add(String.format(Locale.ROOT, "flops: logged FLOPs are %.3f to %.3f times 6*params*tokens, %s; "
          + "accepted because the runs agree with each other", r.minRatio(), r.maxRatio(), why));
    }
  }

  /** Budgets found from the data ({@link BudgetGroups}); the nominal names go to the notes and the manifest. */
  private List<RunRecord> groupBudgets(List<RunRecord> rows) {
    BudgetGroups.Result g = new BudgetGroups(options.budgetTolerance())
        .group(rows.stream().mapToDouble(RunRecord::flops).toArray());
    List<RunRecord> out = new ArrayList<>();
    Map<String, Integer> count = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      RunRecord b = rows.get(i).withBudget(g.budgetOf(i));
      count.merge(g.groups().get(g.groupOfRun()[i]).nominal(), 1, Integer::sum);
      out.add(b);
    }
    budgetGroups = g.groups();
    notes.add(String.format(Locale.ROOT, "budget: not in the input; %d IsoFLOP budgets found from the logged "
        + "compute (flops/3, runs within %.0f%% of a neighbour grouped; --budgets data): %s (nominal: rows)",
        g.groups().size(), 100 * options.budgetTolerance(), count));
    for (BudgetGroups.Group grp : g.groups()) {
      if (grp.runs() < 3) {
        notes.add(String.format(Locale.ROOT, "budget %s: only %d rows, too few for an IsoFLOP parabola", grp.nominal(),
            grp.runs()));
      }
    }
    return out;
  }

  private List<RunRecord> deriveBudgets(List<RunRecord> rows) {
    BudgetGrid grid = options.budgets();
    TreeMap<Double, Integer> count = new TreeMap<>();
    List<RunRecord> out = new ArrayList<>();
    for (RunRecord r : rows) {
      RunRecord b = r.withBudget(grid.budgetOf(r.flops()));
      count.merge(b.budget(), 1, Integer::sum);
      out.add(b);
    }
    Map<String, Integer> shown = new LinkedHashMap<>();
    count.forEach((k, v) -> shown.put(String.format(Locale.ROOT, "%.3g", k), v));
    notes.add("budget: not in the input; IsoFLOP budgets are flops/3 rounded in log10 to " + grid.stepsPerDecade()
        + " steps per decade (--budget-grid): " + shown + " (budget: rows)");
    return out;
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }

  static boolean empty(Object v) {
    return v == null || (v instanceof String s && s.isBlank());
  }

  /** Typed access to one row's cells; every problem goes to the report with the row's position. */
  private final class Cells {
    private final Object[] cells;
    private final String where;
    private final Map<Canonical, Integer> idx;

    Cells(Object[] cells, String where, Map<Canonical, Integer> idx) {
      this.cells = cells;
      this.where = where;
      this.idx = idx;
    }

    void problem(String what) {
      problems.add(where + ": " + what);
    }

    Object raw(Canonical c) {
      Integer i = idx.get(c);
      return i == null ? null : cells[i];
    }

    boolean present(Canonical c) {
      return !empty(raw(c));
    }

    String text(Canonical c, String def) {
      Object v = raw(c);
      return empty(v) ? def : String.valueOf(v).strip();
    }

    /** The number in a cell; null (with a problem) when empty or not a number. */
    Double number(Canonical c) {
      if (empty(raw(c))) {
        problem("missing value of '" + c.column() + "'");
        return null;
      }
      return optionalNumber(c);
    }

    /** The number in a cell, null when empty (no problem) or not a number (a problem). */
    Double optionalNumber(Canonical c) {
      Object v = raw(c);
      if (empty(v)) {
        return null;
      }
      double scale = options.columns().scale(c);
      if (v instanceof Number n) {
        return n.doubleValue() * scale;
      }
      if (v instanceof String s) {
        try {
          return Double.parseDouble(s.strip()) * scale;
        } catch (NumberFormatException e) {
          // reported below
        }
      }
      problem(c.column() + " = '" + v + "' is not a number");
      return null;
    }

    /** A positive finite number; NaN (with a problem) otherwise. */
    double positive(Canonical c) {
      Double v = number(c);
      if (v == null) {
        return Double.NaN;
      }
      if (!(v > 0) || v.isInfinite()) {
        problem(c.column() + " = " + raw(c) + " must be positive");
        return Double.NaN;
      }
      return v;
    }

    /** A count: positive, rounded to the nearest integer; -1 (with a problem) otherwise. */
    long size(Canonical c) {
      double v = positive(c);
      if (Double.isNaN(v)) {
        return -1;
      }
      if (v >= 9.2e18) {
        problem(c.column() + " = " + raw(c) + " is too large");
        return -1;
      }
      return Math.max(1, Math.round(v));
    }

    /** An optional integer cell (null when empty); a problem when not integral or, if asked, not positive. */
    Integer integer(Canonical c, boolean positive) {
      Double v = optionalNumber(c);
      if (v == null) {
        return null;
      }
      if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
        problem(c.column() + " = " + raw(c) + " is not an integer");
        return null;
      }
      if (positive && v <= 0) {
        problem(c.column() + " = " + raw(c) + " must be positive");
        return null;
      }
      return v.intValue();
    }
  }
}
