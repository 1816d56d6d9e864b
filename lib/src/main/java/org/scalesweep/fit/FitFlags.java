package org.scalesweep.fit;

import java.util.Set;
import java.util.stream.Collectors;

/** Formatting of flag sets for tables and messages. */
public final class FitFlags {
  private FitFlags() {}

  /** Lower-case, comma-separated, in declaration order; "" when empty. */
  public static String join(Set<FitFlag> flags) {
    return flags.stream().sorted().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(","));
  }
}
