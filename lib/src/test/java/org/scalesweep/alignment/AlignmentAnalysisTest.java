package org.scalesweep.alignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalesweep.fit.JointLawFitter;
import org.scalesweep.law.JointLaw;

class AlignmentAnalysisTest {
  private static final JointLaw T = JointLaw.SEED_000_TRUTH;
  private final List<DesignPoint> points = AlignmentDesign.seed000().points();
  private final AlignmentAnalysis analysis = new AlignmentAnalysis(points, JointLawFitter.defaults().withScreening(200),
      1e18, 1e6);

  @Test
  void designHasTheSeedsExperiments() {
    assertThat(points.stream().filter(p -> p.experiment() == Experiment.MODEL_SIZE)).hasSize(8);
    assertThat(points.stream().filter(p -> p.experiment() == Experiment.DATA)).hasSize(8);
    assertThat(points.stream().filter(p -> p.experiment() == Experiment.FRONTIER)).hasSize(7 * 9);
    assertThat(points.stream().filter(p -> p.experiment() == Experiment.POST_TRAINING)).hasSize(4 * 5 * 5);
    assertThat(points.stream().filter(p -> p.experiment() == Experiment.MIXTURE)).hasSize(8 * 5);
    assertThat(points.stream().map(DesignPoint::id).distinct()).hasSize(points.size());
  }

  @Test
  void noiselessDataRecoverEveryTruth() {
    double[][] loss = new AlignmentSimulation(1, 0, AlignmentTruth.seed000()).observeAll(points, 1);
    AlignmentResults r = analysis.analyze(loss, null, null);
    Map<String, Double> s = r.statistics();
    System.out.println(s);
    assertThat(s.get("E") / T.e() - 1).isCloseTo(0, within(1e-6));
    assertThat(s.get("A") / T.a() - 1).isCloseTo(0, within(1e-6));
    assertThat(s.get("alpha") / T.alpha() - 1).isCloseTo(0, within(1e-6));
    assertThat(s.get("B") / T.b() - 1).isCloseTo(0, within(1e-6));
    assertThat(s.get("beta") / T.beta() - 1).isCloseTo(0, within(1e-6));
    // single-axis fits: the other term is folded into the offset
    assertThat(s.get("exp1_alpha")).isCloseTo(T.alpha(), within(1e-5));
    assertThat(s.get("exp1_E")).isCloseTo(T.e() + T.dataTerm(1e6), within(1e-7));
    assertThat(s.get("exp2_beta")).isCloseTo(T.beta(), within(1e-5));
    assertThat(s.get("exp2_E")).isCloseTo(T.e() + T.modelTerm(6.9e9), within(1e-7));
    // Approach 2 parabolas over ±1 decade approximate the closed form
    assertThat(s.get("a")).isCloseTo(T.allocationExponentN(), within(0.005));
    assertThat(s.get("a") + s.get("b")).isCloseTo(1, within(1e-9));
    assertThat(s.get("loss_opt_first")).isCloseTo(T.optimalLoss(1e17), within(T.optimalLoss(1e17) * 0.01));
    assertThat(s.get("gamma")).isCloseTo(0.152, within(1e-6));
    assertThat(s.get("delta")).isCloseTo(-0.087, within(1e-6));
    for (MixtureEffect m : r.mixtures()) {
      assertThat(m.meanImprovement()).isBetween(0.9, 1.0);
      assertThat(m.slopePerDecade()).isPositive();
    }
  }

  @Test
  void warmStartedResampleEqualsTheFullFitWhenWeightsAreOne() {
    double[][] loss = new AlignmentSimulation(42, 0.02, AlignmentTruth.seed000()).observeAll(points, 5);
    AlignmentResults full = analysis.analyze(loss, null, null);
    double[][] w = new double[points.size()][5];
    for (double[] row : w) {
      java.util.Arrays.fill(row, 1);
    }
    AlignmentResults again = analysis.analyze(loss, w, full);
    assertThat(again.statistics().get("beta")).isCloseTo(full.statistics().get("beta"), within(1e-9));
    assertThat(again.statistics().get("gamma")).isCloseTo(full.statistics().get("gamma"), within(1e-9));
  }
}
