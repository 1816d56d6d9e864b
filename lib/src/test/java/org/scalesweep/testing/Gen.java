package org.scalesweep.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws the values of one generated case from its own seeded stream: ranges are inclusive, choices
 * uniform unless weighted. Small on purpose: a property states its generators with these and plain
 * lambdas, so the whole distribution of its cases is readable in the test.
 */
public final class Gen {
  /** Characters that break parsers and CSV: quotes, separators, escapes, control and non-ASCII ones. */
  private static final char[] AWKWARD = "\"',;:={}[]$#\\\n\r\t ü€\u0000\u202e".toCharArray();
  /** Finite doubles that are edge cases of formatting and arithmetic. */
  private static final double[] EDGE_DOUBLES = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE,
      Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE};
  private static final long[] EDGE_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE,
      Integer.MAX_VALUE};

  private final UniformRandomProvider rng;

  Gen(UniformRandomProvider rng) {
    this.rng = rng;
  }

  /** An int in [min, max]. */
  public int ints(int min, int max) {
    if (max < min) {
      throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
    }
    return (int) (min + rng.nextLong((long) max - min + 1));
  }

  /** A double in [min, max] rounded to {@code decimals} places, as a user would type it. */
  public double doubles(double min, double max, int decimals) {
    double scale = Math.pow(10, decimals);
    double lo = Math.ceil(min * scale);
    double hi = Math.floor(max * scale);
    return (lo + rng.nextLong((long) (hi - lo) + 1)) / scale;
  }

  /** Any finite double: an edge case one time in eight, otherwise a random sign, mantissa and decade. */
  public double anyDouble() {
    if (rng.nextInt(8) == 0) {
      return EDGE_DOUBLES[rng.nextInt(EDGE_DOUBLES.length)];
    }
    double v = (1 + rng.nextDouble() * 9) * Math.pow(10, ints(-300, 300));
    return rng.nextBoolean() ? v : -v;
  }

  /** Any long: an edge case one time in eight, otherwise uniform over all longs. */
  public long anyLong() {
    return rng.nextInt(8) == 0 ? EDGE_LONGS[rng.nextInt(EDGE_LONGS.length)] : rng.nextLong();
  }

  public boolean bool() {
    return rng.nextBoolean();
  }

  public byte anyByte() {
    return (byte) rng.nextInt(256);
  }

  /** Between {@code min} and {@code max} random bytes. */
  public byte[] bytes(int min, int max) {
    byte[] b = new byte[ints(min, max)];
    rng.nextBytes(b);
    return b;
  }

  /** One of the values, uniformly. */
  @SafeVarargs
  public final <T> T of(T... values) {
    return values[rng.nextInt(values.length)];
  }

  /** One of the values, uniformly. */
  public <T> T of(List<T> values) {
    return values.get(rng.nextInt(values.size()));
  }

  /** The value of one of the generators, uniformly (list a generator twice to weight it double). */
  @SafeVarargs
  public final <T> T oneOf(Supplier<? extends T>... generators) {
    return generators[rng.nextInt(generators.length)].get();
  }

  /**
   * The value of one of the generators, chosen with the given weights.
   *
   * @param weights one positive weight per generator
   */
  @SafeVarargs
  public final <T> T frequency(int[] weights, Supplier<? extends T>... generators) {
    if (weights.length != generators.length || Arrays.stream(weights).anyMatch(w -> w <= 0)) {
      throw new IllegalArgumentException("need one positive weight per generator: " + Arrays.toString(weights));
    }
    int u = rng.nextInt(Arrays.stream(weights).sum());
    int i = 0;
    while (u >= weights[i]) {
      u -= weights[i++];
    }
    return generators[i].get();
  }

  /** A list of between {@code min} and {@code max} elements. */
  public <T> List<T> list(int min, int max, Supplier<? extends T> element) {
    int n = ints(min, max);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(element.get());
    }
    return out;
  }

  /** A string of at most {@code maxLength} characters drawn from {@code chars}, at least {@code minLength}. */
  public String string(int minLength, int maxLength, String chars) {
    StringBuilder b = new StringBuilder();
    int n = ints(minLength, maxLength);
    for (int i = 0; i < n; i++) {
      b.append(chars.charAt(rng.nextInt(chars.length())));
    }
    return b.toString();
  }

  /**
   * Any string of at most {@code maxLength} characters: printable ASCII, characters that break parsers
   * and CSV (quotes, separators, escapes, controls, non-ASCII), and arbitrary Unicode code points, mixed.
   * Always valid UTF-16 (no lone surrogates), so it can be written to a UTF-8 file.
   */
  public String anyString(int maxLength) {
    StringBuilder b = new StringBuilder();
    int n = ints(0, maxLength);
    while (b.length() < n) {
      switch (rng.nextInt(4)) {
        case 0, 1 -> b.append((char) ints(0x20, 0x7e));
        case 2 -> b.append(AWKWARD[rng.nextInt(AWKWARD.length)]);
        default -> {
          int cp = ints(0, Character.MAX_CODE_POINT);
          if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
            b.appendCodePoint(cp);
          }
        }
      }
    }
    return b.length() > n ? b.substring(0, n - 1) : b.toString();
  }
}
