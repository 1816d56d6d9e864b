package org.scalesweep.jobs.config;

import java.util.List;

/**
 * One configuration key: its path pattern ({@code *} matches one user-chosen name, e.g. a corpus),
 * type, default, range and meaning. The schema's list of these is the configuration reference.
 *
 * @param pattern dotted path, {@code *} for a named element
 * @param type value type
 * @param defaultValue default as written in HOCON, or null when required (or optional, see below)
 * @param min smallest allowed number (inclusive), or null
 * @param max largest allowed number (inclusive), or null
 * @param allowed allowed strings, empty for any
 * @param required whether the key must be present
 * @param doc what it means
 */
public record KeySpec(String pattern, KeyType type, String defaultValue, Double min, Double max, List<String> allowed,
    boolean required, String doc) {

  public KeySpec {
    allowed = List.copyOf(allowed);
  }

  /** Human description of the allowed values, e.g. "integer in [1, 10000000]". */
  public String allowedText() {
    if (!allowed.isEmpty()) {
      return "one of " + String.join(", ", allowed);
    }
    String base = type.description();
    if (min != null || max != null) {
      return base + " in [" + fmt(min, "-inf") + ", " + fmt(max, "inf") + "]";
    }
    return base;
  }

  /** True when a concrete dotted path matches this pattern. */
  public boolean matches(String path) {
    String[] p = pattern.split("\\.");
    String[] k = path.split("\\.");
    if (p.length != k.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (!p[i].equals("*") && !p[i].equals(k[i])) {
        return false;
      }
    }
    return true;
  }

  private static String fmt(Double v, String none) {
    if (v == null) {
      return none;
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf(v.longValue());
    }
    return String.valueOf(v);
  }
}
