package org.scalesweep.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignTestFailuresTest {
  @Test
  void exactSizeOfTheDiscreteTest() {
    // B = 200: m = ⌈0.05·201/2⌉ − 1 = 5 ranks in each tail, 10/201
    assertThat(SignTest.exactSize(200, 0.05)).isCloseTo(10.0 / 201, within(1e-15));
    assertThat(SignTest.exactSize(2000, 0.05)).isCloseTo(100.0 / 2001, within(1e-15));
    // B = 199: α(B + 1)/2 = 5 exactly and p < α is strict, so 4 ranks per tail
    assertThat(SignTest.exactSize(199, 0.05)).isCloseTo(8.0 / 200, within(1e-15));
    // too few resamples to ever reject
    assertThat(SignTest.exactSize(20, 0.05)).isZero();
  }

  @Test
  void failedResamplesAreLeftOutOfPAndCounted() {
    double[] clean = new double[199];
    java.util.Arrays.fill(clean, 1.0);
    clean[0] = -1; // 1 of 199 below 0: p = 2·2/200
    assertThat(SignTest.pValue(clean)).isCloseTo(0.02, within(1e-15));
    double[] failed = java.util.Arrays.copyOf(clean, 201);
    failed[199] = Double.NaN;
    failed[200] = Double.NaN; // two failures left out: the same p as without them
    assertThat(SignTest.pValue(failed)).isCloseTo(0.02, within(1e-15));
    BootstrapSummary s = BootstrapSummary.of(1, failed, null, 0.95);
    assertThat(s.failed()).isEqualTo(2);
    assertThat(s.valid()).isEqualTo(199);
    assertThat(SignTest.pValue(new double[] {Double.NaN})).isNaN();
  }
}
