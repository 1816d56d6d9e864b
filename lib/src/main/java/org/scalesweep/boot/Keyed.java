package org.scalesweep.boot;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant with a configuration spelling ({@code two-way}, {@code bca} …). */
public interface Keyed {
  /** The configuration spelling. */
  String key();

  /**
   * The constant of {@code type} spelled {@code s} (case-insensitive, trimmed); the message of the
   * exception names the bad value and lists the allowed ones.
   *
   * @param what what the value is, for the message (e.g. "bootstrap scheme")
   */
  static <E extends Enum<E> & Keyed> E parse(Class<E> type, String s, String what) {
    String v = s == null ? "" : s.trim();
    for (E e : type.getEnumConstants()) {
      if (e.key().equalsIgnoreCase(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " '" + s + "'; allowed: "
        + Arrays.stream(type.getEnumConstants()).map(Keyed::key).collect(Collectors.joining(", ")));
  }
}
