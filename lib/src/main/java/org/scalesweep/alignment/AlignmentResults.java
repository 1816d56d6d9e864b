package org.scalesweep.alignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.fit.Approach2;
import org.scalesweep.fit.Fit;
import org.scalesweep.law.JointLaw;
import org.scalesweep.law.OffsetPowerLaw;
import org.scalesweep.law.PostTrainingLaw;

/**
 * Everything seed 000 reports, estimated from one data set.
 *
 * @param modelSize Experiment 1: E + A/N^α on the size sweep
 * @param data Experiment 2: E + B/D^β on the data sweep
 * @param joint Approach 3 on Experiments 1 + 2 (16 points)
 * @param frontier Experiment 3: Approach 2 optima and allocation exponents
 * @param optimalLoss Experiment 3: loss at each budget's optimum
 * @param frontierSlope log-log slope of the optimal loss on compute
 * @param postTraining Experiment 4: γ and δ of Eq. 2 given the fitted alignment law
 * @param mixtures Experiment 5: effectiveness per ratio
 */
public record AlignmentResults(Fit<OffsetPowerLaw> modelSize, Fit<OffsetPowerLaw> data, Fit<JointLaw> joint,
    Approach2.Result frontier, double[] optimalLoss, double frontierSlope, Fit<PostTrainingLaw> postTraining,
    List<MixtureEffect> mixtures) {

  /** The bootstrapped statistics, by name, in a fixed order (NaN where an estimate is missing). */
  public Map<String, Double> statistics() {
    Map<String, Double> s = new LinkedHashMap<>();
    double[] j = joint.parametersOrNaN(5);
    String[] names = {"E", "A", "alpha", "B", "beta"};
    for (int i = 0; i < 5; i++) {
      s.put(names[i], j[i]);
    }
    s.put("r2_joint", joint.rSquared());
    s.put("a_theory_from_joint", joint.hasEstimate() ? joint.law().allocationExponentN() : Double.NaN);
    double[] m = modelSize.parametersOrNaN(3);
    s.put("exp1_E", m[0]);
    s.put("exp1_A", m[1]);
    s.put("exp1_alpha", m[2]);
    s.put("exp1_r2", modelSize.rSquared());
    double[] d = data.parametersOrNaN(3);
    s.put("exp2_E", d[0]);
    s.put("exp2_B", d[1]);
    s.put("exp2_beta", d[2]);
    s.put("exp2_r2", data.rSquared());
    s.put("a", frontier.params().exponent());
    s.put("b", frontier.tokens().exponent());
    s.put("loss_opt_first", optimalLoss.length > 0 ? optimalLoss[0] : Double.NaN);
    s.put("loss_opt_last", optimalLoss.length > 0 ? optimalLoss[optimalLoss.length - 1] : Double.NaN);
    s.put("frontier_slope", frontierSlope);
    double[] p = postTraining.hasEstimate()
        ? new double[] {postTraining.law().gamma(), postTraining.law().delta()} : new double[] {Double.NaN, Double.NaN};
    s.put("gamma", p[0]);
    s.put("delta", p[1]);
    for (MixtureEffect e : mixtures) {
      s.put("mixture_" + e.key() + "_mean", e.meanImprovement());
      s.put("mixture_" + e.key() + "_slope", e.slopePerDecade());
    }
    return s;
  }
}
