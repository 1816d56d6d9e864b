package org.scalesweep.sim;

import java.nio.charset.StandardCharsets;

/**
 * Keys of random streams. A draw's key is a hash of everything that identifies it (study seed,
 * stream name, corpus, subgroup, run, replicate, item or resample index), so the same key gives
 * the same number whatever order, partition or retry computes it.
 */
public final class Keys {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Keys() {}

  /** SplitMix64's output mix (Stafford variant 13): a bijection with full avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Key of a seed and an ordered list of parts; order matters. */
  public static long of(long seed, long... parts) {
    long h = mix(seed + GOLDEN);
    for (long p : parts) {
      h = mix(h ^ mix(p + GOLDEN));
    }
    return h;
  }

  /** Key of a seed and two parts, without varargs allocation (hot paths). */
  public static long of(long seed, long p1, long p2) {
    return mix(mix(mix(seed + GOLDEN) ^ mix(p1 + GOLDEN)) ^ mix(p2 + GOLDEN));
  }

  /** Extends a key by one part: {@code extend(of(s, a), b) == of(s, a, b)}. */
  public static long extend(long key, long part) {
    return mix(key ^ part(part));
  }

  /**
   * The mixed form of a key part: {@code extend(key, p) == mix(key ^ part(p))}. Hot loops that
   * extend many keys by the same part compute it once.
   */
  public static long part(long p) {
    return mix(p + GOLDEN);
  }

  /** Stable 64-bit id of a name (FNV-1a over UTF-8, then mixed); independent of the JVM. */
  public static long name(String s) {
    if (s == null) {
      throw new IllegalArgumentException("key name must not be null");
    }
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** Id of a double value (its IEEE bits), for keys of runs named by sizes or budgets. */
  public static long value(double v) {
    return Double.doubleToLongBits(v == 0.0 ? 0.0 : v);
  }
}
