package org.scalesweep.alignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalesweep.design.DesignedStudy;
import org.scalesweep.design.Point;
import org.scalesweep.fit.JointLawFitter;

/** Seed 000's study as a {@link DesignedStudy}: design, truth, lognormal noise and analyses. */
public record AlignmentStudy(AlignmentDesign design, AlignmentTruth truth, double noise, double huberDelta, int screen)
    implements DesignedStudy {

  private static final Map<String, String> LABELS = labels0();

  @Override
  public List<Point> points() {
    return design.points().stream().map(AlignmentStudy::toPoint).toList();
  }

  @Override
  public List<String> attributes() {
    return List.of("params", "tokens", "compute", "post_training_compute", "mixture");
  }

  @Override
  public double truth(Point p) {
    return truth.loss(fromPoint(p));
  }

  @Override
  public double observe(long seed, Point p, int replicate) {
    return new AlignmentSimulation(seed, noise, truth).observe(fromPoint(p), replicate);
  }

  @Override
  public Analysis analyze(double[][] observations, double[][] weights, Analysis warm) {
    return new Result(analysis().analyze(observations, weights, warm == null ? null : ((Result) warm).results()));
  }

  /** The analysis with this study's fit settings. */
  public AlignmentAnalysis analysis() {
    return new AlignmentAnalysis(design.points(), JointLawFitter.defaults().withHuberDelta(huberDelta)
        .withScreening(screen), truth.law().cRef(), truth.law().dRef());
  }

  @Override
  public Map<String, String> labels() {
    return LABELS;
  }

  /** The analysis with its full results (frontier optima for the report). */
  public record Result(AlignmentResults results) implements Analysis {
    @Override
    public Map<String, Double> statistics() {
      return results.statistics();
    }
  }

  static Point toPoint(DesignPoint d) {
    Map<String, Double> a = new LinkedHashMap<>();
    a.put("params", d.params());
    a.put("tokens", d.tokens());
    a.put("compute", d.compute());
    a.put("post_training_compute", d.postTrainingCompute());
    a.put("mixture", d.mixture());
    return new Point(d.experiment().key(), d.id(), a);
  }

  static DesignPoint fromPoint(Point p) {
    Experiment e = java.util.Arrays.stream(Experiment.values()).filter(x -> x.key().equals(p.experiment())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown seed-000 experiment '" + p.experiment() + "'"));
    return new DesignPoint(e, p.id(), p.get("params"), p.get("tokens"), p.get("compute"),
        p.get("post_training_compute"), p.get("mixture"));
  }

  private static Map<String, String> labels0() {
    Map<String, String> m = new LinkedHashMap<>();
    String[][] rows = {
        {"exp1_E", "Exp. 1 offset E (E + data term)"}, {"exp1_A", "Exp. 1 A"}, {"exp1_alpha", "Exp. 1 alpha"},
        {"exp1_r2", "Exp. 1 R²"}, {"exp2_E", "Exp. 2 offset E (E + model term)"}, {"exp2_B", "Exp. 2 B"},
        {"exp2_beta", "Exp. 2 beta"}, {"exp2_r2", "Exp. 2 R²"}, {"E", "joint E"}, {"A", "joint A"},
        {"alpha", "joint alpha"}, {"B", "joint B"}, {"beta", "joint beta"}, {"r2_joint", "joint R² (16 points)"},
        {"a", "allocation a (N* ∝ C^a), Approach 2"}, {"b", "allocation b (D* ∝ C^b), Approach 2"},
        {"a_theory_from_joint", "a = beta/(alpha+beta) from the joint fit"},
        {"loss_opt_first", "optimal loss at the first budget"}, {"loss_opt_last", "optimal loss at the last budget"},
        {"frontier_slope", "log-log slope of the optimal loss"}, {"gamma", "Eq. 2 gamma"}, {"delta", "Eq. 2 delta"}};
    for (String[] r : rows) {
      m.put(r[0], r[1]);
    }
    return m;
  }
}
