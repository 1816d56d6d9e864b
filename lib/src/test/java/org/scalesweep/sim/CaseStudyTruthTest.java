package org.scalesweep.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.law.JointLaw;

class CaseStudyTruthTest {
  private static final JointLaw OVERALL = new JointLaw(1.8, 406, 0.34, 600, 0.34);

  private static CaseStudyTruth truth(List<CaseStudyTruth.Spec> specs, double anchorCompute) {
    return new CaseStudyTruth("dclm", OVERALL, "base", 1e18, anchorCompute, null, 0, specs);
  }

  @Test
  void treatmentsMultiplyOntoTheBaseline() {
    CaseStudyTruth t = truth(List.of(new CaseStudyTruth.Spec("base", 1.05, 0.01, 0, null),
        new CaseStudyTruth.Spec("fast", 1.25, -0.02, 0, null)), Double.NaN);
    CorpusTruth ct = t.corpusTruth();
    assertThat(ct.subgroups()).extracting(Subgroup::name).containsExactly("overall", "base", "fast");
    SubgroupTruth.Relative fast = (SubgroupTruth.Relative) ct.subgroups().get(2).truth();
    assertThat(fast.gamma()).isCloseTo(1.05 * 1.25, within(1e-15));
    assertThat(fast.deltaBeta()).isCloseTo(0.01 - 0.02, within(1e-15));
    assertThat(fast.computeRef()).isEqualTo(1e18);
    assertThat(t.deltaBeta("fast")).isEqualTo(-0.02);
  }

  @Test
  void crossoverIsWhereTheRelativeCurvesMeet() {
    CaseStudyTruth t = truth(List.of(new CaseStudyTruth.Spec("base", 1, 0, 0, null),
        new CaseStudyTruth.Spec("a", 2, -0.1, 0, null), new CaseStudyTruth.Spec("b", 1, 0, 0, null),
        new CaseStudyTruth.Spec("c", 3, 0, 0, null)), Double.NaN);
    double x = t.log10Crossover("a", "b");
    // 2 (F/1e18)^-0.1 = 1  <=>  log10 F = 18 + log10(2) / 0.1
    assertThat(x).isCloseTo(18 + Math.log10(2) / 0.1, within(1e-12));
    assertThat(t.log10Crossover("b", "c")).isNaN();
  }

  @Test
  void anchoredGammaPassesThroughTheAnchorValue() {
    double anchorCompute = 2.07e22;
    CaseStudyTruth t = truth(List.of(new CaseStudyTruth.Spec("base", Double.NaN, 0.01, 0, 0.5),
        new CaseStudyTruth.Spec("up", Double.NaN, -0.02, 0, 0.4)), anchorCompute);
    double fa = anchorCompute / 3 / 1e18;
    double gb = t.gamma(t.subgroup("base"));
    assertThat(gb * Math.pow(fa, 0.01) * OVERALL.optimalLoss(anchorCompute)).isCloseTo(0.5, within(1e-12));
    double gt = t.gamma(t.subgroup("up"));
    assertThat(gt * Math.pow(fa, -0.02) * 0.5).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void anUnknownSubgroupIsNamed() {
    CaseStudyTruth t = truth(List.of(new CaseStudyTruth.Spec("base", 1, 0, 0, null)), Double.NaN);
    assertThatThrownBy(() -> t.deltaBeta("nope")).hasMessageContaining("nope");
  }
}
