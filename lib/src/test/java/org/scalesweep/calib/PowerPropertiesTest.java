package org.scalesweep.calib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.scalesweep.boot.BlockedGemmAccess;
import org.scalesweep.boot.ResampleScheme;

/**
 * Power rises with the effect and with the number of configurations, over simulated designs. Both
 * designs of a comparison see the same replicates (common random numbers), so the comparison is
 * paired: it fails when the larger design loses significantly more replicates than it gains
 * (one-sided McNemar at 1%: losses − gains &gt; 2.33·√(losses + gains)), not by Monte Carlo noise.
 * With 150 replicates it does fail when the two designs of the configuration property are swapped.
 */
class PowerPropertiesTest {
  private static final int REPLICATES = 150;
  private static final double Z = 2.33;
  private static final PowerStudy STUDY = PowerStudyTest.study(ResampleScheme.WILD, PowerStudyTest.RUN_NOISE, 100);

  @Property(tries = 6, seed = "20261123", shrinking = ShrinkingMode.OFF)
  void powerIncreasesWithEffectSize(@ForAll @IntRange(min = 4, max = 15) int configs,
      @ForAll @IntRange(min = 1, max = 2) int seeds, @ForAll @DoubleRange(min = 0.001, max = 0.02) @Scale(5) double effect,
      @ForAll @DoubleRange(min = 1.2, max = 3) @Scale(3) double factor) {
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

  @Property(tries = 6, seed = "20261123", shrinking = ShrinkingMode.OFF)
  void powerIncreasesWithConfigurations(@ForAll @IntRange(min = 4, max = 6) int configs,
      @ForAll @IntRange(min = 6, max = 9) int more, @ForAll @DoubleRange(min = 0.002, max = 0.006) @Scale(5) double effect) {
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
