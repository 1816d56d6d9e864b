package org.scalesweep.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalesweep.law.JointLaw;
import org.scalesweep.sim.CaseStudyTruth;

class TruthQuantitiesTest {
  private static final JointLaw OVERALL = new JointLaw(1.8, 406, 0.34, 600, 0.34);

  private static CaseStudyTruth truth() {
    return new CaseStudyTruth("c", OVERALL, "base", 1e18, Double.NaN, null, 0, List.of(
        new CaseStudyTruth.Spec("base", 0.30, 0.02, 0, null),
        new CaseStudyTruth.Spec("a", 1.29, -0.0447, 0, null),
        new CaseStudyTruth.Spec("b", 1.05, 0.0025, 0, null)));
  }

  @Test
  void gapsFollowTheRelativeLaw() {
    assertThat(TruthQuantities.gapPercent(truth(), "a", 1e18)).isCloseTo(-29.0, within(1e-9));
    assertThat(TruthQuantities.gapPercent(truth(), "a", 1e20)).isCloseTo(-(1.29 * Math.pow(100, -0.0447) - 1) * 100,
        within(1e-12));
    assertThat(TruthQuantities.changePer10xPercent(Math.log10(1 - 0.004))).isCloseTo(0.4, within(1e-12));
    // crossover where 1.29 F^-0.0447 = 1.05 F^0.0025: log10 F = 18 + log10(1.29/1.05)/0.0472
    assertThat(Math.log10(TruthQuantities.crossover(truth(), "a", "b")))
        .isCloseTo(18 + Math.log10(1.29 / 1.05) / 0.0472, within(1e-9));
  }

  @Test
  void frontierLossesCompoundTheBaselineOntoTheOverallOptimum() {
    double overall = OVERALL.optimalLoss(3e19);
    assertThat(TruthQuantities.frontierLoss(truth(), "overall", 1e19)).isEqualTo(overall);
    assertThat(TruthQuantities.frontierLoss(truth(), "base", 1e19)).isCloseTo(overall * 0.30 * Math.pow(10, 0.02),
        within(1e-12));
    assertThat(TruthQuantities.frontierLoss(truth(), "b", 1e19))
        .isCloseTo(overall * 0.30 * 1.05 * Math.pow(10, 0.0225), within(1e-12));
    double p1 = Math.exp(-TruthQuantities.frontierLoss(truth(), "b", 1e18));
    double p2 = Math.exp(-TruthQuantities.frontierLoss(truth(), "b", 1e20));
    assertThat(TruthQuantities.likelihoodPointsPerDecade(truth(), "b", 1e18, 1e20)).isCloseTo(50 * (p2 - p1),
        within(1e-12));
    assertThatThrownBy(() -> TruthQuantities.frontierLoss(truth(), "nope", 1e19)).hasMessageContaining("nope");
  }

  @Test
  void correlationAndSlopeOfALine() {
    double[] x = {1, 2, 3, 4};
    assertThat(TruthQuantities.pearson(x, new double[] {2, 4, 6, 8})).isCloseTo(1, within(1e-12));
    assertThat(TruthQuantities.pearson(x, new double[] {1, -1, -1, 1})).isCloseTo(0, within(1e-12));
    assertThat(TruthQuantities.olsSlope(x, new double[] {1, 3.5, 6, 8.5})).isCloseTo(2.5, within(1e-12));
  }

  @Test
  void anEncodedStatementMustBeCheckable() {
    assertThatThrownBy(() -> new PublishedStatement("x", "003", "§1", "q", "p.conf", "none", "v", Double.NaN,
        Double.NaN, Provenance.RECOVERED, true, Double.NaN, Double.NaN, Double.NaN, ""))
        .hasMessageContaining("encoded");
    assertThatThrownBy(() -> Provenance.parse("matched")).hasMessageContaining("recovered, reproduced");
  }
}
