package org.scalesweep.jobs.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every configuration key ScaleSweep understands. Validation checks each key of a study's file and
 * of {@code --set} overrides against this list before any Spark job starts; the same list renders
 * the configuration reference in {@code docs/}.
 */
public final class ConfigSchema {
  private static final List<KeySpec> KEYS = List.of(
      str("study.name", null, true, "Name of the study (a preset); used in output paths and reports."),
      str("study.description", "\"\"", false, "One-line description shown in the report."),
      choice("study.kind", "relative-scaling", List.of("relative-scaling", "alignment-pretraining", "post-training"),
          "relative-scaling: IsoFLOP grid, corpora and case studies of subgroups (seeds 002, 003); "
              + "alignment-pretraining: seed 000's five experiments (keys alignment.*); post-training: seeds 001/004 "
              + "(HHH after SFT vs RLHF, reward-model over-optimisation, ScaleRL extrapolation)."),
      integer("seed", "42", -9.2e18, 9.2e18, "Master seed: every random draw is keyed by it (same seed, same numbers)."),
      choice("source", "simulate", List.of("simulate", "ingest"),
          "Where run results come from: simulate from the truths below, or ingest real runs (see ingest.*)."),
      str("ingest.path", null, false,
          "With source = ingest: a CSV, JSON-lines or Parquet FILE or DIR of real runs, relative to this file (data/README.md)."),
      choice("ingest.format", "auto", List.of("auto", "csv", "parquet", "jsonl"),
          "Input format; auto tells it from file endings."),
      str("ingest.columns.*", null, false, "Input column of a canonical column, e.g. ingest.columns.loss = val_loss."),
      dbl("ingest.flops-tolerance", "0.1", 1e-12, 1e12,
          "Allowed relative deviation of a run's flops/(6*params*tokens) from what the other runs give at its size."),
      choice("ingest.budgets", null, List.of("data", "grid"),
          "Without a budget column (unset: data): find IsoFLOP budgets from the logged compute (data) or round to a "
              + "fixed grid (grid)."),
      dbl("ingest.budget-tolerance", null, 1e-6, 0.999,
          "With ingest.budgets = data (unset: 0.1): largest relative gap in compute between neighbouring runs of one budget."),
      integer("ingest.budget-grid", "10", 1, 1000,
          "With ingest.budgets = grid: IsoFLOP budgets are flops/3 rounded in log10 to this many steps per decade."),
      str("ingest.subgroups", null, false,
          "Wide exports: a column pattern with one '*' (e.g. \"eval/*/loss\"); each matching column is the loss of subgroup '*'."),
      str("ingest.mapping", null, false,
          "A mapping file (columns, subgroups, params-embeddings; see data/README.md), relative to this file; "
              + "ingest.columns and ingest.subgroups take precedence."),
      choice("ingest.params-embeddings", null, List.of("unknown", "included", "excluded"),
          "Whether the input's parameter counts include embeddings (unset: unknown, or the mapping file's; explains "
              + "flops off 6*params*tokens)."),
      integer("replicates", "3", 1, 1000, "Seed replicates per model configuration."),
      list("grid.budgets", "[1e18, 3e18, 6e18, 1e19, 3e19, 6e19, 1e20]", 1e10, 1e30,
          "IsoFLOP budgets in forward-pass FLOPs (training FLOPs are about 3x)."),
      integer("grid.rules.min-width", "512", 64, 65536, "Smallest hidden size d."),
      integer("grid.rules.max-width", "4096", 64, 65536, "Largest hidden size d."),
      integer("grid.rules.small-step", "128", 1, 65536, "Width step for budgets up to small-step-max-budget."),
      integer("grid.rules.large-step", "256", 1, 65536, "Width step above small-step-max-budget."),
      dbl("grid.rules.small-step-max-budget", "9e18", 1, 1e30, "Largest budget that uses the small width step."),
      integer("grid.rules.sequence-length", "4096", 1, 1 << 20, "Tokens per sequence."),
      integer("grid.rules.vocabulary", "128256", 1, 1e7, "Vocabulary size."),
      dbl("grid.rules.learning-rate-cap", "0.01", 1e-6, 1, "Largest stable learning rate; batches are halved below it."),
      integer("grid.rules.min-batch", "8", 1, 1 << 20, "Configurations whose batch falls below this are dropped."),
      dbl("grid.rules.budget-tolerance", "0.01", 1e-6, 0.5, "Allowed relative deviation of a run's FLOPs from its budget."),
      dbl("noise.sigma-run", "0.01", 0, 5, "Run-to-run (seed) log-noise shared by every subgroup of a run replicate."),
      dbl("noise.sigma-run-subgroup", "0.005", 0, 5, "Seed log-noise specific to a subgroup (does not cancel in ratios)."),
      dbl("noise.sigma-item", "0.2", 0, 5, "Item-level log-noise of one run on one item."),
      dbl("noise.tau-item", "0.5", 0, 5, "Item difficulty log-spread, fixed per item across runs; each subgroup's "
          + "item set is centred (mean factor exp(tau^2/2)) so its level is its stated gamma."),
      dbl("noise.sigma-arch", null, 0, 5, "Misspecification (unset: 0, off): log-effect of an architecture (width, depth), "
          + "shared by all its subgroups, budgets and seeds; cancels in a contrast's ratio."),
      dbl("noise.sigma-arch-subgroup", null, 0, 5, "Misspecification (unset: 0, off): log-effect of an architecture on one "
          + "subgroup, shared across budgets and seeds; does not cancel (runs of an architecture are correlated)."),
      dbl("noise.sigma-budget", null, 0, 5, "Misspecification (unset: 0, off): log-shock of a budget shared by all its runs "
          + "and subgroups; cancels in a contrast's ratio."),
      dbl("noise.sigma-budget-subgroup", null, 0, 5, "Misspecification (unset: 0, off): log-shock of a budget on one "
          + "subgroup; moves a whole budget's log-ratio off the relative law (what the lack-of-fit test detects)."),
      dbl("noise.seed-noise-exponent", null, -2, 2, "Misspecification (unset: 0, off): heteroscedastic seed noise, "
          + "sigma-run and sigma-run-subgroup scaled by (budget / seed-noise-compute-ref)^exponent (negative: "
          + "larger runs are less noisy)."),
      dbl("noise.seed-noise-compute-ref", null, 1, 1e35, "Budget (forward FLOPs) at which the seed sigmas hold "
          + "when seed-noise-exponent is not 0 (unset: 1e18)."),
      dbl("noise.mistuned-fraction", null, 0, 1, "Misspecification (unset: 0, off): probability that a configuration is "
          + "mis-tuned (e.g. learning rate off); all its seeds and subgroups are inflated by mistuned-inflation."),
      dbl("noise.mistuned-inflation", null, 0, 10, "Relative loss inflation of a mis-tuned configuration, e.g. 0.02 "
          + "for 2% (unset: 0, off)."),
      dbl("noise.missing-fraction", null, 0, 0.9, "Misspecification (unset: 0, off): probability that a run replicate "
          + "(configuration x seed) failed; its rows are absent from runs.parquet and items.parquet."),
      dbl("corpora.*.E", null, 0, 1e6, "Irreducible loss of the corpus's overall validation loss (the frontier)."),
      dbl("corpora.*.A", null, 0, 1e12, "Model-size coefficient of the overall loss."),
      dbl("corpora.*.alpha", null, 0, 5, "Model-size exponent of the overall loss."),
      dbl("corpora.*.B", null, 0, 1e12, "Data coefficient of the overall loss."),
      dbl("corpora.*.beta", null, 0, 5, "Data exponent of the overall loss."),
      str("case-studies.*.baseline", null, true, "Subgroup every other subgroup of the case study is compared with."),
      str("case-studies.*.description", "\"\"", false, "What the case study measures."),
      dbl("case-studies.*.reference-compute", "1e18", 1, 1e30, "F_ref at which gamma is stated."),
      bool("case-studies.*.crossovers", "true", "Estimate crossover compute for every pair of treatments."),
      choice("case-studies.*.contrast", "paired", org.scalesweep.relative.Pairing.keys(), "paired: every treatment "
          + "subgroup against the baseline subgroup on the same models; unpaired: every subgroup between separately "
          + "trained sweeps (see sweeps), each sweep's frontier and E(F) fitted on its own runs, tested by budget-wls "
          + "(budget-t when that is the scheme) on the budgets both sweeps trained; both: the two."),
      names("case-studies.*.sweeps", null, "Unpaired contrasts: the sweeps compared, the first being the baseline "
          + "sweep (unset: every corpus, in config order; ingested runs: every value of the corpus column, or of the "
          + "recipe / condition column)."),
      choice("case-studies.*.sweep-pairs", "baseline", List.of("baseline", "all"), "Unpaired contrasts: baseline = "
          + "each other sweep against the first; all = every pair, the one listed first as the baseline."),
      integer("case-studies.*.questions", "0", 0, 100_000_000,
          "Rate metric: each run's value is a binomial rate over this many questions (0: a loss)."),
      dbl("case-studies.*.anchor-compute", null, 1, 1e35,
          "Training FLOPs (6ND) of the compute-optimal model at which subgroup anchors hold."),
      dbl("case-studies.*.subgroups.*.anchor", null, 1e-9, 1e9,
          "Value at anchor-compute instead of gamma (e.g. a published rate); treatments: their own value."),
      dbl("case-studies.*.subgroups.*.anchor.*", null, 1e-9, 1e9, "Per-corpus anchor (key: corpus name)."),
      str("case-studies.*.published", "\"\"", false, "What the source paper reports for this case study (shown in the report)."),
      str("case-studies.*.subgroups.*.published", "\"\"", false,
          "What the source paper reports for this subgroup (shown beside our estimate)."),
      dbl("case-studies.*.accuracy.floor", null, 0, 0.999, "Chance accuracy of the loss -> accuracy sigmoid."),
      dbl("case-studies.*.accuracy.a", null, -100, 100, "Sigmoid intercept a in p = floor + (1-floor)*sigmoid(a - b ln loss)."),
      dbl("case-studies.*.accuracy.b", null, -100, 100, "Sigmoid slope b."),
      dbl("case-studies.*.subgroups.*.gamma", "1", 1e-6, 1e6,
          "Baseline: ratio to the corpus's overall loss at reference-compute; treatment: ratio to the baseline."),
      dbl("case-studies.*.subgroups.*.gamma.*", null, 1e-6, 1e6, "Per-corpus gamma (key: corpus name)."),
      dbl("case-studies.*.subgroups.*.delta-beta", "0", -1, 1,
          "Baseline: delta-beta vs the overall loss; treatment: true delta-beta vs the baseline (positive: gap widens)."),
      dbl("case-studies.*.subgroups.*.delta-beta.*", null, -1, 1, "Per-corpus delta-beta (key: corpus name)."),
      dbl("case-studies.*.subgroups.*.law.E", null, 0, 1e6, "Non-proportional truth (treatments only): the subgroup's "
          + "own joint law E + A/N^alpha + B/D^beta instead of gamma and delta-beta; its true delta-beta is the slope "
          + "of the noiseless sweep (docs/CALIBRATION.md). Set all five of E, A, alpha, B, beta."),
      dbl("case-studies.*.subgroups.*.law.A", null, 0, 1e12, "Own joint law: model-size coefficient."),
      dbl("case-studies.*.subgroups.*.law.alpha", null, 0, 5, "Own joint law: model-size exponent."),
      dbl("case-studies.*.subgroups.*.law.B", null, 0, 1e12, "Own joint law: data coefficient."),
      dbl("case-studies.*.subgroups.*.law.beta", null, 0, 5, "Own joint law: data exponent."),
      integer("case-studies.*.subgroups.*.items", "0", 0, 10_000_000, "Items simulated individually (0: run-level only)."),
      dbl("case-studies.*.subgroups.*.covariate", null, -1e12, 1e12,
          "Optional covariate (e.g. log10 speakers) correlated with delta-beta in the report."),
      dbl("alignment.truth.E", "0.0214", 0, 1e6, "Seed 000 truth: irreducible alignment loss."),
      dbl("alignment.truth.A", "3.174", 0, 1e12, "Seed 000 truth: model-size coefficient."),
      dbl("alignment.truth.alpha", "0.3524", 0, 5, "Seed 000 truth: model-size exponent."),
      dbl("alignment.truth.B", "2.487", 0, 1e12, "Seed 000 truth: data coefficient."),
      dbl("alignment.truth.beta", "0.3401", 0, 5, "Seed 000 truth: data exponent."),
      dbl("alignment.post-training.gamma", "0.152", -5, 5, "Eq. 2: post-training compute exponent."),
      dbl("alignment.post-training.delta", "-0.087", -5, 5, "Eq. 2: data x post-training interaction."),
      dbl("alignment.post-training.c-ref", "1e18", 1, 1e30, "Eq. 2: C_ref."),
      dbl("alignment.post-training.d-ref", "1e6", 1, 1e30, "Eq. 2: D_ref."),
      list("alignment.design.model-sizes", "[125e6, 350e6, 1.3e9, 2.7e9, 6.9e9, 13e9, 30e9, 70e9]", 1, 1e15,
          "Experiment 1 model sizes (also Experiment 5's)."),
      dbl("alignment.design.fixed-tokens", "1e6", 1, 1e15, "Experiment 1 alignment data."),
      list("alignment.design.data-sizes", "[1e3, 1e4, 1e5, 5e5, 1e6, 2e6, 5e6, 1e7]", 1, 1e15,
          "Experiment 2 alignment data quantities."),
      dbl("alignment.design.fixed-params", "6.9e9", 1, 1e15, "Experiment 2 model size."),
      list("alignment.design.budgets", "[1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23]", 1, 1e30,
          "Experiment 3 compute budgets (C = 6ND)."),
      integer("alignment.design.points-per-budget", "9", 3, 1000, "Experiment 3 IsoFLOP points per budget."),
      dbl("alignment.design.span-decades", "1.0", 0.01, 5, "Experiment 3 sweep: +- decades of N around sqrt(C/120)."),
      list("alignment.design.post-training-sizes", "[1.3e9, 6.9e9, 13e9, 70e9]", 1, 1e15, "Experiment 4 model sizes."),
      list("alignment.design.post-training-compute", "[1e16, 1e17, 1e18, 1e19, 1e20]", 1, 1e30,
          "Experiment 4 post-training compute."),
      list("alignment.design.post-training-data", "[0, 1e4, 1e5, 1e6, 1e7]", 0, 1e15,
          "Experiment 4 alignment data (0: none)."),
      list("alignment.design.mixtures", "[1e-4, 1e-3, 1e-2, 1e-1]", 1e-9, 1, "Experiment 5 alignment fractions."),
      dbl("alignment.design.tokens-per-param", "20", 1e-3, 1e6, "Experiment 5 pretraining tokens per parameter."),
      dbl("alignment.published.*", null, -1e30, 1e30, "A figure the seed publishes, by statistic name (report only)."),
      integer("simulate.partitions", "0", 0, 100_000, "Partitions of the simulation fan-out (0: 4 per core)."),
      dbl("fit.huber-delta", "1e-3", 1e-12, 10, "Huber threshold of the Approach 3 fits on log residuals."),
      integer("fit.approach3.screen", "100", 0, 4500,
          "Grid search only (the reference, not the default): run L-BFGS from the best N of the 4,500 grid starts "
              + "(0: every start). The default search, variable projection over the grid's 25 exponent pairs, "
              + "runs all 25."),
      integer("fit.approach3.max-iterations", "1000", 1, 100_000,
          "L-BFGS iterations per start; a fit none of whose starts converges is flagged not_converged."),
      bool("fit.calibration.mllib-check", null, "Cross-check (unset: false, off): the loss -> accuracy calibration "
          + "also runs Spark MLlib's logistic regression over every item (row mllib-logistic of calibration.parquet) "
          + "beside lib's exact fit (lib-logistic-exact, the reference). Costs about 15 times the exact fit "
          + "(about 45 CPU-s on the flagship's 17.9 M items)."),
      // a contrast's resamples meet in one task: 8 bytes each
      integer("bootstrap.resamples", "2000", 1, 10_000_000, "Bootstrap resamples."),
      integer("bootstrap.partitions", "0", 0, 1_000_000, "Partitions of the resample range (0: 4 per core)."),
      choice("bootstrap.scheme", "budget-wls", List.of("cluster", "items", "two-way", "wild", "wild-t", "budget-t", "budget-wls"),
          "How Δβ is tested: budget-wls (the default, nominal size: weighted least squares of the per-budget "
              + "log-ratios on ln F, each budget weighted by its IsoFLOP parabola's variance at the vertex, t reference "
              + "with budgets - 2 df; needs at least 3 usable budgets, 5 or more for useful power), or a resampling "
              + "scheme: clusters of runs (cluster: conservative), items within subgroups, both (two-way: counts run x "
              + "item noise twice, very conservative), the signs of each cluster's IsoFLOP-parabola residuals (wild), the "
              + "restricted wild cluster bootstrap-t (wild-t: null imposed, Webb weights, studentized by a "
              + "budget-level HC2 standard error), or the unweighted budget-level t (budget-t); see "
              + "docs/CALIBRATION.md."),
      choice("bootstrap.cluster-by", "architecture", List.of("architecture", "configuration"),
          "Cluster unit: an architecture across budgets, or one configuration."),
      choice("bootstrap.weights", "poisson", List.of("poisson", "multinomial"), "Resample weights."),
      dbl("bootstrap.level", "0.95", 0.5, 0.9999, "Confidence level of the intervals."),
      dbl("bootstrap.alpha", "0.05", 1e-6, 0.5, "Significance level of the sign test."),
      choice("bootstrap.interval", "auto", List.of("auto", "percentile", "bca", "expanded"),
          "Interval written to ci_low/ci_high. auto: expanded (percentile with a small-sample t correction) under "
              + "the wild scheme, whose percentile intervals under-cover, and percentile otherwise; BCa under-covers "
              + "in every study measured (docs/CALIBRATION.md)."),
      bool("bootstrap.write-draws", "false", "Write every resample's statistics under boot/."),
      // the item weights of a block are items x block doubles
      integer("bootstrap.block", "64", 1, 1024, "Resamples evaluated together (one item matrix product)."),
      str("report.title", "\"\"", false, "Report title (default: the study name)."));

