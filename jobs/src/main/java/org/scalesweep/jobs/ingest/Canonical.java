package org.scalesweep.jobs.ingest;

import java.util.List;

/**
 * The canonical columns of an input table of runs (data/README.md is the reference). Sizes are
 * counts; {@code flops} is training FLOPs (≈ 6·params·tokens); {@code budget}, when given, is the
 * run's IsoFLOP group in the pipeline's forward-pass FLOPs (≈ flops/3).
 */
public enum Canonical {
  RUN_ID("run_id", Kind.TEXT, false),
  CORPUS("corpus", Kind.TEXT, false),
  PARAMS("params", Kind.SIZE, true),
  TOKENS("tokens", Kind.SIZE, true),
  FLOPS("flops", Kind.NUMBER, false),
  SUBGROUP("subgroup", Kind.TEXT, false),
  SEED("seed", Kind.INTEGER, false),
  ITEM_ID("item_id", Kind.TEXT, false),
  LOSS("loss", Kind.NUMBER, true),
  ACCURACY("accuracy", Kind.NUMBER, false),
  BUDGET("budget", Kind.NUMBER, false),
  WIDTH("width", Kind.INTEGER, false),
  DEPTH("depth", Kind.INTEGER, false),
  STUDY("study", Kind.TEXT, false),
  /**
   * A separately trained sweep's recipe (optimizer, data mixture …): runs of one recipe form one
   * sweep, whose name replaces the corpus (joined as corpus-recipe when a corpus column is also
   * present). Compared by unpaired contrasts (case-studies.*.contrast = unpaired).
   */
  RECIPE("recipe", Kind.TEXT, false),
  /** The same as {@link #RECIPE} under another name (e.g. an alignment-pretraining data condition); not both. */
  CONDITION("condition", Kind.TEXT, false);

  /** What a column holds. */
  enum Kind {
    TEXT, NUMBER, INTEGER, SIZE
  }

  /** Subgroup of a run's overall loss when the input has no subgroup column. */
  public static final String ALL = "all";
  /** Corpus of runs when the input has no corpus column. */
  public static final String DEFAULT_CORPUS = "default";
  /**
   * The study column of ingested rows that belong to no case study of their own: case studies
   * select them by subgroup name (the overall loss keeps the pipeline's study "overall").
   */
  public static final String INGESTED_STUDY = "ingest";
  /** Columns the pipeline writes that ingest reads past without complaint. */
  static final List<String> PIPELINE_EXTRAS = List.of("items", "item", "correct");

  private final String column;
  private final Kind kind;
  private final boolean required;

  Canonical(String column, Kind kind, boolean required) {
    this.column = column;
    this.kind = kind;
    this.required = required;
  }

  public String column() {
    return column;
  }

  Kind kind() {
    return kind;
  }

  boolean required() {
    return required;
  }

  /** The canonical column of a name, or null. */
  public static Canonical of(String name) {
    for (Canonical c : values()) {
      if (c.column.equals(name)) {
        return c;
      }
    }
    return null;
  }

  public static String names() {
    StringBuilder sb = new StringBuilder();
    for (Canonical c : values()) {
      sb.append(sb.length() > 0 ? ", " : "").append(c.column);
    }
    return sb.toString();
  }
}
