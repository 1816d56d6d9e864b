package org.scalesweep.jobs.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.Parse;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.boot.ClusterBy;
import org.scalesweep.boot.IntervalMethod;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.boot.WeightKind;
import org.scalesweep.grid.GridRules;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.SigmoidCalibration;
import org.scalesweep.sim.NoiseModel;
import org.scalesweep.sim.StructuredNoise;

/**
 * Reads a study from a HOCON file plus {@code --set key=value} overrides, validates every key
 * against {@link ConfigSchema} and the cross-key rules, and resolves defaults. All problems are
 * reported together in one {@link ConfigException}.
 */
public final class StudyLoader {
  private StudyLoader() {}

  /** Loads and validates a study. */
  public static Study load(Path file, List<String> overrides) {
    Config user = parseFile(file);
    Config sets = parseOverrides(overrides);
    Config merged = resolve(sets.withFallback(user), file.toString());
    List<String> problems = new ArrayList<>(ConfigSchema.validate(merged));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Config full = ConfigSchema.withDefaults(merged).resolve();
    return build(full, file.toString(), problems);
  }

  /** Substitutions (${...}) resolved, or a ConfigException naming the one that cannot be. */
  private static Config resolve(Config c, String origin) {
    try {
      return c.resolve();
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(origin + ": " + e.getMessage());
    }
  }

  /** A study from an in-memory config (tests, generated studies). */
  public static Study fromConfig(Config user, String origin) {
    Config resolved = resolve(user, origin);
    List<String> problems = new ArrayList<>(ConfigSchema.validate(resolved));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return build(ConfigSchema.withDefaults(resolved).resolve(), origin, problems);
  }

