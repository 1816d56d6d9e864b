package org.scalesweep.jobs.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Supported input formats and the file endings that select them. */
public enum InputFormat {
  CSV("csv", List.of(".csv")),
  PARQUET("parquet", List.of(".parquet")),
  JSONL("jsonl", List.of(".jsonl", ".ndjson", ".json"));

  private final String key;
  private final List<String> endings;

  InputFormat(String key, List<String> endings) {
    this.key = key;
    this.endings = endings;
  }

  public String key() {
    return key;
  }

  /** The format of a key (csv, parquet, jsonl). */
  public static InputFormat parse(String s) {
    for (InputFormat f : values()) {
      if (f.key.equals(s)) {
        return f;
      }
    }
    throw new InvalidInputException("--format", List.of("--format '" + s + "' is not supported; allowed: csv, parquet, jsonl"));
  }

  /** The format a file's name ends with, or null. */
  public static InputFormat ofName(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    for (InputFormat f : values()) {
      if (f.endings.stream().anyMatch(n::endsWith)) {
        return f;
      }
    }
    return null;
  }
}
