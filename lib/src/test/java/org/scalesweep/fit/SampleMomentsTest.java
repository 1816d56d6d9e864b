package org.scalesweep.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SampleMomentsTest {
  @Test
  void exactLinesAndOrthogonalSamples() {
    double[] x = {1, 2, 3, 4};
    assertThat(SampleMoments.pearson(x, new double[] {2, 4, 6, 8})).isCloseTo(1, within(1e-15));
    assertThat(SampleMoments.pearson(x, new double[] {8, 6, 4, 2})).isCloseTo(-1, within(1e-15));
    assertThat(SampleMoments.pearson(x, new double[] {1, -1, -1, 1})).isCloseTo(0, within(1e-15));
    assertThat(SampleMoments.of(x, new double[] {1, 3.5, 6, 8.5}).slope()).isCloseTo(2.5, within(1e-15));
  }

  @Test
  void incompletePairsAreLeftOut() {
    double[] x = {1, 2, Double.NaN, 3, 4};
    double[] y = {2, 4, 5, 6, Double.POSITIVE_INFINITY};
    SampleMoments m = SampleMoments.of(x, y);
    assertThat(m.count()).isEqualTo(3);
    assertThat(m.correlation()).isCloseTo(1, within(1e-15));
    assertThat(m.slope()).isCloseTo(2, within(1e-15));
  }

  @Test
  void tooFewPairsOrConstantSampleGiveNaN() {
    assertThat(SampleMoments.pearson(new double[] {1, 2}, new double[] {3, 4})).isNaN();
    assertThat(SampleMoments.pearson(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isNaN();
    assertThat(SampleMoments.of(new double[] {2, 2, 2}, new double[] {1, 2, 3}).slope()).isNaN();
  }

  @Test
  void farFromZeroDataKeepsItsPrecision() {
    // one-pass sums would cancel at 1e9 offsets; centred moments do not
    double[] x = {1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4};
    double[] y = {1e9 + 1, 1e9 + 3, 1e9 + 2, 1e9 + 4};
    assertThat(SampleMoments.pearson(x, y)).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void unequalLengthsAreRefusedWithBothLengths() {
    assertThatThrownBy(() -> SampleMoments.of(new double[3], new double[4])).hasMessageContaining("3 and 4");
  }
}