  static Config parseFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file '" + file + "' does not exist (or is not a file)");
    }
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
          .setAllowMissing(false));
    } catch (Parse e) {
      throw new ConfigException("config file '" + file + "' is not valid HOCON: " + e.getMessage());
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException("config file '" + file + "' cannot be read: " + e.getMessage());
    }
  }

  static Config parseOverrides(List<String> overrides) {
    Config out = ConfigFactory.empty();
    List<String> problems = new ArrayList<>();
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0) {
        problems.add("--set '" + o + "' must have the form key=value");
        continue;
      }
      String key = o.substring(0, eq).trim();
      String value = o.substring(eq + 1).trim();
      Config one;
      try {
        one = ConfigFactory.parseString(key + " = " + value, ConfigParseOptions.defaults().setOriginDescription("--set"));
      } catch (com.typesafe.config.ConfigException e) {
        try {
          one = ConfigFactory.parseString(key + " = " + quote(value),
              ConfigParseOptions.defaults().setOriginDescription("--set"));
        } catch (com.typesafe.config.ConfigException e2) {
          problems.add("--set '" + o + "': key '" + key + "' is not a valid config path");
          continue;
        }
      }
      out = one.withFallback(out);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return out;
  }

  private static String quote(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Study build(Config c, String origin, List<String> problems) {
    String name = c.hasPath("study.name") ? c.getString("study.name") : null;
    if (name == null || name.isBlank()) {
      problems.add(origin + ": key 'study.name' is required; allowed: a non-empty string");
    } else if (!name.matches("[A-Za-z0-9._-]+")) {
      problems.add(origin + ": key 'study.name' = \"" + name + "\" is invalid; allowed: letters, digits, '.', '_', '-'");
    }
    String source = c.getString("source");
    Study.Kind kind = Study.Kind.parse(c.getString("study.kind"));
    List<Double> budgets = c.getDoubleList("grid.budgets");
    if (budgets.stream().distinct().count() != budgets.size()) {
      problems.add(origin + ": key 'grid.budgets' = " + budgets + " has duplicates; allowed: distinct budgets");
    }
    GridRules rules = null;
    try {
      GridRules s = GridRules.suite();
      rules = new GridRules(c.getInt("grid.rules.min-width"), c.getInt("grid.rules.max-width"),
          c.getInt("grid.rules.small-step"), c.getInt("grid.rules.large-step"),
          c.getDouble("grid.rules.small-step-max-budget"), s.depthKappa(), s.depthTheta(), s.headSize(),
          s.ffnMultiplier(), c.getInt("grid.rules.sequence-length"), c.getInt("grid.rules.vocabulary"),
          s.targetStepsLog2(), s.learningRateBase(), c.getDouble("grid.rules.learning-rate-cap"),
          c.getInt("grid.rules.min-batch"), c.getDouble("grid.rules.budget-tolerance"));
    } catch (IllegalArgumentException e) {
      problems.add(origin + ": keys 'grid.rules.*': " + e.getMessage());
    }
    NoiseModel noise = new NoiseModel(c.getDouble("noise.sigma-run"), c.getDouble("noise.sigma-run-subgroup"),
        c.getDouble("noise.sigma-item"), c.getDouble("noise.tau-item"));
    // the misspecification keys have no schema default, so presets that do not set them keep their
    // resolved config and its hash; unset means off
    StructuredNoise off = StructuredNoise.NONE;
    StructuredNoise structure = off;
    try {
      structure = new StructuredNoise(or(c, "noise.sigma-arch", off.sigmaArch()),
          or(c, "noise.sigma-arch-subgroup", off.sigmaArchSubgroup()), or(c, "noise.sigma-budget", off.sigmaBudget()),
          or(c, "noise.sigma-budget-subgroup", off.sigmaBudgetSubgroup()),
          or(c, "noise.seed-noise-exponent", off.seedNoiseExponent()),
          or(c, "noise.seed-noise-compute-ref", off.seedNoiseComputeRef()),
          or(c, "noise.mistuned-fraction", off.mistunedFraction()),
          or(c, "noise.mistuned-inflation", off.mistunedInflation()),
          or(c, "noise.missing-fraction", off.missingFraction()));
    } catch (IllegalArgumentException e) {
      problems.add(origin + ": key " + e.getMessage());
    }

    List<Study.Corpus> corpora = new ArrayList<>();
    if (c.hasPath("corpora")) {
      for (String cn : c.getObject("corpora").keySet()) {
        Config cc = c.getConfig("corpora." + quoteKey(cn));
        List<String> missing = new ArrayList<>();
        for (String p : List.of("E", "A", "alpha", "B", "beta")) {
          if (!cc.hasPath(p)) {
            missing.add("corpora." + cn + "." + p);
          }
        }
        if (!missing.isEmpty()) {
          // ingested runs are measured, not simulated: a corpus there needs no law
          if (!"ingest".equals(source)) {
            problems.add(origin + ": corpus '" + cn + "' needs its overall law; missing keys " + missing);
          }
          continue;
        }
        corpora.add(new Study.Corpus(cn, new JointLaw(cc.getDouble("E"), cc.getDouble("A"), cc.getDouble("alpha"),
            cc.getDouble("B"), cc.getDouble("beta"))));
      }
    }
    boolean ingest = "ingest".equals(source);
    if (corpora.isEmpty() && !ingest && kind == Study.Kind.RELATIVE_SCALING) {
      problems.add(origin + ": key 'corpora' needs at least one corpus with its overall law (E, A, alpha, B, beta)");
    }
    List<String> corpusNames = corpora.stream().map(Study.Corpus::name).toList();

    List<Study.CaseStudy> studies = new ArrayList<>();
    if (c.hasPath("case-studies")) {
      for (String sn : c.getObject("case-studies").keySet()) {
        Study.CaseStudy cs = caseStudy(c, sn, corpusNames, origin, problems, budgets);
        if (cs != null) {
          studies.add(cs);
        }
      }
    }
    if (studies.isEmpty() && kind == Study.Kind.RELATIVE_SCALING) {
      problems.add(origin + ": key 'case-studies' needs at least one case study with a baseline and a treatment");
    }
    java.util.Map<String, String> owner = new java.util.HashMap<>();
    for (Study.CaseStudy cs : studies) {
      for (Study.SubgroupSpec g : cs.subgroups()) {
        String prev = owner.put(g.name(), cs.name());
        if (prev != null) {
          problems.add(origin + ": subgroup '" + g.name() + "' appears in case studies '" + prev + "' and '" + cs.name()
              + "'; subgroup names key the simulation's noise and must be unique across case studies");
        }
      }
    }
    if ("ingest".equals(source) && !c.hasPath("ingest.path")) {
      problems.add(origin + ": source = ingest needs key 'ingest.path'");
    }
    ResampleScheme scheme = ResampleScheme.parse(c.getString("bootstrap.scheme"));
    boolean anyItems = studies.stream().anyMatch(s -> s.subgroups().stream().anyMatch(g -> g.items() > 0));
    if (scheme.resamplesItems() && ingest) {
      problems.add(origin + ": key 'bootstrap.scheme' = \"" + scheme.key()
          + "\" resamples items, which source = ingest does not support yet; allowed here: cluster");
    } else if (scheme.resamplesItems() && !anyItems && kind == Study.Kind.RELATIVE_SCALING) {
      problems.add(origin + ": key 'bootstrap.scheme' = \"" + scheme.key()
          + "\" resamples items, but no subgroup has items > 0; allowed here: cluster, wild");
    }
    if (scheme.flipsResiduals() && kind == Study.Kind.RELATIVE_SCALING && problems.isEmpty()) {
      String thin = thinBudgets(budgets, rules);
      if (!thin.isEmpty()) {
        problems.add(origin + ": key 'bootstrap.scheme' = \"wild\" needs at least 4 configurations on every IsoFLOP "
            + "curve (3 leave no residual to resample); under the grid rules " + thin + "; use cluster (or add "
            + "configurations)");
      }
    }
    Study.AlignmentSpec alignment = kind == Study.Kind.ALIGNMENT_PRETRAINING ? alignment(c, origin, problems) : null;
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Study.BootstrapSettings boot = new Study.BootstrapSettings(c.getInt("bootstrap.resamples"),
        c.getInt("bootstrap.partitions"), scheme, ClusterBy.parse(c.getString("bootstrap.cluster-by")),
        WeightKind.parse(c.getString("bootstrap.weights")), c.getDouble("bootstrap.level"),
        c.getDouble("bootstrap.alpha"), interval(c.getString("bootstrap.interval"), scheme),
        c.getBoolean("bootstrap.write-draws"), c.getInt("bootstrap.block"));
    String json = c.root().render(ConfigRenderOptions.concise());
    Study study = new Study(name, c.getString("study.description"), kind, alignment, c.getLong("seed"), source,
        ingest ? ingestSettings(c, origin) : null, c.getInt("replicates"), List.copyOf(budgets),
        rules, noise, structure, List.copyOf(corpora), List.copyOf(studies), c.getInt("simulate.partitions"),
        new Study.FitSettings(c.getDouble("fit.huber-delta"), c.getInt("fit.approach3.screen"),
            c.getInt("fit.approach3.max-iterations"),
            // no schema default, so presets that do not set it keep their resolved config and its hash
            c.hasPath("fit.calibration.mllib-check") && c.getBoolean("fit.calibration.mllib-check")), boot,
        c.getString("report.title").isBlank() ? name : c.getString("report.title"), json, sha256(json));
    problems.addAll(StudyChecks.check(study, origin));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return study;
  }

  /** The configured interval; auto is expanded under the wild scheme and percentile otherwise (docs/CALIBRATION.md). */
  static IntervalMethod interval(String key, ResampleScheme scheme) {
    if ("auto".equals(key)) {
      // wild-t's percentile interval of its pseudo-draws is already the bootstrap-t interval
      return scheme == ResampleScheme.WILD ? IntervalMethod.EXPANDED : IntervalMethod.PERCENTILE;
    }
    return IntervalMethod.parse(key);
  }

  /** "budget 1e18 has 3" for every budget with fewer than 4 configurations, or "". */
  public static String thinBudgets(List<Double> budgets, GridRules rules) {
    List<String> thin = new ArrayList<>();
    for (double b : budgets) {
      int n = org.scalesweep.grid.IsoFlopGrid.configurations(b, rules).size();
      if (n < 4) {
        thin.add(String.format(java.util.Locale.ROOT, "budget %.3g has %d", b, n));
      }
    }
    return String.join(", ", thin);
  }

  private static Study.AlignmentSpec alignment(Config c, String origin, List<String> problems) {
    try {
      org.scalesweep.alignment.AlignmentDesign design = new org.scalesweep.alignment.AlignmentDesign(
          c.getDoubleList("alignment.design.model-sizes"), c.getDouble("alignment.design.fixed-tokens"),
          c.getDoubleList("alignment.design.data-sizes"), c.getDouble("alignment.design.fixed-params"),
          c.getDoubleList("alignment.design.budgets"), c.getInt("alignment.design.points-per-budget"),
          c.getDouble("alignment.design.span-decades"), c.getDoubleList("alignment.design.post-training-sizes"),
          c.getDoubleList("alignment.design.post-training-compute"),
          c.getDoubleList("alignment.design.post-training-data"), c.getDoubleList("alignment.design.mixtures"),
          c.getDouble("alignment.design.tokens-per-param"));
      JointLaw law = new JointLaw(c.getDouble("alignment.truth.E"), c.getDouble("alignment.truth.A"),
          c.getDouble("alignment.truth.alpha"), c.getDouble("alignment.truth.B"), c.getDouble("alignment.truth.beta"));
      org.scalesweep.law.PostTrainingLaw pt = new org.scalesweep.law.PostTrainingLaw(law,
          c.getDouble("alignment.post-training.gamma"), c.getDouble("alignment.post-training.delta"),
          c.getDouble("alignment.post-training.c-ref"), c.getDouble("alignment.post-training.d-ref"));
      Map<String, Double> published = new LinkedHashMap<>();
      if (c.hasPath("alignment.published")) {
        for (String k : c.getObject("alignment.published").keySet()) {
          published.put(k, c.getDouble("alignment.published." + quoteKey(k)));
        }
      }
      return new Study.AlignmentSpec(design, new org.scalesweep.alignment.AlignmentTruth(pt), published);
    } catch (IllegalArgumentException e) {
      problems.add(origin + ": " + e.getMessage());
      return null;
    }
  }

  /** The ingest keys; a relative path is taken relative to the config file's directory. */
  private static Study.IngestSettings ingestSettings(Config c, String origin) {
    Path p = Path.of(c.getString("ingest.path"));
    Path dir = Path.of(origin).toAbsolutePath().getParent();
    if (!p.isAbsolute() && dir != null && Files.isRegularFile(Path.of(origin))) {
      p = dir.resolve(p).normalize();
    }
    Map<String, String> columns = new LinkedHashMap<>();
    if (c.hasPath("ingest.columns")) {
      for (String k : c.getObject("ingest.columns").keySet()) {
        columns.put(k, c.getString("ingest.columns." + quoteKey(k)));
      }
    }
    String format = c.getString("ingest.format");
    String mapping = null;
    if (c.hasPath("ingest.mapping")) {
      Path m = Path.of(c.getString("ingest.mapping"));
      mapping = (!m.isAbsolute() && dir != null && Files.isRegularFile(Path.of(origin)) ? dir.resolve(m).normalize() : m)
          .toString();
    }
    return new Study.IngestSettings(p.toString(), "auto".equals(format) ? null : format, columns,
        c.getDouble("ingest.flops-tolerance"), c.getInt("ingest.budget-grid"),
        c.hasPath("ingest.budgets") ? c.getString("ingest.budgets") : "data",
        c.hasPath("ingest.budget-tolerance") ? c.getDouble("ingest.budget-tolerance") : 0.1,
        c.hasPath("ingest.subgroups") ? c.getString("ingest.subgroups") : null, mapping,
        c.hasPath("ingest.params-embeddings") ? c.getString("ingest.params-embeddings") : null);
  }

  /** A number key's value, or {@code unset} when the config does not set it. */
  private static double or(Config c, String key, double unset) {
    return c.hasPath(key) ? c.getDouble(key) : unset;
  }

  private static Study.CaseStudy caseStudy(Config c, String sn, List<String> corpora, String origin,
      List<String> problems, List<Double> budgets) {
    String base = "case-studies." + quoteKey(sn);
    Config cs = c.getConfig(base);
    if (!cs.hasPath("baseline")) {
      problems.add(origin + ": key 'case-studies." + sn + ".baseline' is required; allowed: a subgroup name");
      return null;
    }
    String baseline = cs.getString("baseline");
    if (!cs.hasPath("subgroups")) {
      problems.add(origin + ": case study '" + sn + "' needs subgroups");
      return null;
    }
    List<Study.SubgroupSpec> subgroups = new ArrayList<>();
    for (String g : cs.getObject("subgroups").keySet()) {
      if (g.equals(Study.OVERALL)) {
        problems.add(origin + ": case study '" + sn + "' subgroup name '" + g + "' is reserved for the corpus's overall loss");
        continue;
      }
      Config gc = cs.getConfig("subgroups." + quoteKey(g));
      String where = "case-studies." + sn + ".subgroups." + g;
      Map<String, Double> gamma = perCorpus(gc, "gamma", 1.0, corpora, where, origin, problems);
      Map<String, Double> anchor = gc.hasPath("anchor") ? perCorpus(gc, "anchor", Double.NaN, corpora, where, origin,
          problems) : Map.of();
      anchor.values().removeIf(v -> Double.isNaN(v));
      if (!anchor.isEmpty() && gc.hasPath("gamma")) {
        problems.add(origin + ": key '" + where + "' sets both gamma and anchor; allowed: one of them");
      }
      if (!anchor.isEmpty() && !cs.hasPath("anchor-compute")) {
        problems.add(origin + ": key '" + where + ".anchor' needs 'case-studies." + sn + ".anchor-compute'");
      }
      Map<String, Double> dbeta = perCorpus(gc, "delta-beta", 0.0, corpora, where, origin, problems);
      int items = gc.hasPath("items") ? gc.getInt("items") : 0;
      Double cov = gc.hasPath("covariate") ? gc.getDouble("covariate") : null;
      JointLaw law = null;
      if (gc.hasPath("law")) {
        List<String> parts = List.of("E", "A", "alpha", "B", "beta");
        List<String> absent = parts.stream().filter(k -> !gc.hasPath("law." + k)).toList();
        if (!absent.isEmpty()) {
          problems.add(origin + ": key '" + where + ".law' lacks " + absent + "; allowed: all of " + parts);
        } else if (g.equals(baseline)) {
          problems.add(origin + ": key '" + where + ".law' is set on the baseline; allowed: treatments only (the "
              + "baseline keeps gamma and delta-beta against the overall loss)");
        } else if (gc.hasPath("gamma") || gc.hasPath("delta-beta") || gc.hasPath("anchor")) {
          problems.add(origin + ": key '" + where + ".law' is set with gamma, delta-beta or anchor; allowed: the law "
              + "alone");
        } else if (!(gc.getDouble("law.A") > 0 && gc.getDouble("law.alpha") > 0 && gc.getDouble("law.B") > 0
            && gc.getDouble("law.beta") > 0)) {
          problems.add(origin + ": key '" + where + ".law' = (A " + gc.getDouble("law.A") + ", alpha "
              + gc.getDouble("law.alpha") + ", B " + gc.getDouble("law.B") + ", beta " + gc.getDouble("law.beta")
              + ") is invalid; allowed: A, alpha, B, beta > 0 (a loss that falls with size and data)");
        } else {
          law = new JointLaw(gc.getDouble("law.E"), gc.getDouble("law.A"), gc.getDouble("law.alpha"),
              gc.getDouble("law.B"), gc.getDouble("law.beta"));
        }
      }
      subgroups.add(new Study.SubgroupSpec(g, gamma, dbeta, items, cov,
          gc.hasPath("published") ? gc.getString("published") : "", new LinkedHashMap<>(anchor), law));
    }
    if (subgroups.stream().noneMatch(s -> s.name().equals(baseline))) {
      problems.add(origin + ": key '" + base.replace("\"", "") + ".baseline' = \"" + baseline
          + "\" is not one of its subgroups " + subgroups.stream().map(Study.SubgroupSpec::name).toList());
      return null;
    }
    boolean anyAnchor = subgroups.stream().anyMatch(g -> !g.anchor().isEmpty());
    boolean baseAnchor = subgroups.stream().anyMatch(g -> g.name().equals(baseline) && !g.anchor().isEmpty());
    if (anyAnchor && !baseAnchor) {
      problems.add(origin + ": case study '" + sn + "' anchors treatments but not its baseline '" + baseline
          + "'; anchor the baseline too");
    }
    org.scalesweep.relative.Pairing pairing = cs.hasPath("contrast")
        ? org.scalesweep.relative.Pairing.of(cs.getString("contrast")) : org.scalesweep.relative.Pairing.PAIRED;
    List<String> sweeps = cs.hasPath("sweeps") ? cs.getStringList("sweeps") : List.of();
    if (!sweeps.isEmpty() && !pairing.unpaired()) {
      problems.add(origin + ": key 'case-studies." + sn + ".sweeps' is set but contrast = " + pairing.key()
          + "; allowed: with contrast = unpaired or both");
    }
    if (new java.util.HashSet<>(sweeps).size() != sweeps.size()) {
      problems.add(origin + ": key 'case-studies." + sn + ".sweeps' = " + sweeps + " names a sweep twice");
    }
    if (!corpora.isEmpty()) {
      for (String w : sweeps) {
        if (!corpora.contains(w)) {
          problems.add(origin + ": key 'case-studies." + sn + ".sweeps' names '" + w + "', not a corpus; allowed: "
              + corpora);
        }
      }
    }
    int sweepCount = sweeps.isEmpty() ? corpora.size() : sweeps.size();
    if (pairing.unpaired() && sweepCount == 1) {
      problems.add(origin + ": case study '" + sn + "' has contrast = " + pairing.key() + " but one sweep "
          + (sweeps.isEmpty() ? corpora : sweeps) + "; allowed: at least two sweeps (corpora)");
    }
    if (subgroups.size() < 2 && pairing.paired()) {
      problems.add(origin + ": case study '" + sn + "' needs a baseline and at least one treatment");
      return null;
    }
    SigmoidCalibration acc = null;
    if (cs.hasPath("accuracy")) {
      if (!cs.hasPath("accuracy.floor") || !cs.hasPath("accuracy.a") || !cs.hasPath("accuracy.b")) {
        problems.add(origin + ": case study '" + sn + "' accuracy needs floor, a and b");
      } else {
        acc = new SigmoidCalibration(cs.getDouble("accuracy.floor"), cs.getDouble("accuracy.a"), cs.getDouble("accuracy.b"));
      }
    }
    double ref = cs.hasPath("reference-compute") ? cs.getDouble("reference-compute")
        : budgets.stream().mapToDouble(Double::doubleValue).min().orElse(1e18);
    return new Study.CaseStudy(sn, cs.hasPath("description") ? cs.getString("description") : "", baseline, ref, acc,
        !cs.hasPath("crossovers") || cs.getBoolean("crossovers"), List.copyOf(subgroups),
        cs.hasPath("published") ? cs.getString("published") : "", cs.hasPath("questions") ? cs.getInt("questions") : 0,
        cs.hasPath("anchor-compute") ? cs.getDouble("anchor-compute") : Double.NaN, pairing, sweeps,
        cs.hasPath("sweep-pairs") && "all".equals(cs.getString("sweep-pairs")));
  }

  /** A number for every corpus, from a scalar or a per-corpus object (missing corpora take the default). */
  private static Map<String, Double> perCorpus(Config gc, String key, double def, List<String> corpora, String where,
      String origin, List<String> problems) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!gc.hasPath(key)) {
      corpora.forEach(c -> out.put(c, def));
      return out;
    }
    ConfigValue v = gc.getValue(key);
    if (v.valueType() == ConfigValueType.OBJECT) {
      ConfigObject o = (ConfigObject) v;
      for (String k : o.keySet()) {
        if (!corpora.contains(k)) {
          problems.add(ConfigSchema.origin(o.get(k)) + "key '" + where + "." + key + "." + k + "' names unknown corpus '"
              + k + "'; allowed: " + corpora);
        }
      }
      for (String cn : corpora) {
        out.put(cn, o.containsKey(cn) ? gc.getDouble(key + "." + quoteKey(cn)) : def);
      }
    } else {
      double d = gc.getDouble(key);
      corpora.forEach(c -> out.put(c, d));
    }
    return out;
  }

  private static String quoteKey(String k) {
    return k.matches("[A-Za-z0-9_-]+") ? k : "\"" + k.replace("\"", "\\\"") + "\"";
  }

  public static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
