package org.scalesweep.calib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReplicateRateTest {
  @Test
  void matchesTheRatioEstimatorByHand() {
    // 4 replicates of 2 contrasts: events 0, 2, 0, 1 -> p = 3/8
    ReplicateRate r = ReplicateRate.of(new long[] {0, 2, 0, 1}, new long[] {2, 2, 2, 2}, 0.95);
    assertThat(r.rate()).isEqualTo(3.0 / 8);
    // residuals k − p·n: −0.75, 1.25, −0.75, 0.25; Σ² = 2.75; se = √(4/3·2.75)/8
    assertThat(r.standardError()).isCloseTo(Math.sqrt(4.0 / 3 * 2.75) / 8, within(1e-15));
    assertThat(r.high()).isCloseTo(0.375 + 1.959964 * r.standardError(), within(1e-6));
    assertThat(r.low()).isZero(); // clipped
  }

  @Test
  void sharedReplicatesWidenTheIntervalBeyondTheBinomial() {
    // all-or-nothing replicates (perfectly correlated contrasts) vs the same events spread out
    long[] n = new long[100];
    long[] together = new long[100];
    long[] spread = new long[100];
    java.util.Arrays.fill(n, 10);
    for (int r = 0; r < 5; r++) {
      together[r] = 10;
    }
    for (int r = 0; r < 50; r++) {
      spread[r] = 1;
    }
    ReplicateRate a = ReplicateRate.of(together, n, 0.95);
    ReplicateRate b = ReplicateRate.of(spread, n, 0.95);
    assertThat(a.rate()).isEqualTo(b.rate());
    assertThat(a.standardError()).isGreaterThan(2 * b.standardError());
  }
}