  private ConfigSchema() {}

  public static List<KeySpec> keys() {
    return KEYS;
  }

  /** The spec of a concrete dotted path, if any. */
  public static Optional<KeySpec> spec(String path) {
    return spec(ConfigUtil.splitPath(path));
  }

  /** Defaults of the non-wildcard keys, parsed once. */
  private static final Config DEFAULTS = parseDefaults();

  private static Config parseDefaults() {
    StringBuilder sb = new StringBuilder();
    for (KeySpec k : KEYS) {
      if (k.defaultValue() != null && !k.pattern().contains("*")) {
        sb.append(k.pattern()).append(" = ").append(k.defaultValue()).append('\n');
      }
    }
    return ConfigFactory.parseString(sb.toString());
  }

  /** Defaults of the non-wildcard keys, as a config. */
  public static Config defaults() {
    return DEFAULTS;
  }

  /**
   * The config with every missing default filled in, path by path. A plain {@code withFallback} is
   * not enough: HOCON ignores fallbacks below an object that replaced a non-object value (e.g.
   * {@code grid = 0} followed by {@code grid.budgets = [...]}), which would lose the defaults of
   * its other keys.
   */
  public static Config withDefaults(Config c) {
    Config out = c;
    for (java.util.Map.Entry<String, ConfigValue> d : DEFAULTS.entrySet()) {
      if (!out.hasPathOrNull(d.getKey())) {
        out = out.withValue(d.getKey(), d.getValue());
      }
    }
    return out;
  }

