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
    Config full = merged.withFallback(ConfigSchema.defaults()).resolve();
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
    return build(resolved.withFallback(ConfigSchema.defaults()).resolve(), origin, problems);
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
          problems.add(origin + ": corpus '" + cn + "' needs its overall law; missing keys " + missing);
          continue;
        }
        corpora.add(new Study.Corpus(cn, new JointLaw(cc.getDouble("E"), cc.getDouble("A"), cc.getDouble("alpha"),
            cc.getDouble("B"), cc.getDouble("beta"))));
      }
    }
    if (corpora.isEmpty()) {
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
    if (studies.isEmpty()) {
      problems.add(origin + ": key 'case-studies' needs at least one case study with a baseline and a treatment");
    }
    if ("ingest".equals(source) && !c.hasPath("ingest.path")) {
      problems.add(origin + ": source = ingest needs key 'ingest.path'");
    }
    ResampleScheme scheme = ResampleScheme.parse(c.getString("bootstrap.scheme"));
    boolean anyItems = studies.stream().anyMatch(s -> s.subgroups().stream().anyMatch(g -> g.items() > 0));
    if (scheme.resamplesItems() && !anyItems) {
      problems.add(origin + ": key 'bootstrap.scheme' = \"" + scheme.key()
          + "\" resamples items, but no subgroup has items > 0; allowed here: cluster");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    Study.BootstrapSettings boot = new Study.BootstrapSettings(c.getInt("bootstrap.resamples"),
        c.getInt("bootstrap.partitions"), scheme, ClusterBy.parse(c.getString("bootstrap.cluster-by")),
        WeightKind.parse(c.getString("bootstrap.weights")), c.getDouble("bootstrap.level"),
        c.getDouble("bootstrap.alpha"), IntervalMethod.parse(c.getString("bootstrap.interval")),
        c.getBoolean("bootstrap.write-draws"), c.getInt("bootstrap.block"));
    String json = c.root().render(ConfigRenderOptions.concise());
    Study study = new Study(name, c.getString("study.description"), c.getLong("seed"), source,
        c.hasPath("ingest.path") ? c.getString("ingest.path") : null, c.getInt("replicates"), List.copyOf(budgets),
        rules, noise, List.copyOf(corpora), List.copyOf(studies), c.getInt("simulate.partitions"),
        new Study.FitSettings(c.getDouble("fit.huber-delta"), c.getInt("fit.approach3.screen"),
            c.getInt("fit.approach3.max-iterations")), boot,
        c.getString("report.title").isBlank() ? name : c.getString("report.title"), json, sha256(json));
    problems.addAll(StudyChecks.check(study, origin));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return study;
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
      Map<String, Double> dbeta = perCorpus(gc, "delta-beta", 0.0, corpora, where, origin, problems);
      int items = gc.hasPath("items") ? gc.getInt("items") : 0;
      Double cov = gc.hasPath("covariate") ? gc.getDouble("covariate") : null;
      subgroups.add(new Study.SubgroupSpec(g, gamma, dbeta, items, cov));
    }
    if (subgroups.stream().noneMatch(s -> s.name().equals(baseline))) {
      problems.add(origin + ": key '" + base.replace("\"", "") + ".baseline' = \"" + baseline
          + "\" is not one of its subgroups " + subgroups.stream().map(Study.SubgroupSpec::name).toList());
      return null;
    }
    if (subgroups.size() < 2) {
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
        !cs.hasPath("crossovers") || cs.getBoolean("crossovers"), List.copyOf(subgroups));
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

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
