package org.scalesweep.testing;

import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.DynamicTest;

/**
 * Generated cases for a property test, on seeded Commons RNG generators: case {@code i} of a property
 * draws from its own stream keyed by (seed, i), so every case replays alone and no case depends on
 * how many others ran before it. Each case is a JUnit dynamic test named with its number and seed;
 * a failure says how to replay it.
 *
 * <p>Replay: {@code -Dcases.only=N} runs only case N of the properties in the selected test class
 * (with {@code -Dtest=Class}); {@code -Dcases.seed=S} replaces every property's base seed.
 */
public final class Cases {
  private Cases() {}

  /**
   * The cases of one property.
   *
   * @param property what is checked, for the test names
   * @param seed base seed (fixed in the test, so CI always runs the same cases)
   * @param count how many cases
   * @param body draws its inputs from the {@link Gen} and asserts
   */
  public static Stream<DynamicTest> of(String property, long seed, int count, Consumer<Gen> body) {
    long base = Long.getLong("cases.seed", seed);
    Integer only = Integer.getInteger("cases.only");
    return IntStream.range(0, count).filter(i -> only == null || only == i).mapToObj(i -> {
      String name = String.format("%s: case %d of %d (seed %d)", property, i, count, base);
      return DynamicTest.dynamicTest(name, () -> {
        try {
          body.accept(new Gen(stream(base, i)));
        } catch (AssertionError | RuntimeException e) {
          throw new AssertionError(name + " failed; replay it alone with -Dcases.only=" + i
              + (base == seed ? "" : " -Dcases.seed=" + base) + ": " + e.getMessage(), e);
        }
      });
    });
  }

  /** Case {@code i}'s generator: xoroshiro128++ whose state SplitMix64 derives from (seed, i). */
  static XoRoShiRo128PlusPlus stream(long seed, int i) {
    SplitMix64 mix = new SplitMix64(seed + 0x9E3779B97F4A7C15L * (i + 1L));
    return new XoRoShiRo128PlusPlus(mix.nextLong(), mix.nextLong());
  }
}