  /**
   * Every problem of a resolved config (before defaults are applied): unknown keys (with a
   * suggestion), nulls, wrong types, out-of-range values and invalid names, each with its origin.
   */
  public static List<String> validate(Config config) {
    List<String> problems = new ArrayList<>();
    walk(config.root(), new ArrayList<>(), problems);
    return problems;
  }

  /** Checks every value under an object; descends into objects no key spec takes whole. */
  private static void walk(ConfigObject obj, List<String> at, List<String> problems) {
    for (String k : new TreeSet<>(obj.keySet())) {
      List<String> segs = new ArrayList<>(at);
      segs.add(k);
      ConfigValue v = obj.get(k);
      String path = ConfigUtil.joinPath(segs);
      Optional<KeySpec> spec = spec(segs);
      if (spec.isPresent() && !(v instanceof ConfigObject && isPrefix(segs))) {
        String badName = badName(spec.get(), segs);
        String bad = badName != null ? badName : v.valueType() == ConfigValueType.NULL ? "no value" : check(spec.get(), v);
        if (bad != null) {
          problems.add(origin(v) + "key '" + path + "' = " + render(v) + " is invalid: " + bad + "; allowed: "
              + spec.get().allowedText());
        }
      } else if (v instanceof ConfigObject o) {
        if (isPrefix(segs)) {
          walk(o, segs, problems);
        } else {
          problems.add(origin(v) + "unknown key '" + path + "'" + suggestion(path));
        }
      } else if (isPrefix(segs)) {
        problems.add(origin(v) + "key '" + path + "' = " + render(v) + " is invalid: not an object; allowed: an object"
            + " with keys such as '" + example(segs) + "'");
      } else {
        problems.add(origin(v) + "unknown key '" + path + "'" + suggestion(path));
      }
    }
  }

