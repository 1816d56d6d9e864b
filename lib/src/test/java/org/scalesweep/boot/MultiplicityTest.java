package org.scalesweep.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultiplicityTest {
  // p in input order: 0.04, 0.001, NaN (no test), 0.03, 0.20, 0.012
  private static final double[] P = {0.04, 0.001, Double.NaN, 0.03, 0.20, 0.012};

  @Test
  void benjaminiHochbergMatchesAHandComputation() {
    // m = 5; sorted: 0.001 (1), 0.012 (2), 0.03 (3), 0.04 (4), 0.20 (5)
    // m·p/i: 0.005, 0.030, 0.050, 0.050, 0.200; running minimum from the top: 0.005, 0.03, 0.05, 0.05, 0.2
    double[] q = Multiplicity.benjaminiHochberg(P);
    assertThat(q[1]).isCloseTo(0.005, within(1e-15));
    assertThat(q[5]).isCloseTo(0.030, within(1e-15));
    assertThat(q[3]).isCloseTo(0.050, within(1e-15));
    assertThat(q[0]).isCloseTo(0.050, within(1e-15));
    assertThat(q[4]).isCloseTo(0.200, within(1e-15));
    assertThat(q[2]).isNaN();
  }

  @Test
  void holmMatchesAHandComputation() {
    // (m − i + 1)·p_(i): 5·0.001 = 0.005, 4·0.012 = 0.048, 3·0.03 = 0.09, 2·0.04 = 0.08, 1·0.2 = 0.2
    // running maximum: 0.005, 0.048, 0.09, 0.09, 0.2
    double[] h = Multiplicity.holm(P);
    assertThat(h[1]).isCloseTo(0.005, within(1e-15));
    assertThat(h[5]).isCloseTo(0.048, within(1e-15));
    assertThat(h[3]).isCloseTo(0.090, within(1e-15));
    assertThat(h[0]).isCloseTo(0.090, within(1e-15));
    assertThat(h[4]).isCloseTo(0.200, within(1e-15));
    assertThat(h[2]).isNaN();
  }

  @Test
  void adjustedValuesAreCappedAtOneAndRejectOutOfRangeInput() {
    assertThat(Multiplicity.holm(new double[] {0.6, 0.7})).containsExactly(1.0, 1.0);
    assertThat(Multiplicity.benjaminiHochberg(new double[] {0.6, 0.7})).containsExactly(0.7, 0.7);
    assertThatThrownBy(() -> Multiplicity.holm(new double[] {1.5})).hasMessageContaining("1.5");
  }
}
