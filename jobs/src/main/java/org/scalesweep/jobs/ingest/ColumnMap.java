package org.scalesweep.jobs.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code --map canonical=source}: which input column holds each canonical column (default: same name). */
public record ColumnMap(Map<Canonical, String> sources) implements java.io.Serializable {
  public ColumnMap {
    sources = Map.copyOf(sources);
  }

  public static ColumnMap identity() {
    return new ColumnMap(Map.of());
  }

  /**
   * Parses {@code canonical=source} pairs.
   *
   * @throws InvalidInputException naming every malformed pair, unknown canonical name or repeat
   */
  public static ColumnMap parse(List<String> pairs) {
    Map<Canonical, String> m = new EnumMap<>(Canonical.class);
    List<String> problems = new ArrayList<>();
    for (String p : pairs) {
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        problems.add("--map '" + p + "' must have the form canonical=source");
        continue;
      }
      Canonical c = Canonical.of(p.substring(0, eq).trim());
      if (c == null) {
        problems.add("--map '" + p + "': '" + p.substring(0, eq).trim() + "' is not a canonical column; allowed: "
            + Canonical.names());
      } else if (m.put(c, p.substring(eq + 1).trim()) != null) {
        problems.add("--map '" + p + "': canonical column '" + c.column() + "' is mapped twice");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("--map", problems);
    }
    return new ColumnMap(m);
  }

  /** The input column name of a canonical column. */
  public String source(Canonical c) {
    return sources.getOrDefault(c, c.column());
  }
}