  /** The spec of a path given as segments (names may contain dots). */
  static Optional<KeySpec> spec(List<String> segs) {
    return KEYS.stream().filter(k -> k.matches(segs)).findFirst();
  }

  /** Whether some key lies below this path (so an object is expected there). */
  private static boolean isPrefix(List<String> segs) {
    return KEYS.stream().anyMatch(k -> k.below(segs));
  }

  private static String example(List<String> segs) {
    return KEYS.stream().filter(k -> k.below(segs)).map(KeySpec::pattern).findFirst().orElse("");
  }

  /** Names in place of a '*' become file names, run ids and report labels: plain characters only. */
  private static String badName(KeySpec spec, List<String> segs) {
    String[] p = spec.pattern().split("\\.");
    for (int i = 0; i < p.length; i++) {
      if (p[i].equals("*") && !segs.get(i).matches(NAME)) {
        return "the name '" + segs.get(i) + "' may only have letters, digits, '_' and '-'";
      }
    }
    return null;
  }

  /** What a corpus, case study or subgroup name may contain. */
  public static final String NAME = "[A-Za-z0-9_-]+";

  /** Problem with a value, or null when it is fine. */
  private static String check(KeySpec spec, ConfigValue v) {
    Object raw = v.unwrapped();
    switch (spec.type()) {
      case INT: {
        Double d = number(v);
        if (d == null || d != Math.rint(d)) {
          return "not an integer";
        }
        return range(spec, d);
      }
      case DOUBLE: {
        Double d = number(v);
        if (d == null || !Double.isFinite(d)) {
          return "not a finite number";
        }
        return range(spec, d);
      }
      case BOOLEAN:
        if (v.valueType() == ConfigValueType.BOOLEAN) {
          return null;
        }
        if (v.valueType() == ConfigValueType.STRING && ("true".equals(raw) || "false".equals(raw))) {
          return null;
        }
        return "not a boolean";
      case STRING:
        if (v.valueType() != ConfigValueType.STRING && v.valueType() != ConfigValueType.NUMBER) {
          return "not a string";
        }
        if (!spec.allowed().isEmpty() && !spec.allowed().contains(String.valueOf(raw))) {
          return "not an allowed value";
        }
        return null;
      case DOUBLE_LIST: {
        if (v.valueType() != ConfigValueType.LIST) {
          return "not a list";
        }
        List<?> items = (List<?>) raw;
        if (items.isEmpty()) {
          return "empty list";
        }
        for (Object o : items) {
          if (!(o instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            return "element " + o + " is not a finite number";
          }
          String r = range(spec, n.doubleValue());
          if (r != null) {
            return "element " + o + " " + r;
          }
        }
        return null;
      }
      case PAIR_LIST: {
        if (v.valueType() != ConfigValueType.LIST) {
          return "not a list";
        }
        for (Object o : (List<?>) raw) {
          if (!(o instanceof List<?> pair) || pair.size() != 2) {
            return "element " + o + " is not a [name, name] pair";
          }
        }
        return null;
      }
      case NAME_LIST: {
        if (v.valueType() != ConfigValueType.LIST || ((List<?>) raw).isEmpty()) {
          return "not a non-empty list";
        }
        for (Object o : (List<?>) raw) {
          if (!(o instanceof String n) || !n.matches(NAME)) {
            return "element " + o + " is not a name (letters, digits, '_' and '-')";
          }
        }
        return null;
      }
      default:
        return "unsupported type";
    }
  }

  private static Double number(ConfigValue v) {
    if (v.valueType() == ConfigValueType.NUMBER) {
      return ((Number) v.unwrapped()).doubleValue();
    }
    if (v.valueType() == ConfigValueType.STRING) {
      try {
        return Double.parseDouble(((String) v.unwrapped()).trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String range(KeySpec spec, double d) {
    if ((spec.min() != null && d < spec.min()) || (spec.max() != null && d > spec.max())) {
      return "out of range";
    }
    return null;
  }

  static String origin(ConfigValue v) {
    String d = v.origin() == null ? null : v.origin().description();
    if (d == null || d.isBlank()) {
      return "";
    }
    return d.replace("String: ", "--set ").replaceFirst("^file: ", "") + ": ";
  }

  static String render(ConfigValue v) {
    return v.render(com.typesafe.config.ConfigRenderOptions.concise());
  }

  /** ", did you mean 'x'?" for the closest known key within a small edit distance, else "". */
  static String suggestion(String path) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    String[] segs = path.split("\\.");
    for (KeySpec k : KEYS) {
      String[] p = k.pattern().split("\\.");
      String candidate;
      if (p.length == segs.length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length; i++) {
          sb.append(i > 0 ? "." : "").append(p[i].equals("*") ? segs[i] : p[i]);
        }
        candidate = sb.toString();
      } else {
        candidate = k.pattern();
      }
      int d = levenshtein(path, candidate);
      if (d < bestD) {
        bestD = d;
        best = candidate;
      }
    }
    int limit = Math.max(2, path.length() / 4);
    return best != null && bestD <= limit ? "; did you mean '" + best + "'?" : "; see docs/CONFIGURATION.md for the keys";
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static KeySpec str(String p, String def, boolean required, String doc) {
    return new KeySpec(p, KeyType.STRING, def, null, null, List.of(), required, doc);
  }

  private static KeySpec choice(String p, String def, List<String> allowed, String doc) {
    return new KeySpec(p, KeyType.STRING, def, null, null, allowed, false, doc);
  }

  private static KeySpec integer(String p, String def, double min, double max, String doc) {
    return new KeySpec(p, KeyType.INT, def, min, Math.min(max, 9.2e18), List.of(), false, doc);
  }

  private static KeySpec dbl(String p, String def, double min, double max, String doc) {
    return new KeySpec(p, KeyType.DOUBLE, def, min, max, List.of(), false, doc);
  }

  private static KeySpec bool(String p, String def, String doc) {
    return new KeySpec(p, KeyType.BOOLEAN, def, null, null, List.of(), false, doc);
  }

  private static KeySpec names(String p, String def, String doc) {
    return new KeySpec(p, KeyType.NAME_LIST, def, null, null, List.of(), false, doc);
  }

  private static KeySpec list(String p, String def, double min, double max, String doc) {
    return new KeySpec(p, KeyType.DOUBLE_LIST, def, min, max, List.of(), false, doc);
  }
}
