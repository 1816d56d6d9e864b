package org.scalesweep.relative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalesweep.boot.BootstrapSummary;
import org.scalesweep.boot.Interval;
import org.scalesweep.boot.IntervalMethod;
import org.scalesweep.fit.FitFlag;

class ContrastVerdictTest {
  private static final Contrast C = new Contrast("base", "fast");
  private static final Interval CI = new Interval(-0.03, -0.01, 0.95, IntervalMethod.PERCENTILE);

  private static BootstrapSummary summary(double estimate, double pValue, int resamples, int valid) {
    return new BootstrapSummary(estimate, 0.005, CI, CI, CI, pValue, resamples, valid);
  }

  private static ContrastVerdict verdict(BootstrapSummary s, String note, boolean items, Set<String> itemLevel,
      Double truth) {
    return ContrastVerdict.of(s, CI, 0.05, note, "items", items, itemLevel, C, truth);
  }

  @Test
  void aCleanSignificantContrastHasNoFlagsAndCoversItsTruth() {
    ContrastVerdict v = verdict(summary(-0.02, 0.001, 400, 400), "", false, Set.of(), -0.02);
    assertThat(v.flags()).isEmpty();
    assertThat(v.flagKeys()).isEmpty();
    assertThat(v.reason()).isEmpty();
    assertThat(v.significant()).isTrue();
    assertThat(v.coversTruth()).isTrue();
  }

  @Test
  void significanceNeedsAFinitePValueBelowAlpha() {
    assertThat(verdict(summary(-0.02, 0.05, 400, 400), "", false, Set.of(), null).significant()).isFalse();
    assertThat(verdict(summary(-0.02, 0.0499, 400, 400), "", false, Set.of(), null).significant()).isTrue();
    assertThat(verdict(summary(-0.02, Double.NaN, 400, 400), "", false, Set.of(), null).significant()).isFalse();
  }

  @Test
  void coverageIsNullWithoutATruthAndFalseOutsideTheInterval() {
    assertThat(verdict(summary(-0.02, 0.001, 400, 400), "", false, Set.of(), null).coversTruth()).isNull();
    assertThat(verdict(summary(-0.02, 0.001, 400, 400), "", false, Set.of(), 0.0).coversTruth()).isFalse();
  }

  @Test
  void theValidResampleRuleFlagsBelowNinetyPercent() {
    // 360 of 400 is exactly 90%: stable; 359 is not
    assertThat(verdict(summary(-0.02, 0.001, 400, 360), "", false, Set.of(), null).flags()).isEmpty();
    ContrastVerdict v = verdict(summary(-0.02, 0.001, 400, 359), "", false, Set.of(), null);
    assertThat(v.flags()).containsExactly(FitFlag.UNSTABLE);
    assertThat(v.reason()).isEqualTo("41 of 400 resamples not estimable");
    assertThat(BootstrapSummary.unstable(359, 400)).isTrue();
    assertThat(BootstrapSummary.unstable(360, 400)).isFalse();
  }

  @Test
  void flagsAppearInTheOrderFoundWithTheirReasons() {
    ContrastVerdict v = verdict(summary(Double.NaN, Double.NaN, 100, 10), "observations left out (fast)", true,
        Set.of("base"), null);
    assertThat(v.flags()).containsExactly(FitFlag.NOT_ESTIMABLE, FitFlag.UNSTABLE, FitFlag.DROPPED_POINTS,
        FitFlag.NO_ITEMS);
    assertThat(v.flagKeys()).isEqualTo("not_estimable,unstable,dropped_points,no_items");
    assertThat(v.reason()).isEqualTo("full-sample delta-beta is not estimable; 90 of 100 resamples not estimable; "
        + "observations left out (fast); subgroup fast has no item-level data: the items scheme does not resample "
        + "its items");
  }

  @Test
  void noItemsIsOneFlagWhenBothSubgroupsLackItems() {
    ContrastVerdict v = verdict(summary(-0.02, 0.001, 400, 400), "", true, Set.of(), null);
    assertThat(v.flags()).containsExactly(FitFlag.NO_ITEMS);
    assertThat(v.reason()).contains("subgroup base").contains("subgroup fast");
    assertThat(List.of(v.reason().split("; "))).hasSize(2);
  }
}
