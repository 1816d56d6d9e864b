package org.scalesweep.calib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.scalesweep.boot.BlockedGemmAccess;
import org.scalesweep.boot.ResampleScheme;
import org.scalesweep.testing.Cases;

/**
 * Power rises with the effect and with the number of configurations, over simulated designs. Both
 * designs of a comparison see the same replicates (common random numbers), so the comparison is
 * paired: it fails when the larger design loses significantly more replicates than it gains
 * (one-sided McNemar at 1%: losses − gains &gt; 2.33·√(losses + gains)), not by Monte Carlo noise.
 * With 150 replicates it does fail when the two designs of the configuration property are swapped.
 * Six generated designs per property (seeded: {@link Cases}).
 */
class PowerPropertiesTest {
  private static final int REPLICATES = 150;
  private static final double Z = 2.33;
  private static final PowerStudy STUDY = PowerStudyTest.study(ResampleScheme.WILD, PowerStudyTest.RUN_NOISE, 100);

  private static final long SEED = 20261123L;
  private static final int CASES = 6;

  @TestFactory
  Stream<DynamicTest> powerIncreasesWithEffectSize() {
    return Cases.of("power increases with the effect", SEED, CASES, g -> powerIncreasesWithEffectSize(g.ints(4, 15),
        g.ints(1, 2), g.doubles(0.001, 0.02, 5), g.doubles(1.2, 3, 3)));
  }

  @TestFactory
  Stream<DynamicTest> powerIncreasesWithConfigurations() {
    return Cases.of("power increases with configurations", SEED, CASES, g -> powerIncreasesWithConfigurations(
        g.ints(4, 6), g.ints(6, 9), g.doubles(0.002, 0.006, 5)));
  }

  private static void powerIncreasesWithEffectSize(int configs, int seeds, double effect, double factor) {
    PowerDesign d = new PowerDesign(configs, 3, 0, seeds);
    double[] effects = {effect, effect * factor};
    int gains = 0;
    int losses = 0;
    for (int r = 0; r < REPLICATES; r++) {
      List<ReplicateOutcome> o = STUDY.replicate(d, effects, r, BlockedGemmAccess.blocked());
      boolean small = o.get(0).correctSign();
      boolean large = o.get(1).correctSign();
      gains += large && !small ? 1 : 0;
      losses += small && !large ? 1 : 0;
    }
    assertThat(losses - gains).as("%s: effect %.4f -> %.4f, gains %d, losses %d", d.label(), effect, effect * factor,
        gains, losses).isLessThanOrEqualTo((int) Math.floor(Z * Math.sqrt(losses + gains)));
  }

  private static void powerIncreasesWithConfigurations(int configs, int more, double effect) {
    PowerDesign fewer = new PowerDesign(configs, 3, 0, 1);
    PowerDesign larger = new PowerDesign(configs + more, 3, 0, 1);
    double[] effects = {effect};
    int gains = 0;
    int losses = 0;
    int powerFewer = 0;
    int powerLarger = 0;
    for (int r = 0; r < REPLICATES; r++) {
      boolean a = STUDY.replicate(fewer, effects, r, BlockedGemmAccess.blocked()).get(0).correctSign();
      boolean b = STUDY.replicate(larger, effects, r, BlockedGemmAccess.blocked()).get(0).correctSign();
      gains += b && !a ? 1 : 0;
      losses += a && !b ? 1 : 0;
      powerFewer += a ? 1 : 0;
      powerLarger += b ? 1 : 0;
    }
    assertThat(losses - gains).as("effect %.4f: %s power %d/%d, %s power %d/%d", effect, fewer.label(), powerFewer,
        REPLICATES, larger.label(), powerLarger, REPLICATES)
        .isLessThanOrEqualTo((int) Math.floor(Z * Math.sqrt(losses + gains)));
  }
}
