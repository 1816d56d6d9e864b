package org.scalesweep.jobs.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.jobs.config.ConfigSchema;
import org.scalesweep.jobs.config.KeySpec;

/**
 * docs/CONFIGURATION.md, rendered from {@link ConfigSchema}: the same list that validates a study
 * documents it, so the reference cannot drift from what the loader accepts.
 */
public final class ConfigReference {
  public static final String FILE = "docs/CONFIGURATION.md";

  /** What each top-level section is for, in the order a preset usually reads. */
  private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put("study", "Identity of the study.");
    SECTIONS.put("seed", "The master seed: every random draw is keyed by it.");
    SECTIONS.put("source", "Where run results come from.");
    SECTIONS.put("ingest", "Real runs, when `source = ingest`.");
    SECTIONS.put("replicates", "Seed replicates per model configuration.");
    SECTIONS.put("grid", "The IsoFLOP grid: budgets and the rules that turn a budget into model configurations "
        + "(seed 003, App. A).");
    SECTIONS.put("noise", "The simulator's lognormal noise model (docs/ARCHITECTURE.md, Simulation).");
    SECTIONS.put("corpora", "One entry per training corpus: the joint law E + A/N^alpha + B/D^beta of its overall "
        + "validation loss, which defines the compute-optimal frontier.");
    SECTIONS.put("case-studies", "Groups of subgroups compared with a baseline subgroup (MMLU domains, ICE varieties, "
        + "...). Every non-baseline subgroup is a contrast.");
    SECTIONS.put("alignment", "Seed 000's study (`study.kind = alignment-pretraining`): its truth, Eq. 2's "
        + "post-training interaction, the five experiments' design, and the figures the paper publishes (report only).");
    SECTIONS.put("simulate", "Spark settings of the simulate stage.");
    SECTIONS.put("fit", "Approach 3 (joint law) fitting.");
    SECTIONS.put("bootstrap", "The distributed bootstrap behind every interval and p-value.");
    SECTIONS.put("report", "The report.");
  }

  private ConfigReference() {}

  /** The whole reference, Markdown. */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Configuration reference\n\n")
        .append("<!-- Generated from ConfigSchema by org.scalesweep.jobs.docs.ConfigReference; do not edit. "
            + "GeneratedDocsTest fails when this file is stale; regenerate with\n")
        .append("     mvn -B -o -q -pl jobs -am test -Dtest=GeneratedDocsTest -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dscalesweep.updateDocs=true -->\n\n")
        .append("A study is a HOCON file (the presets live in `conf/`). `bin/scalesweep run CONF --set key=value` "
            + "overrides any key. Every key is checked against this list before Spark starts: an unknown key, a "
            + "wrong type or a value out of range stops the command with exit code 2, naming the file, the key, "
            + "the value and what is allowed (and the closest known key when it looks like a typo).\n\n")
        .append("In a key, `*` stands for a name you choose: a corpus (`corpora.dclm.E`), a case study "
            + "(`case-studies.mmlu.baseline`) or a subgroup (`case-studies.mmlu.subgroups.stem.items`). Keys "
            + "ending in `.*` under a subgroup give per-corpus values: `gamma { dclm = 1.2, commonpile = 1.3 }`.\n\n")
        .append("Defaults are what an omitted key means; _required_ keys must be given; _none_ means no default "
            + "(the key is optional, or needed only with others, see below). Numbers may be written `1e18`; ranges "
            + "are inclusive.\n\n")
        .append("Rules across keys, checked with the rest: every corpus needs all five keys of its law (E, A, alpha, "
            + "B, beta); there is at least one corpus and one case study with a baseline and a treatment; a case "
            + "study's `accuracy` needs floor, a and b together; a per-corpus value must name a configured corpus; "
            + "`overall` is reserved for the corpus's overall loss and cannot name a subgroup; `grid.budgets` are "
            + "distinct; `source = ingest` needs `ingest.path`; the `items` and `two-way` bootstrap schemes need "
            + "item-level subgroups (`items > 0`).\n");
    List<KeySpec> keys = ConfigSchema.keys();
    for (Map.Entry<String, String> s : SECTIONS.entrySet()) {
      List<KeySpec> mine = keys.stream().filter(k -> section(k).equals(s.getKey())).toList();
      if (mine.isEmpty()) {
        continue;
      }
      sb.append("\n## `").append(s.getKey()).append("`\n\n").append(s.getValue()).append("\n\n")
          .append("| key | type | default | allowed | meaning |\n|---|---|---|---|---|\n");
      for (KeySpec k : mine) {
        sb.append("| `").append(k.pattern()).append("` | ").append(k.type().description()).append(" | ")
            .append(defaultText(k)).append(" | ").append(cell(k.allowedText())).append(" | ").append(cell(k.doc()))
            .append(" |\n");
      }
    }
    List<String> unsectioned = keys.stream().map(ConfigReference::section).filter(s -> !SECTIONS.containsKey(s))
        .distinct().toList();
    if (!unsectioned.isEmpty()) {
      throw new IllegalStateException("ConfigReference has no section text for " + unsectioned);
    }
    return sb.toString();
  }

  static String section(KeySpec k) {
    return k.pattern().split("\\.")[0];
  }

  private static String defaultText(KeySpec k) {
    if (k.required()) {
      return "_required_";
    }
    if (k.defaultValue() == null) {
      return "_none_";
    }
    return "`" + k.defaultValue() + "`";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
