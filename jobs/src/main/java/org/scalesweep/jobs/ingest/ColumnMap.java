package org.scalesweep.jobs.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --map canonical=source}: which input column holds each canonical column (default: same
 * name). A source may end in a unit conversion, {@code *FACTOR} or {@code /FACTOR} with FACTOR a
 * number, e.g. {@code flops=throughput/total_gflops*1e9}: the column's values are multiplied
 * (divided) by it. A source whose last {@code /} or {@code *} is not followed by a number is a plain
 * column name ({@code eval/loss}).
 */
public record ColumnMap(Map<Canonical, String> sources) implements java.io.Serializable {
  private static final Pattern CONVERSION = Pattern.compile("^(.+?)\\s*([*/])\\s*([0-9.]+(?:[eE][-+]?[0-9]+)?)$");

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
      } else if (scaleOf(m.get(c)) != 1 && c.kind() == Canonical.Kind.TEXT) {
        problems.add("--map '" + p + "': '" + c.column() + "' is text; a unit conversion applies to numbers only");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("--map", problems);
    }
    return new ColumnMap(m);
  }

  /** This map with {@code over}'s entries replacing or adding to its own (command-line over mapping file). */
  public ColumnMap overriddenBy(ColumnMap over) {
    Map<Canonical, String> m = new LinkedHashMap<>(sources);
    m.putAll(over.sources());
    return new ColumnMap(m);
  }

  /** The input column name of a canonical column (without its unit conversion). */
  public String source(Canonical c) {
    String s = sources.getOrDefault(c, c.column());
    Matcher m = CONVERSION.matcher(s);
    return m.matches() && factor(m) > 0 ? m.group(1) : s;
  }

  /** The factor a column's values are multiplied by (1 without a conversion). */
  public double scale(Canonical c) {
    return scaleOf(sources.getOrDefault(c, c.column()));
  }

  private static double scaleOf(String source) {
    Matcher m = CONVERSION.matcher(source);
    if (!m.matches()) {
      return 1;
    }
    double f = factor(m);
    return f > 0 ? (m.group(2).equals("*") ? f : 1 / f) : 1;
  }

  private static double factor(Matcher m) {
    try {
      double f = Double.parseDouble(m.group(3));
      return f > 0 && Double.isFinite(f) ? f : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
