package org.scalesweep.alignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The designs of seed 000's five experiments.
 *
 * @param modelSizes Experiment 1 sizes (D fixed at {@code fixedTokens})
 * @param fixedTokens Experiment 1's alignment data
 * @param dataSizes Experiment 2 data quantities (N fixed at {@code fixedParams})
 * @param fixedParams Experiment 2's model size
 * @param budgets Experiment 3 compute budgets (C = 6ND)
 * @param pointsPerBudget IsoFLOP points per budget
 * @param spanDecades each IsoFLOP sweep spans ± this many decades of N around √(C/120) (20 tokens per parameter)
 * @param postTrainingSizes Experiment 4 sizes
 * @param postTrainingCompute Experiment 4 post-training compute levels
 * @param postTrainingData Experiment 4 alignment data levels (0 allowed)
 * @param mixtures Experiment 5 alignment fractions of pretraining tokens
 * @param tokensPerParam Experiment 5 pretraining tokens per parameter
 */
public record AlignmentDesign(List<Double> modelSizes, double fixedTokens, List<Double> dataSizes, double fixedParams,
    List<Double> budgets, int pointsPerBudget, double spanDecades, List<Double> postTrainingSizes,
    List<Double> postTrainingCompute, List<Double> postTrainingData, List<Double> mixtures, double tokensPerParam)
    implements java.io.Serializable {

  public AlignmentDesign {
    modelSizes = List.copyOf(modelSizes);
    dataSizes = List.copyOf(dataSizes);
    budgets = List.copyOf(budgets);
    postTrainingSizes = List.copyOf(postTrainingSizes);
    postTrainingCompute = List.copyOf(postTrainingCompute);
    postTrainingData = List.copyOf(postTrainingData);
    mixtures = List.copyOf(mixtures);
    if (pointsPerBudget < 3) {
      throw new IllegalArgumentException("frontier points-per-budget must be >= 3 for a parabola, got " + pointsPerBudget);
    }
    if (!(spanDecades > 0)) {
      throw new IllegalArgumentException("frontier span-decades must be > 0, got " + spanDecades);
    }
  }

  /** Seed 000's design: 8 sizes 125M…70B at D=1e6, 8 data sizes 1K…10M at N=6.9B, 7 budgets 1e17…1e23, … */
  public static AlignmentDesign seed000() {
    return new AlignmentDesign(List.of(125e6, 350e6, 1.3e9, 2.7e9, 6.9e9, 13e9, 30e9, 70e9), 1e6,
        List.of(1e3, 1e4, 1e5, 5e5, 1e6, 2e6, 5e6, 1e7), 6.9e9, List.of(1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23), 9, 1.0,
        List.of(1.3e9, 6.9e9, 13e9, 70e9), List.of(1e16, 1e17, 1e18, 1e19, 1e20), List.of(0.0, 1e4, 1e5, 1e6, 1e7),
        List.of(1e-4, 1e-3, 1e-2, 1e-1), 20);
  }

  /** Every design point, experiment by experiment. */
  public List<DesignPoint> points() {
    List<DesignPoint> out = new ArrayList<>();
    for (double n : modelSizes) {
      out.add(point(Experiment.MODEL_SIZE, n, fixedTokens, Double.NaN, Double.NaN));
    }
    for (double d : dataSizes) {
      out.add(point(Experiment.DATA, fixedParams, d, Double.NaN, Double.NaN));
    }
    for (double c : budgets) {
      double center = Math.log10(Math.sqrt(c / (6 * 20)));
      for (int i = 0; i < pointsPerBudget; i++) {
        double n = Math.pow(10, center - spanDecades + 2 * spanDecades * i / (pointsPerBudget - 1));
        DesignPoint p = point(Experiment.FRONTIER, n, c / (6 * n), Double.NaN, Double.NaN);
        out.add(new DesignPoint(p.experiment(), String.format(Locale.ROOT, "frontier-C%.0e-%d", c, i), n, c / (6 * n), c,
            Double.NaN, Double.NaN));
      }
    }
    for (double n : postTrainingSizes) {
      for (double cpt : postTrainingCompute) {
        for (double d : postTrainingData) {
          out.add(point(Experiment.POST_TRAINING, n, d, cpt, Double.NaN));
        }
      }
    }
    for (double n : modelSizes) {
      out.add(point(Experiment.MIXTURE, n, 0, Double.NaN, 0));
      for (double m : mixtures) {
        out.add(point(Experiment.MIXTURE, n, m * tokensPerParam * n, Double.NaN, m));
      }
    }
    return List.copyOf(out);
  }

  private static DesignPoint point(Experiment e, double n, double d, double cpt, double mixture) {
    String id = String.format(Locale.ROOT, "%s-N%.3g-D%.3g%s%s", e.key(), n, d,
        Double.isNaN(cpt) ? "" : String.format(Locale.ROOT, "-Cpt%.0e", cpt),
        Double.isNaN(mixture) ? "" : String.format(Locale.ROOT, "-m%.4g", mixture));
    return new DesignPoint(e, id, n, d, 6 * n * Math.max(d, 1), cpt, mixture);
  }
}
