package org.scalesweep.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlopsConsistencyTest {
  private static double[][] suite() {
    List<ModelConfig> s = IsoFlopGrid.suite();
    return new double[][] {s.stream().mapToDouble(ModelConfig::params).toArray(),
        s.stream().mapToDouble(ModelConfig::tokens).toArray(),
        s.stream().mapToDouble(m -> 3 * m.forwardFlops()).toArray()};
  }

  @Test
  void theSuitesLoggedFlopsFollowAnotherConventionButAreConsistent() {
    double[][] s = suite();
    FlopsConsistency.Result r = new FlopsConsistency(0.1).check(s[0], s[1], s[2]);
    assertThat(r.inconsistent()).isEmpty();
    assertThat(r.otherConvention(0.1)).isTrue();
    assertThat(r.minRatio()).isLessThan(0.8);
  }

  @Test
  void aRunLoggedInOtherUnitsOrCopiedIsInconsistent() {
    double[][] s = suite();
    s[2][7] *= 2;
    s[2][40] *= 1.3;
    FlopsConsistency.Result r = new FlopsConsistency(0.1).check(s[0], s[1], s[2]);
    assertThat(r.inconsistent()).containsExactly(7, 40);
    assertThat(r.deviation(7)).isBetween(0.8, 1.2);
  }

  @Test
  void ofThreeRunsTheOneOffTheOthersIsReported() {
    FlopsConsistency.Result r = new FlopsConsistency(0.1).check(new double[] {1e8, 2e8, 4e8},
        new double[] {2e9, 1e9, 5e8}, new double[] {1.2e18, 2.4e18, 1.3e18});
    assertThat(r.inconsistent()).containsExactly(1);
  }
}
