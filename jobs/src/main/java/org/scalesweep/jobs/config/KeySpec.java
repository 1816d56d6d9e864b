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

  /** True when a concrete path, as segments, matches this pattern. */
  public boolean matches(List<String> path) {
    String[] p = pattern.split("\\.");
    return path.size() == p.length && prefixMatches(p, path);
  }

  /** True when this pattern lies strictly below a concrete path (an object is expected there). */
  public boolean below(List<String> path) {
    String[] p = pattern.split("\\.");
    return path.size() < p.length && prefixMatches(p, path);
  }

  private static boolean prefixMatches(String[] p, List<String> path) {
    for (int i = 0; i < path.size(); i++) {
      if (!p[i].equals("*") && !p[i].equals(path.get(i))) {
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
